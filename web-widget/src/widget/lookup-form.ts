/**
 * The 查询办理进度 form: a citizen types the 件号 and either the last four digits of the phone number
 * left with the case or the one-time 查询码 given when no phone was left, and sees its status,
 * deadline and staff replies as plain text. The server answers "not found" alike for a wrong number
 * and a wrong secret, so the message says to check both.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { apiUrl } from './api-url.ts';

// Four digits are a phone's last four; six letters and digits (no 0/O/1/I) a lookup code.
const LAST4 = /^\d{4}$/;
const CODE = /^[A-Z2-9]{6}$/;

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
  /** A lookup code to prefill (from the page address the kiosk's QR code leads to). */
  code?: string;
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
  const secret = h('input', {
    attrs: {
      id: `${id}-secret`,
      maxlength: 6,
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      value: options.code,
      required: true,
      'aria-describedby': `${id}-secret-hint`,
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
    h('label', { text: '手机号后四位或查询码', attrs: { for: `${id}-secret` } }),
    secret,
    h('small', {
      class: 'hint',
      attrs: { id: `${id}-secret-hint` },
      text: '登记时留了电话，填手机号后四位；没有留电话，填6位查询码。',
    }),
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
    const value = secret.value.trim().toUpperCase();
    if (!caseNumber) return fail(error, number, '请填写件号。');
    if (!LAST4.test(value) && !CODE.test(value)) {
      return fail(error, secret, '请填写登记时所留手机号的后四位，或6位查询码。');
    }
    submit.disabled = true;
    const url = apiUrl(options.server, '/api/v1/cases/lookup');
    url.searchParams.set('number', caseNumber);
    url.searchParams.set(LAST4.test(value) ? 'phoneLast4' : 'code', value);
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (response.ok) return showProgress(result, (await response.json()) as CaseProgress, options);
        replaceChildren(result);
        error.textContent =
          response.status === 404
            ? '未查到该件号，请核对件号和手机号后四位（或查询码）。'
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
