/**
 * Knowledge gaps: questions the assistant could not answer well, grouped. Staff write the answer and
 * publish it to the knowledge base in one step; it is searchable from the next question on.
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
    h('p', { class: 'muted', text: '写好答案后点击“发布到知识库”，导办助手即可用它回答同类问题。' }),
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
    h('button', { class: 'primary', text: '发布到知识库', attrs: { type: 'submit' } }),
    result,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!answer.value.trim()) {
      result.textContent = '请先填写答案。';
      return;
    }
    api
      .post('/staff/knowledge', {
        question: question.value.trim(),
        answer: answer.value.trim(),
        itemId: gap.itemId,
      })
      .then(() => {
        result.textContent = '已发布到知识库，导办助手现在可以回答这个问题了。';
        form.classList.add('published');
      })
      .catch((reason: unknown) => (result.textContent = errorText(reason)));
  });
  return form;
}
