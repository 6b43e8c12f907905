/**
 * The one consent form in front of every hand-over to a person (转人工, 办不成事, a complaint typed in
 * the chat, a hard case the assistant cannot answer): what staff will see, the promised reply time
 * (from `GET /api/v1/handover`, working-hours aware), an optional phone number for the reply, and the
 * consent checkbox. Submitting without consent is a valid answer, not an error: no case is opened and
 * the server tells the citizen where the 办不成事 window is (personal information law: nothing is
 * shared without consent).
 */
import { h } from '../shared/dom.ts';
import type { EscalationCategory } from '../shared/protocol.ts';
import { apiUrl } from './api-url.ts';

export interface EscalationRequest {
  category: EscalationCategory;
  consent: boolean;
  phone?: string;
  description?: string;
}

const CATEGORIES: { value: EscalationCategory; label: string }[] = [
  { value: '咨询转人工', label: '咨询人工客服' },
  { value: '办不成事反映', label: '办不成事反映' },
  { value: '投诉', label: '投诉建议' },
];

// Said until the server's own sentences arrive (and if they never do).
const SHARED_FALLBACK = '您与智能导办的全部对话、您填写的说明和联系电话（如填写）';
const MOBILE = /^1[3-9]\d{9}$/;

/** 13812341234 → 138****1234: how a phone number is shown back, never in full. */
export const maskPhone = (phone: string): string => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

export function createEscalationForm(options: {
  idPrefix: string;
  server: string;
  initial: EscalationCategory;
  /** Why the assistant suggests a person (a bot answer's `escalation.reason`). */
  reason?: string;
  onSubmit: (request: EscalationRequest) => void;
  onCancel: () => void;
}): HTMLFormElement {
  const id = options.idPrefix;
  const error = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const shared = h('span', { text: SHARED_FALLBACK });
  const expected = h('p', { class: 'expected-reply', attrs: { hidden: true } });
  const phone = h('input', {
    attrs: {
      id: `${id}-phone`,
      type: 'tel',
      inputmode: 'numeric',
      maxlength: 13,
      autocomplete: 'tel',
      placeholder: '选填，11位手机号',
      'aria-describedby': `${id}-phone-hint`,
    },
  });
  const description = h('textarea', {
    attrs: { id: `${id}-description`, rows: 2, maxlength: 500, placeholder: '选填，简单说明遇到的问题' },
  });
  const consent = h('input', { attrs: { id: `${id}-consent`, type: 'checkbox' } });
  const radios = CATEGORIES.map((category) =>
    h(
      'label',
      { class: 'choice' },
      h('input', {
        attrs: {
          type: 'radio',
          name: `${id}-category`,
          value: category.value,
          checked: category.value === options.initial,
        },
      }),
      category.label,
    ),
  );
  const form = h(
    'form',
    { class: 'escalation', attrs: { 'aria-label': '转人工服务', novalidate: true } },
    h('h3', { text: '转人工服务' }),
    options.reason ? h('p', { class: 'escalation-reason', text: options.reason }) : null,
    h('fieldset', {}, h('legend', { text: '您需要哪种帮助？' }), ...radios),
    h('p', { class: 'shared' }, '转给工作人员的内容：', shared, '。'),
    expected,
    h('label', { attrs: { for: `${id}-phone` }, text: '联系电话' }),
    phone,
    h('small', {
      class: 'hint',
      attrs: { id: `${id}-phone-hint` },
      text: '留下电话，可凭件号和手机号后四位查询；不留电话，我们会给您一个查询码。',
    }),
    h('label', { attrs: { for: `${id}-description` }, text: '问题说明' }),
    description,
    h(
      'label',
      { class: 'consent' },
      consent,
      '我同意将以上内容提供给政务服务中心工作人员，用于办理我的诉求。',
    ),
    h('small', {
      class: 'hint',
      text: '不同意也可以提交：不会转交您的对话，我们会告诉您办不成事窗口的位置和时间。',
    }),
    error,
    h(
      'div',
      { class: 'form-actions' },
      h('button', { class: 'primary', text: '提交', attrs: { type: 'submit' } }),
      h('button', { text: '取消', attrs: { type: 'button' }, on: { click: () => options.onCancel() } }),
    ),
  );

  fetch(apiUrl(options.server, '/api/v1/handover'), { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : undefined))
    .then((body: { shared?: unknown; expectedReply?: unknown } | undefined) => {
      if (typeof body?.shared === 'string' && body.shared) {
        shared.textContent = body.shared.replace(/。$/, '');
      }
      if (typeof body?.expectedReply === 'string' && body.expectedReply) {
        expected.textContent = `答复时间：${body.expectedReply}`;
        expected.hidden = false;
      }
    })
    .catch(() => undefined);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const phoneValue = phone.value.replace(/[\s-]/g, '');
    if (phoneValue && !MOBILE.test(phoneValue)) {
      error.textContent = '请填写11位手机号码，或留空。';
      phone.focus();
      return;
    }
    if (phoneValue && !consent.checked) {
      error.textContent = '留下联系电话需要您勾选同意；如不同意，请清空电话号码。';
      consent.focus();
      return;
    }
    const checked = form.querySelector<HTMLInputElement>('input[type=radio]:checked');
    options.onSubmit({
      category: (checked?.value as EscalationCategory | undefined) ?? options.initial,
      consent: consent.checked,
      phone: phoneValue || undefined,
      description: (consent.checked && description.value.trim()) || undefined,
    });
  });
  return form;
}
