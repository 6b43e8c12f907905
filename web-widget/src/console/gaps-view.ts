/**
 * Knowledge gaps: questions the assistant could not answer well, grouped. Staff write the answer and
 * publish it to the knowledge base in one step; it is searchable from the next question on. Noise
 * (probes, poems, personal lines) is dismissed (忽略), a gap answered elsewhere marked 已解答; either
 * way, and once published, the gap leaves the list.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { errorText } from './login-view.ts';
import type { GapGroup } from './models.ts';
import { api, listOf } from './staff-api.ts';

export function gapsView(): HTMLElement {
  const list = h('div', { class: 'gaps' });
  const status = h('p', { class: 'muted', attrs: { 'aria-live': 'polite' } });
  const load = (): void => {
    api
      .get<unknown>('/staff/gaps')
      .then((result) => {
        const gaps = listOf<GapGroup>(result, 'gaps');
        status.textContent = gaps.length ? `共${gaps.length}组未解答的问题` : '暂无未解答的问题。';
        replaceChildren(list, ...gaps.map((gap, index) => gapCard(gap, index)));
      })
      .catch((reason: unknown) => (status.textContent = errorText(reason)));
  };
  load();
  return h(
    'section',
    { class: 'view' },
    h('h1', { text: '知识缺口' }),
    h('p', {
      class: 'muted',
      text: '写好答案后点击“发布为知识”，导办助手即可用它回答同类问题；与政务服务无关的问题可以忽略。',
    }),
    status,
    list,
  );
}

function gapCard(gap: GapGroup, index: number): HTMLElement {
  const id = `gap-${index}`;
  const question = h('input', { attrs: { id: `${id}-question`, value: gap.question, maxlength: 200 } });
  const answer = h('textarea', {
    attrs: { id: `${id}-answer`, rows: 3, maxlength: 2000, placeholder: '请填写规范、准确的答复' },
  });
  const result = h('p', { class: 'notice', attrs: { role: 'status' } });
  const form = h(
    'form',
    { class: 'card gap', attrs: { 'aria-label': gap.question } },
    h('h2', { text: gap.question }),
    h('p', {
      class: 'muted',
      text: `被问到${gap.count}次${gap.examples?.length ? '，例如：' + gap.examples.slice(0, 3).join('；') : ''}`,
    }),
    h('label', { attrs: { for: `${id}-question` }, text: '标准问题' }),
    question,
    h('label', { attrs: { for: `${id}-answer` }, text: '答案' }),
    answer,
    h(
      'div',
      { class: 'actions' },
      h('button', { class: 'primary', text: '发布为知识', attrs: { type: 'submit' } }),
      h('button', {
        text: '已解答',
        attrs: { type: 'button', 'aria-label': `标记“${gap.question}”为已解答` },
        on: { click: () => mark('answered', '已标记为已解答，此问题不再列入知识缺口。') },
      }),
      h('button', {
        text: '忽略',
        attrs: { type: 'button', 'aria-label': `忽略“${gap.question}”` },
        on: { click: () => mark('dismiss', '已忽略，此问题不再列入知识缺口。') },
      }),
    ),
    result,
  );
  /** The gap leaves the list; the notice stays for screen readers until the next load. */
  const leave = (message: string): void => {
    result.textContent = message;
    form.classList.add('published');
    for (const control of form.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLTextAreaElement>(
      'button, input, textarea',
    )) {
      control.disabled = true;
    }
  };
  const mark = (action: 'dismiss' | 'answered', message: string): void => {
    api
      .post(`/staff/gaps/${action}`, { question: gap.question })
      .then(() => leave(message))
      .catch((reason: unknown) => (result.textContent = errorText(reason)));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!answer.value.trim()) {
      result.textContent = '请先填写答案。';
      return;
    }
    api
      .post('/staff/knowledge', {
        questions: [question.value.trim()],
        answer: answer.value.trim(),
        itemId: gap.itemId,
        fromGap: gap.question,
      })
      .then(() => leave('已发布到知识库，导办助手现在可以回答这个问题了；可在“知识库”中补充更多例句。'))
      .catch((reason: unknown) => (result.textContent = errorText(reason)));
  });
  return form;
}
