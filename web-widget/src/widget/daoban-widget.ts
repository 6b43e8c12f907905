/**
 * `<daoban-widget>`: the citizen chat on the government website. A custom element with a closed-off
 * shadow root, so host-page CSS cannot reach in and the widget's CSS cannot leak out. It speaks the
 * `/ws` protocol, renders answers as cards, offers 转人工 / 办不成事 at all times, shows staff replies
 * live, collects 好差评, and has a 适老化 mode remembered per device. A returning visitor gets the
 * latest page of the conversation; 查看更早的消息 brings older pages (`earlier-messages.ts`).
 *
 * Shared computers: 结束并清除对话 ends the conversation on the server (`end`: the visitor id can no
 * longer resume it; other open tabs are cleared too) and forgets the visitor on this device; the
 * visitor id expires after `data-remember-days` (7); with `data-public` (公共电脑 mode) the id is never
 * stored, and the conversation is cleared when it is rated (结束并评价) or after `data-idle-seconds`
 * (300) without a touch or key.
 */
import { renderCitations, renderItemCard } from '../shared/answer-card.ts';
import { ChatSocket } from '../shared/chat-socket.ts';
import { endConversationOverHttp } from '../shared/end-conversation.ts';
import { h, replaceChildren } from '../shared/dom.ts';
import type { ChatMessage, EscalationCategory, ServerFrame } from '../shared/protocol.ts';
import { createComposer } from './composer.ts';
import type { Composer } from './composer.ts';
import { createEarlierMessages, type EarlierMessages } from './earlier-messages.ts';
import { createEscalationForm } from './escalation-form.ts';
import { createLookupForm } from './lookup-form.ts';
import {
  REMEMBER_DAYS,
  elderModePreferred,
  forgetVisitor,
  rememberElderMode,
  touchVisitor,
  visitorIdentity,
  type VisitorOptions,
} from './preferences.ts';
import { createRatingBar } from './rating-bar.ts';
import { WIDGET_CSS } from './widget-styles.ts';

const MAX_MESSAGE_CHARS = 500;
/** 公共电脑 mode: the conversation is cleared after this long without activity. */
export const PUBLIC_IDLE_SECONDS = 300;
const CLEARED_TEXT = '对话已结束并清除，本设备不再保留这次对话。';
// The elder mode's larger text needs a placeholder that fits one line on a 375 px phone.
const PLACEHOLDER = { normal: '请输入您要办理的事项或问题', elder: '请输入问题' };
// Same wording as the server's greeting, shown when a returning visitor has no history yet.
const FALLBACK_GREETING =
  '您好！我是政务服务大厅智能导办。请告诉我您想办理的事项，我可以告诉您需要带什么材料、到哪个窗口、多久能办好。';
const ESCALATION_WORDS = /^(转人工|人工|人工服务|办不成事|办不成事反映|投诉)$/;
const SENDER_LABEL: Record<ChatMessage['from'], string> = {
  citizen: '我',
  bot: '导办助手',
  staff: '工作人员',
  system: '',
};

export class DaobanWidget extends HTMLElement {
  private readonly root: ShadowRoot;
  private socket?: ChatSocket;
  private launcher!: HTMLButtonElement;
  private panel!: HTMLElement;
  private log!: HTMLElement;
  private earlier!: EarlierMessages;
  private typing!: HTMLElement;
  private caseBanner!: HTMLElement;
  private elderButton!: HTMLButtonElement;
  private composer!: Composer;
  private lastQuickReplies?: HTMLElement;
  private escalationForm?: HTMLFormElement;
  private lookupForm?: HTMLFormElement;
  /** Only the latest answer keeps its 好差评 bar, so the log is not a column of rating rows. */
  private answerRating?: HTMLElement;
  private user = '';
  private messageCount = 0;
  private caseNumber?: string;
  private built = false;
  private idleTimer?: ReturnType<typeof setTimeout>;
  private clearAfterRating = false;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback(): void {
    if (this.built) return;
    this.built = true;
    this.build();
    if (elderModePreferred()) this.setElderMode(true);
    if (this.hasAttribute('open')) this.open();
  }

