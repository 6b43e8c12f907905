/**
 * The kiosk's hand-over to a person (找工作人员, 办不成事, or an answer the bot cannot give): the
 * consent form in large touch type — what staff will see, a big consent checkbox, an optional phone
 * with an on-screen digit pad, the promised reply time — then either the 办不成事 window's place and
 * hours (no consent: no case) or the case number, the lookup code when no phone was left, and a QR
 * code to follow the case on a phone.
 *
 * One form sends at most one request at a time and none after a case was opened, so a double tap
 * on a slow screen opens exactly one case.
 */
import type { EscalationCategory } from '../../../bot/types.ts';
import { h, replaceChildren } from '../shared/dom.ts';
import { caseFollowUrl, renderQrCode } from './case-qr.ts';
import { renderDigitPad } from './digit-pad.ts';
import {
  DEFAULT_SHARED,
  fetchHandOverInfo,
  submitHandOver,
  type HandOverInfo,
  type OpenedCase,
} from './hand-over-api.ts';

const PHONE = /^1[3-9]\d{9}$/;
const PHONE_LENGTH = 11;

export interface HandOverOptions {
  sessionId: string;
  category: EscalationCategory;
  /** Shown above the form, e.g. the bot's answer that led here. */
  intro?: string;
  /** Where to go in person when the server gives no message (from the hall layout). */
  windowHint: () => string;
  backButton: () => HTMLElement;
  /** Read a new screen's main sentence aloud (when read-aloud is on). */
  say: (text: string) => void;
}

function setScreen(name: string): void {
  document.body.dataset.screen = name;
}

export function renderHandOver(options: HandOverOptions): HTMLElement {
  const container = h('section', { class: 'hand-over', attrs: { 'aria-labelledby': 'hand-over-title' } });
  setScreen('handover');
  const sharedText = h('p', { class: 'hand-over-shared', text: `工作人员将看到：${DEFAULT_SHARED}。` });
  const replyText = h('p', { class: 'hand-over-reply', text: '工作人员将尽快回复您。' });
  const consent = h('input', {
    class: 'consent-box',
    attrs: { type: 'checkbox', id: 'hand-over-consent' },
  });
  const phone = h('input', {
    class: 'phone-input',
    attrs: {
      type: 'tel',
      id: 'hand-over-phone',
      inputmode: 'numeric',
      autocomplete: 'tel',
      maxlength: PHONE_LENGTH,
      'aria-describedby': 'hand-over-phone-hint',
    },
  });
  const problem = h('p', { class: 'hand-over-problem', attrs: { role: 'alert' } });
  const submit = h('button', { class: 'primary-action', text: '提交', attrs: { type: 'submit' } });
  const decline = h('button', {
    class: 'secondary-action',
    text: '不用了，我去窗口办理',
    attrs: { type: 'button' },
  });
  let sending = false;

  phone.addEventListener('input', () => {
    phone.value = phone.value.replace(/\D/g, '').slice(0, PHONE_LENGTH);
    problem.textContent = '';
  });

  const send = async (withConsent: boolean): Promise<void> => {
    if (sending) return;
    const number = phone.value.trim();
    if (withConsent && number && !PHONE.test(number)) {
      problem.textContent = '请填写11位手机号码，或者清空号码不填。';
      return;
    }
    sending = true;
    submit.disabled = true;
    decline.disabled = true;
    problem.textContent = '';
    try {
      const result = await submitHandOver({
        sessionId: options.sessionId,
        category: options.category,
        consent: withConsent,
        ...(withConsent && number ? { phone: number } : {}),
      });
      if (result.declined) showDeclined(result.message);
      else if (result.number) showCase(result);
      else throw new Error('提交失败，请到综合咨询窗口咨询工作人员。');
    } catch (reason) {
      sending = false;
      submit.disabled = false;
      decline.disabled = false;
      problem.textContent =
        reason instanceof Error && reason.message !== 'Failed to fetch'
          ? reason.message
          : '暂时无法提交，请到综合咨询窗口咨询工作人员。';
    }
  };

  const form = h(
    'form',
    { class: 'hand-over-form', attrs: { novalidate: true } },
    sharedText,
    h(
      'div',
      { class: 'consent' },
      consent,
      h('label', { text: '我同意把以上内容交给工作人员处理', attrs: { for: 'hand-over-consent' } }),
    ),
    h(
      'div',
      { class: 'phone' },
      h(
        'div',
        { class: 'phone-field' },
        h('label', { text: '联系电话（选填）', attrs: { for: 'hand-over-phone' } }),
        phone,
        h('p', {
          class: 'muted',
          text: '留下手机号，工作人员可以给您回电，也可凭件号和手机号后四位查询进度。',
          attrs: { id: 'hand-over-phone-hint' },
        }),
      ),
      renderDigitPad(phone, PHONE_LENGTH),
    ),
    replyText,
    problem,
    h('div', { class: 'hand-over-actions' }, submit, decline),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(consent.checked);
  });
  decline.addEventListener('click', () => void send(false));

  replaceChildren(
    container,
    options.backButton(),
    h('h2', { text: '请工作人员帮您', attrs: { id: 'hand-over-title' } }),
    options.intro ? h('p', { class: 'answer-text', text: options.intro }) : null,
    form,
  );

  void fetchHandOverInfo().then((info: HandOverInfo) => {
    if (info.shared) sharedText.textContent = `工作人员将看到：${info.shared.replace(/。$/, '')}。`;
    if (info.expectedReply) replyText.textContent = `${info.expectedReply.replace(/。$/, '')}。`;
  });
  options.say(options.intro ?? '如需工作人员帮您处理，请勾选同意后点提交。');

  function showDeclined(message: string): void {
    setScreen('declined');
    const text = message || options.windowHint();
    replaceChildren(
      container,
      options.backButton(),
      h('h2', { text: '未转交工作人员', attrs: { id: 'hand-over-title' } }),
      h('p', { class: 'answer-text declined-message', text }),
    );
    options.say(text);
  }

  function showCase(opened: OpenedCase): void {
    setScreen('case');
    const code = opened.lookup === 'code' ? opened.lookupCode : undefined;
    const url = caseFollowUrl(location.origin, opened.number, code);
    const how = code
      ? '请记下件号和查询码，凭两者可在手机或网站上查询办理进度。'
      : `工作人员将联系您${opened.phoneMasked ? `（${opened.phoneMasked}）` : ''}，也可凭件号和手机号后四位查询进度。`;
    replaceChildren(
      container,
      options.backButton(),
      h('h2', { text: '已转交工作人员', attrs: { id: 'hand-over-title' } }),
      h(
        'div',
        { class: 'case-confirmation' },
        h(
          'dl',
          { class: 'case-keys' },
          h('dt', { text: '件号' }),
          h('dd', { class: 'case-number', text: opened.number }),
          code ? h('dt', { text: '查询码' }) : null,
          code ? h('dd', { class: 'lookup-code', text: code }) : null,
        ),
        h(
          'figure',
          { class: 'case-qr-block' },
          renderQrCode(url, '手机扫码查看办理进度'),
          h('figcaption', { text: '用手机扫一扫，随时查看办理进度' }),
        ),
      ),
      h('p', { class: 'answer-text', text: how }),
      opened.expectedReply ? h('p', { class: 'hand-over-reply', text: opened.expectedReply }) : null,
    );
    options.say(`已为您转交工作人员，件号${opened.number.split('').join(' ')}。`);
  }

  return container;
}
