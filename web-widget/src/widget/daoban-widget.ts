/**
 * `<daoban-widget>`: the citizen chat on the government website. A custom element with a closed-off
 * shadow root, so host-page CSS cannot reach in and the widget's CSS cannot leak out. It speaks the
 * `/ws` protocol, renders answers as cards, offers 转人工 / 办不成事 at all times, shows staff replies
 * live, collects 好差评, and has a 适老化 mode remembered per device. A returning visitor gets the
 * latest page of the conversation; 查看更早的消息 brings older pages (`earlier-messages.ts`).
 *
 * Hand-over (`handover-status.ts`): every path to a person goes through the consent form; while the
 * conversation is with staff (`waiting`, `staff`) a status line says so and acknowledged messages
 * are marked 已送达工作人员. Connection: while the socket is down a status line says so, and a
 * question typed meanwhile stays in the log as 待发送 until the server acknowledges it (sent once).
 * Phones: no autofocus on touch screens, and the panel follows `visualViewport` so the input stays
 * above the on-screen keyboard. `?case=NUMBER(&code=CODE)` in the page address opens the lookup.
 *
 * Shared computers: 结束并清除对话 ends the conversation on the server (`end`: the visitor id can no
 * longer resume it; other open tabs are cleared too) and forgets the visitor on this device; the
 * visitor id expires after `data-remember-days` (7); with `data-public` (公共电脑 mode) the id is never
 * stored, and the conversation is cleared when it is rated (结束并评价) or after `data-idle-seconds`
 * (300) without a touch or key.
 */