  disconnectedCallback(): void {
    clearTimeout(this.idleTimer);
    this.socket?.close();
    this.socket = undefined;
    this.built = false;
    this.root.replaceChildren();
  }

  private get visitorOptions(): VisitorOptions {
    const days = Number(this.getAttribute('data-remember-days'));
    return {
      publicMode: this.hasAttribute('data-public'),
      rememberDays: Number.isFinite(days) && days > 0 ? days : REMEMBER_DAYS,
    };
  }

  private get idleMs(): number {
    const seconds = Number(this.getAttribute('data-idle-seconds'));
    return (Number.isFinite(seconds) && seconds > 0 ? seconds : PUBLIC_IDLE_SECONDS) * 1000;
  }

  /** 公共电脑 mode: any touch or key in the widget starts the idle period again. */
  private pokeIdle = (): void => {
    if (!this.hasAttribute('data-public')) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.messageCount > 0) this.clearConversation(false);
      this.close();
    }, this.idleMs);
  };

  /**
   * Ends the conversation, on the server (the visitor id can no longer resume it) and on this
   * device: the next visitor starts a new one and cannot see it.
   */
  clearConversation(notify = true): void {
    if (this.user) {
      // Over the socket when it is open (the server answers `ended` and closes it), else over HTTP.
      const finished = this.socket?.finish({ type: 'end', user: this.user }) ?? false;
      this.socket = undefined;
      if (!finished) endConversationOverHttp(this.getAttribute('data-server') ?? '', this.user);
    }
    this.forgetConversation(notify);
  }

  /** Clears the conversation from the widget and the device (already ended on the server). */
  private forgetConversation(notify: boolean): void {
    clearTimeout(this.idleTimer);
    this.clearAfterRating = false;
    this.socket?.close();
    this.socket = undefined;
    forgetVisitor(this.user);
    this.user = '';
    this.messageCount = 0;
    this.caseNumber = undefined;
    this.lastQuickReplies = undefined;
    this.answerRating = undefined;
    this.escalationForm = undefined;
    this.lookupForm = undefined;
    this.caseBanner.hidden = true;
    this.typing.hidden = true;
    replaceChildren(this.caseBanner);
    this.earlier.clear();
    replaceChildren(this.log, this.earlier.element);
    if (notify) this.log.append(h('div', { class: 'message from-system', text: CLEARED_TEXT }));
  }

  private get panelTitle(): string {
    return this.getAttribute('data-title') || '政务服务在线导办';
  }

  private build(): void {
    const style = h('style', { text: WIDGET_CSS });
    this.launcher = h(
      'button',
      {
        class: 'launcher',
        attrs: {
          type: 'button',
          part: 'launcher',
          'aria-expanded': 'false',
          'aria-controls': 'daoban-panel',
        },
        on: { click: () => this.open() },
      },
      '在线导办',
    );
    this.elderButton = h('button', {
      text: '长辈模式',
      attrs: { type: 'button', 'aria-pressed': 'false', title: '大字、高对比、简洁显示' },
      on: { click: () => this.setElderMode(!this.hasAttribute('elder')) },
    });
    this.caseBanner = h('div', { class: 'case-banner', attrs: { hidden: true } });
    this.earlier = createEarlierMessages({
      request: (before) => this.socket?.send({ type: 'history', user: this.user, before }),
    });
    this.log = h(
      'div',
      {
        class: 'log',
        attrs: {
          role: 'log',
          'aria-live': 'polite',
          'aria-relevant': 'additions',
          'aria-label': '对话记录',
          tabindex: 0,
        },
      },
      this.earlier.element,
    );
    this.typing = h(
      'div',
      { class: 'typing', attrs: { hidden: true } },
      h('span', { text: '导办助手正在输入…' }),
    );
    this.composer = createComposer({ maxLength: MAX_MESSAGE_CHARS, onSend: (text) => this.sendText(text) });
    const actions = h(
      'div',
      { class: 'actions', attrs: { role: 'toolbar', 'aria-label': '更多服务' } },
      h('button', {
        class: 'escalate',
        text: '转人工',
        attrs: { type: 'button' },
        on: { click: () => this.showEscalation('咨询转人工') },
      }),
      h('button', {
        class: 'escalate',
        text: '办不成事',
        attrs: { type: 'button' },
        on: { click: () => this.showEscalation('办不成事反映') },
      }),
      h('button', {
        text: '查询进度',
        attrs: { type: 'button', title: '凭件号和手机号后四位查询办理进度' },
        on: { click: () => this.showLookup() },
      }),
      h('button', {
        text: '结束并评价',
        attrs: { type: 'button' },
        on: { click: () => this.showConversationRating() },
      }),
      h('button', {
        text: '结束并清除对话',
        attrs: { type: 'button', title: '在公共电脑上使用后请点此，下一位使用者将看不到您的对话' },
        on: { click: () => this.clearConversation() },
      }),
    );
    this.panel = h(
      'section',
      {
        class: 'panel',
        attrs: {
          id: 'daoban-panel',
          part: 'panel',
          role: 'dialog',
          'aria-label': this.panelTitle,
          hidden: true,
        },
      },
      h(
        'header',
        { attrs: { part: 'header' } },
        h(
          'h2',
          {},
          h('span', { class: 'title', text: this.panelTitle }),
          h('small', { text: '智能导办 · 工作时间可转人工' }),
        ),
        this.elderButton,
        h('button', {
          text: '关闭',
          attrs: { type: 'button', 'aria-label': '关闭对话窗口' },
          on: { click: () => this.close() },
        }),
      ),
      this.caseBanner,
      this.log,
      this.typing,
      actions,
      this.composer.element,
    );
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
    for (const type of ['pointerdown', 'keydown', 'input']) this.panel.addEventListener(type, this.pokeIdle);
    this.root.append(style, this.launcher, this.panel);
  }

  open(): void {
    if (!this.built) return;
    this.launcher.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.panel.hidden = false;
    this.ensureConnected();
    this.pokeIdle();
    this.composer.input.focus();
  }

  close(): void {
    this.panel.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
  }

  private ensureConnected(): void {
    if (this.socket) return;
    const identity = visitorIdentity(this.visitorOptions);
    this.user = identity.user;
    // The server greets a new visitor (hello) and sends the history to a returning one (welcome_back).
    this.socket = new ChatSocket({
      server: this.getAttribute('data-server') ?? '',
      user: identity.user,
      returning: identity.returning,
      onFrame: (frame) => this.handleFrame(frame),
    });
    this.socket.connect();
  }

  private setElderMode(on: boolean): void {
    this.toggleAttribute('elder', on);
    this.elderButton.setAttribute('aria-pressed', String(on));
    this.composer.input.placeholder = on ? PLACEHOLDER.elder : PLACEHOLDER.normal;
    rememberElderMode(on);
  }

  private sendText(text: string): void {
    if (ESCALATION_WORDS.test(text)) {
      this.showEscalation(text.includes('办不成') ? '办不成事反映' : text === '投诉' ? '投诉' : '咨询转人工');
      return;
    }
    this.ensureConnected();
    touchVisitor(this.user, this.visitorOptions);
    this.pokeIdle();
    this.addMessage({ from: 'citizen', text, quickReplies: [] });
    this.typing.hidden = false;
    this.socket?.send({ type: 'message', text, user: this.user });
  }

  private handleFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'typing':
        this.typing.hidden = false;
        return;
      case 'message':
        this.typing.hidden = true;
        this.addMessage(frame.message);
        return;
      case 'history':
        replaceChildren(this.log, this.earlier.element);
        this.earlier.reset(frame.messages, frame.more);
        this.lastQuickReplies = undefined;
        for (const message of frame.messages) this.addMessage(message, { history: true });
        if (frame.messages.length === 0) {
          this.addMessage({
            from: 'bot',
            text: FALLBACK_GREETING,
            quickReplies: [],
          });
        }
        return;
      case 'history_page':
        this.prependEarlier(frame.messages, frame.more);
        return;
      case 'case_opened':
        this.caseOpened(frame.case.number, frame.case.deadline);
        return;
      case 'error':
        this.typing.hidden = true;
        this.earlier.failed();
        this.addMessage({ from: 'system', text: frame.message, quickReplies: [] });
        return;
      case 'ended':
        // Ended in another tab of this visitor (on this device): this one is cleared as well.
        this.forgetConversation(true);
        return;
      case 'rated':
        if (this.clearAfterRating) {
          // 公共电脑 mode: rating the conversation ends it.
          this.clearConversation();
          return;
        }
        if (frame.caseNumber) {
          this.addMessage({
            from: 'system',
            text: `已为您的评价登记整改件，件号：${frame.caseNumber}，我们会核实整改并回访您。`,
            quickReplies: [],
          });
        }
        return;
    }
  }

  private caseOpened(number: string, deadline?: string): void {
    if (number === this.caseNumber) {
      // A second request in the same conversation joins the open case rather than opening another.
      this.addMessage({
        from: 'system',
        text: `您的诉求已登记在件号 ${number} 中，工作人员会一并处理。`,
        quickReplies: [],
      });
      return;
    }
    this.showCaseBanner(number);
    const due = deadline ? `工作人员将在${formatDate(deadline)}前答复您。` : '工作人员将尽快答复您。';
    const message = h(
      'div',
      { class: 'message from-system', attrs: { 'data-case': number } },
      '已为您转人工，件号：',
      h('span', { class: 'case-number', text: number }),
      `。${due}请记下件号，也可以凭件号和手机号后四位查询进度。`,
      h('button', {
        class: 'link',
        text: '查询办理进度',
        attrs: { type: 'button' },
        on: { click: () => this.showLookup() },
      }),
    );
    this.log.append(message);
    this.scrollToEnd();
  }

  private showCaseBanner(number: string): void {
    this.caseNumber = number;
    this.caseBanner.hidden = false;
    replaceChildren(
      this.caseBanner,
      '您的件号：',
      h('span', { class: 'case-number', text: number }),
      '，工作人员回复后会显示在这里',
    );
  }

  /**
   * An older page goes above the messages shown; the reader's place stays where it was (the
   * distance from the bottom of the transcript is kept), and focus leaves the control only when
   * it disappears.
   */
  private prependEarlier(messages: ChatMessage[], more: boolean): void {
    const hadFocus = this.root.activeElement === this.earlier.element;
    const fromBottom = this.log.scrollHeight - this.log.scrollTop;
    const older = this.earlier.accept(messages, more);
    this.log.setAttribute('aria-busy', 'true');
    this.earlier.element.after(...older.map((message) => this.renderBubble(message)));
    for (const message of older) {
      if (message.from === 'staff' && message.caseNumber && !this.caseNumber) {
        this.showCaseBanner(message.caseNumber);
      }
    }
    this.log.scrollTop = this.log.scrollHeight - fromBottom;
    this.log.removeAttribute('aria-busy');
    if (hadFocus && this.earlier.element.hidden) this.log.focus({ preventScroll: true });
  }

  /** A message's bubble: sender, text and the answer card, all as text (never markup). */
  private renderBubble(message: ChatMessage): HTMLElement {
    const index = this.messageCount++;
    const sender =
      message.from === 'staff' && message.caseNumber
        ? `工作人员（件号 ${message.caseNumber}）`
        : SENDER_LABEL[message.from];
    const bubble = h(
      'div',
      { class: `message from-${message.from}`, attrs: { 'data-from': message.from } },
      sender ? h('span', { class: 'sender', text: sender }) : null,
      h('span', { class: 'text', text: message.text }),
    );
    const answer = message.answer;
    if (answer?.card) {
      bubble.append(
        renderItemCard(answer.card, answer, { idPrefix: `m${index}`, simple: this.hasAttribute('elder') }),
      );
    } else if (answer && !this.hasAttribute('elder')) {
      const citations = renderCitations(answer);
      if (citations) bubble.append(citations);
    }
    return bubble;
  }

  private addMessage(message: ChatMessage, options: { history?: boolean } = {}): void {
    this.lastQuickReplies?.remove();
    this.lastQuickReplies = undefined;
    const answer = message.answer;
    this.log.append(this.renderBubble(message));
    if (message.from === 'staff' && message.caseNumber && !this.caseNumber) {
      this.caseOpened(message.caseNumber);
    }
    if (!options.history) {
      if (answer?.escalate) {
        this.addChoices([{ title: '转人工服务', payload: '转人工' }], false);
      } else if (message.quickReplies.length > 0) {
        this.addChoices(message.quickReplies, answer?.intent === 'clarify');
      }
      if (answer && answer.items.length > 0 && answer.intent !== 'clarify') {
        this.answerRating?.remove();
        this.answerRating = createRatingBar({
          prompt: '这个回答对您有帮助吗？请评价：',
          withComment: false,
          onRate: (level) =>
            this.socket?.send({
              type: 'rate',
              user: this.user,
              target: 'answer',
              targetId: message.id,
              level,
            }),
        });
        this.log.append(this.answerRating);
      }
    }
    this.scrollToEnd();
  }

  private addChoices(replies: ChatMessage['quickReplies'], clarify: boolean): void {
    const group = h('div', {
      class: clarify ? 'choices' : 'quick-replies',
      attrs: { role: 'group', 'aria-label': clarify ? '请选择您要办理的事项' : '您可能还想问' },
    });
    for (const reply of replies) {
      group.append(
        h('button', {
          text: reply.title,
          attrs: { type: 'button' },
          on: {
            click: () => {
              this.sendText(reply.payload);
              this.composer.input.focus();
            },
          },
        }),
      );
    }
    this.log.append(group);
    this.lastQuickReplies = group;
  }

  private showEscalation(category: EscalationCategory): void {
    this.ensureConnected();
    this.escalationForm?.remove();
    const form = createEscalationForm({
      idPrefix: `esc${this.messageCount}`,
      initial: category,
      onSubmit: (request) => {
        form.remove();
        this.escalationForm = undefined;
        this.addMessage({
          from: 'citizen',
          text: `申请${request.category === '咨询转人工' ? '转人工服务' : request.category}`,
          quickReplies: [],
        });
        this.socket?.send({ type: 'escalate', user: this.user, consent: true, ...request });
        this.composer.input.focus();
      },
      onCancel: () => {
        form.remove();
        this.escalationForm = undefined;
        this.composer.input.focus();
      },
    });
    this.escalationForm = form;
    this.log.append(form);
    this.scrollToEnd();
    form.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus();
  }

  private showLookup(): void {
    this.lookupForm?.remove();
    const form = createLookupForm({
      idPrefix: `lookup${this.messageCount}`,
      server: this.getAttribute('data-server') ?? '',
      number: this.caseNumber,
      formatDate,
      onClose: () => {
        form.remove();
        this.lookupForm = undefined;
        this.composer.input.focus();
      },
    });
    this.lookupForm = form;
    this.log.append(form);
    this.scrollToEnd();
    form.querySelector<HTMLInputElement>(this.caseNumber ? 'input[inputmode]' : 'input')?.focus();
  }

  private showConversationRating(): void {
    this.ensureConnected();
    // The conversation rating replaces the pending answer rating: one rating row at a time.
    this.answerRating?.remove();
    this.answerRating = undefined;
    const bar = createRatingBar({
      prompt: '请对本次服务作出评价：',
      withComment: true,
      onRate: (level, comment) => {
        this.clearAfterRating = this.hasAttribute('data-public');
        this.socket?.send({
          type: 'rate',
          user: this.user,
          target: this.caseNumber ? 'case' : 'conversation',
          targetId: this.caseNumber,
          level,
          comment,
        });
      },
    });
    this.log.append(bar);
    this.scrollToEnd();
    bar.querySelector('button')?.focus();
  }

  private scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }
}

function formatDate(value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[1]}年${Number(day[2])}月${Number(day[3])}日`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}
