/**
 * 查看更早的消息: the control at the top of the transcript of a returning visitor. The server sends
 * only the latest page of the history (`more` when there is older); the control asks for the page
 * before the oldest message shown (`{ type: "history", before }`), and is hidden once there is
 * nothing more. It is a plain button (Enter and Space work), never disabled while loading, so a
 * keyboard user's focus stays on it.
 */
import { h } from '../shared/dom.ts';
import type { ChatMessage } from '../shared/protocol.ts';

const LABEL = '查看更早的消息';
const LOADING_LABEL = '正在加载更早的消息…';

export interface EarlierMessages {
  element: HTMLButtonElement;
  /** A latest page arrived: remembers its oldest message; shows the control when there is more. */
  reset(messages: ChatMessage[], more: boolean): void;
  /**
   * An older page arrived: the messages to put above those shown (only older ones, and only when
   * one was asked for, so a page that crossed a reconnect is dropped).
   */
  accept(messages: ChatMessage[], more: boolean): ChatMessage[];
  /** The request was refused (an error frame): the control can be used again. */
  failed(): void;
  /** A cleared conversation has no earlier messages. */
  clear(): void;
}

const idOf = (message: ChatMessage | undefined): number | undefined => {
  const id = Number(message?.id);
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

export function createEarlierMessages(options: { request: (before: number) => void }): EarlierMessages {
  let oldest: number | undefined;
  let loading = false;

  const show = (visible: boolean) => {
    loading = false;
    element.hidden = !visible;
    element.textContent = LABEL;
    element.removeAttribute('aria-busy');
  };

  const element = h('button', {
    class: 'earlier',
    text: LABEL,
    attrs: { type: 'button', hidden: true },
    on: {
      click: () => {
        if (loading || oldest === undefined) return;
        loading = true;
        element.textContent = LOADING_LABEL;
        element.setAttribute('aria-busy', 'true');
        options.request(oldest);
      },
    },
  });

  return {
    element,
    reset(messages, more) {
      oldest = idOf(messages[0]);
      show(more && oldest !== undefined);
    },
    accept(messages, more) {
      if (!loading || oldest === undefined) return [];
      const bound = oldest;
      const older = messages.filter((message) => (idOf(message) ?? bound) < bound);
      oldest = idOf(older[0]) ?? oldest;
      show(more && older.length > 0);
      return older;
    },
    failed() {
      if (loading) show(true);
    },
    clear() {
      oldest = undefined;
      show(false);
    },
  };
}
