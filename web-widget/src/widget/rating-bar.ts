/**
 * 好差评 with the five national levels. After an answer it is one row of buttons; at the end of a
 * conversation it also takes an optional comment. A 差评 tells the citizen it will be followed up,
 * because the server opens a rectification case for it.
 */
import { h } from '../shared/dom.ts';
import { RATING_LEVELS, isPoorRating } from '../shared/rating-levels.ts';
import type { RatingLevel } from '../shared/rating-levels.ts';

export interface RatingBarOptions {
  prompt: string;
  withComment: boolean;
  onRate: (level: RatingLevel, comment?: string) => void;
}

export function createRatingBar(options: RatingBarOptions): HTMLElement {
  const comment = options.withComment
    ? h('textarea', {
        class: 'rating-comment',
        attrs: {
          rows: 2,
          maxlength: 300,
          'aria-label': '评价意见（选填）',
          placeholder: '您的意见或建议（选填）',
        },
      })
    : null;
  const group = h('div', { class: 'rating-levels', attrs: { role: 'group', 'aria-label': options.prompt } });
  const bar = h(
    'div',
    { class: 'rating', attrs: { part: 'rating' } },
    h('p', { class: 'rating-prompt', text: options.prompt }),
    comment,
    group,
  );
  for (const level of RATING_LEVELS) {
    group.append(
      h('button', {
        class: `rating-level${isPoorRating(level) ? ' poor' : ''}`,
        text: level,
        attrs: { type: 'button', 'data-level': level },
        on: {
          click: () => {
            const text = comment?.value.trim() || undefined;
            options.onRate(level, text);
            const thanks = isPoorRating(level)
              ? `感谢您的评价（${level}）。我们已登记，将由专人核实整改并回访您。`
              : `感谢您的评价（${level}）！`;
            bar.replaceChildren(h('p', { class: 'rating-thanks', text: thanks, attrs: { tabindex: -1 } }));
            (bar.firstElementChild as HTMLElement | null)?.focus();
          },
        },
      }),
    );
  }
  return bar;
}