import { renderCitations, renderItemCard, whereToGo } from '../shared/answer-card.ts';
import { ChatSocket, newClientId } from '../shared/chat-socket.ts';
import { endConversationOverHttp } from '../shared/end-conversation.ts';
import { h, replaceChildren } from '../shared/dom.ts';
import type { CaseInfo, ChatMessage, EscalationCategory, ServerFrame } from '../shared/protocol.ts';
import { createComposer } from './composer.ts';
import type { Composer } from './composer.ts';
import { createEarlierMessages, type EarlierMessages } from './earlier-messages.ts';
import { createEscalationForm, maskPhone, type EscalationRequest } from './escalation-form.ts';
import { createHandoverStatus, type HandoverStatus } from './handover-status.ts';
import { createLookupForm } from './lookup-form.ts';
import { createPrecheckSlot, releasePrint } from './precheck-loader.ts';
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
import { followVisualViewport } from './visual-viewport.ts';
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
const TYPING_EVERY_MS = 3000;
const PENDING_TEXT = '待发送';
const DELIVERED_TEXT = '已送达工作人员';
/** A touch screen: focusing the input there would pop up the keyboard over the conversation. */
const touchScreen = (): boolean => matchMedia('(pointer:coarse)').matches;
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
  private status!: HandoverStatus;
  private caseBanner!: HTMLElement;
  private elderButton!: HTMLButtonElement;
  private composer!: Composer;
  private lastQuickReplies?: HTMLElement;
  private escalationForm?: HTMLFormElement;
  private lookupForm?: HTMLFormElement;
  /** The open pre-check (自助预审), one at a time. */
  private precheckSlot?: HTMLElement;
  /** Only the latest answer keeps its 好差评 bar, so the log is not a column of rating rows. */
  private answerRating?: HTMLElement;
  private user = '';
  private messageCount = 0;
  private caseNumber?: string;
  /** Messages not yet acknowledged by the server, by clientId: their bubbles in the log. */
  private pending = new Map<string, HTMLElement>();
  private phoneLeft?: string;
  private typingSentAt = 0;
  private stopViewport?: () => void;
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
    this.openLookupFromAddress();
  }

  /**
   * The kiosk's QR code leads to `/?case=NUMBER` (and `&code=` when no phone was left); a
   * pre-check's to `/?precheck=NUMBER&key=KEY`, which shows the same result on the phone.
   */
  private openLookupFromAddress(): void {
    const query = new URLSearchParams(location.search);
    const precheck = query.get('precheck')?.trim();
    const key = query.get('key')?.trim();
    if (precheck && key) {
      this.open();
      this.openPrecheck(undefined, { number: precheck.slice(0, 40), key: key.slice(0, 80) });
      return;
    }
    const number = query.get('case')?.trim();
    if (!number) return;
    this.open();
    this.showLookup(number.slice(0, 40), query.get('code')?.trim().slice(0, 6));
  }

  disconnectedCallback(): void {
    clearTimeout(this.idleTimer);
    this.stopViewport?.();
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
    this.phoneLeft = undefined;
    this.pending.clear();
    this.status.reset();
    this.lastQuickReplies = undefined;
    this.answerRating = undefined;
    this.escalationForm = undefined;
    this.lookupForm = undefined;
    this.precheckSlot = undefined;
    releasePrint(this);
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
    this.status = createHandoverStatus();
    this.composer = createComposer({ maxLength: MAX_MESSAGE_CHARS, onSend: (text) => this.sendText(text) });
    this.composer.input.addEventListener('input', () => this.typingToStaff());
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
      // Not a banner landmark: the host page has its own, and axe flags a second one.
      h(
        'header',
        { attrs: { part: 'header', role: 'none' } },
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
      this.status.modeLine,
      this.status.connectionLine,
      this.log,
      this.typing,
      this.status.staffTyping,
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
    this.stopViewport ??= followVisualViewport(this.panel);
    this.focusInput();
  }

  /** Back to the input after an action, except on touch screens (the keyboard would cover the log). */
  private focusInput(): void {
    if (!touchScreen()) this.composer.input.focus();
  }

  close(): void {
    this.stopViewport?.();
    this.stopViewport = undefined;
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
      onStatus: (connected) => this.connectionChanged(connected),
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
    const clientId = newClientId();
    const bubble = this.addMessage({ from: 'citizen', text, quickReplies: [] });
    this.pending.set(clientId, bubble);
    const online = this.socket?.connected ?? false;
    if (!online) markDelivery(bubble, PENDING_TEXT, 'pending');
    // With staff, nobody is typing until a person does (their own `typing` frame says so).
    this.typing.hidden = !online || this.status.mode !== 'bot';
    this.socket?.send({ type: 'message', text, user: this.user, clientId });
  }

  /** With staff on the case, they see the citizen typing (at most one frame every few seconds). */
  private typingToStaff(): void {
    const now = Date.now();
    if (this.status.mode === 'bot' || !this.socket?.connected || now - this.typingSentAt < TYPING_EVERY_MS) {
      return;
    }
    this.typingSentAt = now;
    this.socket.send({ type: 'typing', user: this.user });
  }

  private connectionChanged(connected: boolean): void {
    this.status.setConnected(connected);
    if (connected) return;
    // Nothing is on its way while offline: no endless 正在输入, and unsent questions say so.
    this.typing.hidden = true;
    for (const bubble of this.pending.values()) markDelivery(bubble, PENDING_TEXT, 'pending');
  }

  /**
   * The server stored a message. After a reconnect the history may already show it (it was stored
   * just before the connection dropped, and the ack was lost): the resent copy's bubble then goes.
   */
  private acknowledged(clientId: string, messageId: string): void {
    const bubble = this.pending.get(clientId);
    this.pending.delete(clientId);
    if (!bubble) return;
    const shown = this.log.querySelector(`[data-id="${CSS.escape(messageId)}"]`);
    if (shown && shown !== bubble) {
      bubble.remove();
      this.typing.hidden = true;
      return;
    }
    bubble.setAttribute('data-id', messageId);
    if (this.status.mode === 'bot') markDelivery(bubble);
    else markDelivery(bubble, DELIVERED_TEXT, 'delivered');
  }

  private handleFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'typing':
        if (frame.from === 'staff') this.status.showStaffTyping();
        else this.typing.hidden = false;
        return;
      case 'ack':
        this.acknowledged(frame.clientId, frame.messageId);
        return;
      case 'mode':
        if (frame.mode !== 'bot') this.typing.hidden = true;
        if (frame.caseNumber && !this.caseNumber) this.showCaseBanner(frame.caseNumber);
        this.status.setMode(frame);
        return;
      case 'message':
        this.typing.hidden = true;
        if (frame.message.from === 'staff') this.status.hideStaffTyping();
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
        // Unacknowledged questions stay at the end until their ack says where they belong.
        // So do open forms (the lookup opened from the page address comes before the history).
        this.log.append(...this.pending.values());
        for (const form of [this.escalationForm, this.lookupForm, this.precheckSlot]) {
          if (form) this.log.append(form);
        }
        this.scrollToEnd();
        return;
      case 'history_page':
        this.prependEarlier(frame.messages, frame.more);
        return;
      case 'case_opened':
        this.caseOpened(frame.case);
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

  private caseOpened(info: CaseInfo): void {
    const number = info.number;
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
    const reply =
      info.expectedReply ??
      (info.deadline ? `工作人员将在${formatDate(info.deadline)}前答复您` : '工作人员将尽快答复您');
    const phone = info.phoneMasked ?? (this.phoneLeft ? maskPhone(this.phoneLeft) : undefined);
    const code = info.lookup !== 'phone' ? info.lookupCode : undefined;
    const message = h(
      'div',
      { class: 'message from-system', attrs: { 'data-case': number } },
      '已为您转人工，件号：',
      h('span', { class: 'case-number', text: number }),
      `。${reply.replace(/。$/, '')}。`,
      code
        ? h(
            'span',
            { class: 'lookup-code-note' },
            '您的查询码：',
            h('span', { class: 'lookup-code', text: code }),
            h('strong', { text: '查询码只显示这一次，请抄下或截图保存。' }),
            '凭件号和查询码可以查询办理进度。',
          )
        : `${phone ? `联系电话：${phone}。` : ''}请记下件号，可以凭件号和手机号后四位查询进度。`,
      h('button', {
        class: 'link',
        text: '查询办理进度',
        attrs: { type: 'button' },
        on: { click: () => this.showLookup(number, code) },
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
      { class: `message from-${message.from}`, attrs: { 'data-from': message.from, 'data-id': message.id } },
      sender ? h('span', { class: 'sender', text: sender }) : null,
      h('span', { class: 'text', text: message.text }),
    );
    const answer = message.answer;
    if (answer?.card) {
      const card = answer.card;
      bubble.append(
        renderItemCard(card, answer, { idPrefix: `m${index}`, simple: this.hasAttribute('elder') }),
        h('button', {
          class: 'primary precheck-open',
          text: '预审我的材料',
          attrs: { type: 'button', 'aria-label': `预审我的材料：${card.name}` },
          on: { click: () => this.openPrecheck(card) },
        }),
      );
    } else if (answer && !this.hasAttribute('elder')) {
      const citations = renderCitations(answer);
      if (citations) bubble.append(citations);
    }
    return bubble;
  }

  private addMessage(message: ChatMessage, options: { history?: boolean } = {}): HTMLElement {
    this.lastQuickReplies?.remove();
    this.lastQuickReplies = undefined;
    const answer = message.answer;
    const bubble = this.renderBubble(message);
    this.log.append(bubble);
    if (message.from === 'staff' && message.caseNumber && !this.caseNumber) {
      this.caseOpened({ number: message.caseNumber });
    }
    if (!options.history) {
      if (answer?.escalate) {
        // The assistant suggests a person; nothing is shared until the citizen agrees in the form.
        this.showEscalation(answer.escalation?.category ?? '咨询转人工', answer.escalation?.reason);
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
    return bubble;
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
              this.focusInput();
            },
          },
        }),
      );
    }
    this.log.append(group);
    this.lastQuickReplies = group;
  }

  private showEscalation(category: EscalationCategory, reason?: string): void {
    this.ensureConnected();
    this.escalationForm?.remove();
    const done = (): void => {
      form.remove();
      this.escalationForm = undefined;
      this.focusInput();
    };
    const form = createEscalationForm({
      idPrefix: `esc${this.messageCount}`,
      server: this.getAttribute('data-server') ?? '',
      initial: category,
      reason,
      onSubmit: (request) => {
        done();
        this.escalate(request);
      },
      onCancel: done,
    });
    this.escalationForm = form;
    this.log.append(form);
    this.scrollToEnd();
    if (!touchScreen()) form.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus();
  }

  private escalate(request: EscalationRequest): void {
    const wish = request.category === '咨询转人工' ? '转人工服务' : request.category;
    this.phoneLeft = request.phone;
    this.addMessage({
      from: 'citizen',
      text: request.consent ? `申请${wish}` : `申请${wish}（不同意转交对话）`,
      quickReplies: [],
    });
    this.socket?.send({ type: 'escalate', user: this.user, ...request });
  }

  private showLookup(number = this.caseNumber, code?: string): void {
    this.lookupForm?.remove();
    const form = createLookupForm({
      idPrefix: `lookup${this.messageCount}`,
      server: this.getAttribute('data-server') ?? '',
      number,
      code,
      formatDate,
      onClose: () => {
        form.remove();
        this.lookupForm = undefined;
        this.focusInput();
      },
    });
    this.lookupForm = form;
    this.log.append(form);
    this.scrollToEnd();
    if (!touchScreen()) form.querySelectorAll<HTMLInputElement>('input')[number ? 1 : 0]?.focus();
  }

  /** 预审我的材料: the pre-check of the answer's item, at the end of the conversation. */
  private openPrecheck(
    card: NonNullable<ChatMessage['answer']>['card'],
    reopen?: { number: string; key: string },
  ): void {
    this.precheckSlot?.remove();
    const slot = createPrecheckSlot({
      host: this,
      root: this.root,
      server: this.getAttribute('data-server') ?? '',
      itemId: card?.id ?? '',
      itemName: card?.name ?? '',
      fallbackWhere: card ? { place: whereToGo(card), hours: card.hours, address: card.address } : undefined,
      reopen,
      onClose: () => {
        if (this.precheckSlot === slot) this.precheckSlot = undefined;
        this.focusInput();
      },
    });
    this.precheckSlot = slot;
    this.log.append(slot);
    this.scrollToEnd();
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
    if (!touchScreen()) bar.querySelector('button')?.focus();
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

/** The small note under a citizen's bubble (待发送, 已送达工作人员); none removes it. */
function markDelivery(bubble: HTMLElement, text?: string, state?: string): void {
  bubble.querySelector('.delivery')?.remove();
  if (text) bubble.append(h('span', { class: `delivery ${state}`, text }));
}
