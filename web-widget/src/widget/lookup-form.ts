/**
 * The 查询办理进度 form: a citizen types the 件号 and the last four digits of the phone number left
 * with the case and sees its status, deadline and staff replies as plain text. The server answers
 * "not found" alike for a wrong number and wrong digits, so the message says to check both.
 */
import { h, replaceChildren } from '../shared/dom.ts';

interface CaseProgress {
  number: string;
  status: string;
  category?: string;
  itemName?: string;
  deadline?: string;
  replies?: { at: string; text: string }[];
}

export function createLookupForm(options: {
  idPrefix: string;
  server: string;
  number?: string;
  formatDate: (value: string) => string;
  onClose: () => void;
}): HTMLFormElement {
  const id = options.idPrefix;
  const number = h('input', {
    attrs: {
      id: `${id}-number`,
      maxlength: 40,
      autocomplete: 'off',
      autocapitalize: 'characters',
      value: options.number,
      required: true,
    },
  });
  const last4 = h('input', {
    attrs: {
      id: `${id}-last4`,
      inputmode: 'numeric',
      maxlength: 4,
      pattern: '[0-9]{4}',
      autocomplete: 'off',
      required: true,
    },
  });
  const error = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const result = h('div', { class: 'lookup-result', attrs: { 'aria-live': 'polite' } });
  const submit = h('button', { class: 'primary', text: '查询', attrs: { type: 'submit' } });
  const form = h(
    'form',
    { class: 'escalation lookup', attrs: { 'aria-labelledby': `${id}-title`, novalidate: true } },
    h('h3', { text: '查询办理进度', attrs: { id: `${id}-title` } }),
    h('label', { text: '件号', attrs: { for: `${id}-number` } }),
    number,
    h('label', { text: '手机号后四位', attrs: { for: `${id}-last4` } }),
    last4,
    error,
    h(
      'div',
      { class: 'form-actions' },
      submit,
      h('button', { text: '关闭', attrs: { type: 'button' }, on: { click: options.onClose } }),
    ),
    result,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    const caseNumber = number.value.trim().toUpperCase();
    const digits = last4.value.trim();
    if (!caseNumber) return fail(error, number, '请填写件号。');
    if (!/^\d{4}$/.test(digits)) return fail(error, last4, '请填写登记时所留手机号的后四位数字。');
    submit.disabled = true;
    const url = new URL('/api/v1/cases/lookup', new URL(options.server || '/', location.href));
    url.searchParams.set('number', caseNumber);
    url.searchParams.set('phoneLast4', digits);
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (response.ok) return showProgress(result, (await response.json()) as CaseProgress, options);
        replaceChildren(result);
        error.textContent =
          response.status === 404
            ? '未查到该件号，请核对件号和手机号后四位。'
            : response.status === 429
              ? ((await serverMessage(response)) ?? '查询次数过多，请稍后再试。')
              : '查询暂不可用，请稍后再试。';
      })
      .catch(() => (error.textContent = '网络连接失败，请稍后再试。'))
      .finally(() => (submit.disabled = false));
  });
  return form;
}

/** The server's own sentence for a refusal ("请 15 分钟后再试"), shown as text; none if unreadable. */
async function serverMessage(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    const message = body.error?.message;
    return typeof message === 'string' && message.trim() ? message.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}

function fail(error: HTMLElement, field: HTMLInputElement, text: string): void {
  error.textContent = text;
  field.focus();
}

function showProgress(
  result: HTMLElement,
  progress: CaseProgress,
  options: { formatDate: (value: string) => string },
): void {
  const replies = progress.replies ?? [];
  const facts: [string, string | undefined][] = [
    ['件号', progress.number],
    ['办理状态', progress.status],
    ['事项', progress.itemName ?? progress.category],
    ['答复时限', progress.deadline ? options.formatDate(progress.deadline) : undefined],
  ];
  replaceChildren(
    result,
    h(
      'dl',
      { class: 'lookup-facts' },
      ...facts
        .filter((fact): fact is [string, string] => Boolean(fact[1]))
        .map(([label, value]) => h('div', {}, h('dt', { text: label }), h('dd', { text: value }))),
    ),
    h('p', { class: 'lookup-heading', text: replies.length ? '工作人员答复：' : '暂无工作人员答复。' }),
    replies.length
      ? h(
          'ol',
          { class: 'lookup-replies' },
          ...replies.map((reply) => h('li', { text: `${options.formatDate(reply.at)}：${reply.text}` })),
        )
      : null,
  );
}
