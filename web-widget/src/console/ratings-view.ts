/** 好差评 received, filterable by level; a 差评 links to its rectification case. */
import { h, replaceChildren } from '../shared/dom.ts';
import { RATING_LEVELS, isPoorRating } from '../shared/rating-levels.ts';
import { errorText } from './login-view.ts';
import type { RatingEntry } from './models.ts';
import { api, listOf } from './staff-api.ts';
import { formatDateTime } from './working-days.ts';

const TARGET_LABEL: Record<string, string> = { answer: '回答', conversation: '整次对话', case: '工单办理' };

export function ratingsView(): HTMLElement {
  const level = h(
    'select',
    { attrs: { id: 'ratings-level' } },
    h('option', { text: '全部', attrs: { value: '' } }),
    h('option', { text: '仅差评', attrs: { value: 'poor' } }),
    ...RATING_LEVELS.map((name) => h('option', { text: name, attrs: { value: name } })),
  );
  const list = h('tbody');
  const status = h('p', { class: 'muted', attrs: { 'aria-live': 'polite' } });
  const load = (): void => {
    const value = level.value;
    const query = value && value !== 'poor' ? `?level=${encodeURIComponent(value)}` : '';
    api
      .get<unknown>(`/staff/ratings${query}`)
      .then((result) => {
        let ratings = listOf<RatingEntry>(result, 'ratings');
        if (value === 'poor') ratings = ratings.filter((entry) => isPoorRating(entry.level));
        status.textContent = ratings.length ? `共${ratings.length}条评价` : '暂无评价。';
        replaceChildren(
          list,
          ...ratings.map((entry) =>
            h(
              'tr',
              { class: isPoorRating(entry.level) ? 'poor' : '' },
              h('td', { text: formatDateTime(entry.createdAt) }),
              h(
                'td',
                {},
                h('span', { class: `level${isPoorRating(entry.level) ? ' poor' : ''}`, text: entry.level }),
              ),
              h('td', { text: TARGET_LABEL[entry.target] ?? entry.target }),
              h('td', { text: entry.itemName ?? entry.question ?? '—' }),
              h('td', { text: entry.comment ?? '' }),
              h(
                'td',
                {},
                entry.caseNumber
                  ? h('a', {
                      attrs: { href: `#/cases/${encodeURIComponent(entry.caseNumber)}` },
                      text: `整改工单 ${entry.caseNumber}`,
                    })
                  : '—',
              ),
            ),
          ),
        );
      })
      .catch((reason: unknown) => (status.textContent = errorText(reason)));
  };
  level.addEventListener('change', load);
  load();
  return h(
    'section',
    { class: 'view' },
    h('h1', { text: '好差评' }),
    h(
      'div',
      { class: 'filters' },
      h('label', { class: 'filter', attrs: { for: 'ratings-level' } }, '评价等级', level),
    ),
    status,
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['时间', '等级', '对象', '事项/问题', '意见', '整改'].map((text) =>
            h('th', { text, attrs: { scope: 'col' } }),
          ),
        ),
      ),
      list,
    ),
  );
}
