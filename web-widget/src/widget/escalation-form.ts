/**
 * The 转人工 / 办不成事 form: what kind of help is needed, an optional phone number for the reply, and
 * explicit consent to pass the conversation to staff (personal information law). Nothing is sent
 * without consent.
 */
import { h } from '../shared/dom.ts';
import type { EscalationCategory } from '../shared/protocol.ts';

export interface EscalationRequest {
  category: EscalationCategory;
  phone?: string;
  description?: string;
}

const CATEGORIES: { value: EscalationCategory; label: string }[] = [
  { value: '咨询转人工', label: '咨询人工客服' },
  { value: '办不成事反映', label: '办不成事反映' },
  { value: '投诉', label: '投诉建议' },
];

export function createEscalationForm(options: {
  idPrefix: string;
  initial: EscalationCategory;
  onSubmit: (request: EscalationRequest) => void;
  onCancel: () => void;
}): HTMLFormElement {
  const error = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const phone = h('input', {
    attrs: {
      id: `${options.idPrefix}-phone`,
      type: 'tel',
      inputmode: 'numeric',
      maxlength: 11,
      autocomplete: 'tel',
      placeholder: '选填，便于工作人员回复',
    },
  });
  const description = h('textarea', {
    attrs: {
      id: `${options.idPrefix}-description`,
      rows: 2,
      maxlength: 500,
      placeholder: '选填，简单说明遇到的问题',
    },
  });
  const consent = h('input', { attrs: { id: `${options.idPrefix}-consent`, type: 'checkbox' } });
  const radios = CATEGORIES.map((category) =>
    h(
      'label',
      { class: 'choice' },
      h('input', {
        attrs: {
          type: 'radio',
          name: `${options.idPrefix}-category`,
          value: category.value,
          checked: category.value === options.initial,
        },
      }),
      category.label,
    ),
  );
  const form = h(
    'form',
    { class: 'escalation', attrs: { 'aria-label': '转人工服务' } },
    h('h3', { text: '转人工服务' }),
    h('fieldset', {}, h('legend', { text: '您需要哪种帮助？' }), ...radios),
    h('label', { attrs: { for: `${options.idPrefix}-phone` }, text: '联系电话' }),
    phone,
    h('label', { attrs: { for: `${options.idPrefix}-description` }, text: '问题说明' }),
    description,
    h(
      'label',
      { class: 'consent' },
      consent,
      '我同意将本次对话记录和联系电话提供给政务服务中心工作人员，用于办理我的诉求。',
    ),
    error,
    h(
      'div',
      { class: 'form-actions' },
      h('button', { class: 'primary', text: '提交', attrs: { type: 'submit' } }),
      h('button', { text: '取消', attrs: { type: 'button' }, on: { click: () => options.onCancel() } }),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const phoneValue = phone.value.trim();
    if (phoneValue && !/^1[3-9]\d{9}$/.test(phoneValue.replace(/[\s-]/g, ''))) {
      error.textContent = '请填写11位手机号码，或留空。';
      phone.focus();
      return;
    }
    if (!consent.checked) {
      error.textContent = '请先勾选同意，工作人员才能查看您的对话记录。';
      consent.focus();
      return;
    }
    const checked = form.querySelector<HTMLInputElement>('input[type=radio]:checked');
    options.onSubmit({
      category: (checked?.value as EscalationCategory | undefined) ?? options.initial,
      phone: phoneValue || undefined,
      description: description.value.trim() || undefined,
    });
  });
  return form;
}
