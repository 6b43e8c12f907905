/**
 * 预审单: the clerk at the window opens a citizen's pre-check by the number on their notice (typed,
 * or by scanning its QR code, which opens `#/prechecks/<number>`), sees what the citizen was told
 * and can print it.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { errorText } from './login-view.ts';
import type { PrecheckNoticeView } from './precheck-models.ts';
import { precheckNoticeCard } from './precheck-notice-card.ts';
import { api } from './staff-api.ts';

export function precheckView(precheckNo?: string): HTMLElement {
  const input = h('input', {
    attrs: {
      id: 'precheck-number',
      name: 'precheckNo',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: '例如 YS261202-K7M3Q',
      value: precheckNo ?? '',
      maxlength: 30,
    },
  });
  const lookup = h(
    'form',
    { class: 'filters precheck-lookup', attrs: { role: 'search', 'aria-label': '按预审编号查看' } },
    h('label', { attrs: { for: 'precheck-number' }, text: '预审编号' }),
    input,
    h('button', { class: 'primary', attrs: { type: 'submit' }, text: '查看' }),
  );
  lookup.addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = input.value.trim();
    if (typed) location.hash = `#/prechecks/${encodeURIComponent(typed)}`;
  });
  const status = h('p', { class: 'muted', attrs: { 'aria-live': 'polite' } });
  const result = h('div', { class: 'precheck-result' });

  if (precheckNo) {
    status.textContent = '正在查询…';
    api
      .get<PrecheckNoticeView>(`/staff/prechecks/${encodeURIComponent(precheckNo)}`)
      .then((notice) => {
        status.textContent = '';
        const print = h('button', {
          class: 'no-print',
          attrs: { type: 'button' },
          text: '打印告知书',
          on: { click: () => window.print() },
        });
        replaceChildren(
          result,
          h('div', { class: 'no-print precheck-actions' }, print),
          precheckNoticeCard(notice),
        );
      })
      .catch((reason: unknown) => {
        status.className = 'error';
        status.textContent = errorText(reason);
      });
  } else {
    status.textContent = '请输入群众出示的预审编号，或扫描一次性告知书上的二维码。';
  }

  return h('section', { class: 'view precheck-view' }, h('h1', { text: '预审单' }), lookup, status, result);
}
