/**
 * The status lines above the conversation: who is answering (queued for staff with the promised
 * reply time, or 工作人员已接手; nothing while the assistant answers), whether the connection is
 * down, and a staff member typing, which is said in words and kept apart from the assistant's
 * typing dots. A staff typing notice clears itself: staff may stop without sending.
 */
import { h } from '../shared/dom.ts';
import type { ConversationMode, ModeInfo } from '../shared/protocol.ts';

const STAFF_TYPING_MS = 6000;
export const OFFLINE_TEXT = '网络已断开，正在重新连接…';

export interface HandoverStatus {
  modeLine: HTMLElement;
  connectionLine: HTMLElement;
  staffTyping: HTMLElement;
  readonly mode: ConversationMode;
  setMode(info: ModeInfo): void;
  setConnected(connected: boolean): void;
  showStaffTyping(): void;
  hideStaffTyping(): void;
  reset(): void;
}

export function modeText(info: ModeInfo): string {
  if (info.mode === 'staff') return '工作人员已接手';
  const queue = info.queuePosition ? `排队第${info.queuePosition}位，` : '';
  return `已转给工作人员，${queue}${info.expectedReply ?? '请稍候'}`;
}

export function createHandoverStatus(): HandoverStatus {
  let mode: ConversationMode = 'bot';
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  const modeLine = h('div', { class: 'mode-status', attrs: { role: 'status', hidden: true } });
  const connectionLine = h('div', {
    class: 'connection-status',
    attrs: { role: 'status', hidden: true },
  });
  const staffTyping = h('div', { class: 'staff-typing', attrs: { role: 'status' } });
  const hideStaffTyping = (): void => {
    clearTimeout(typingTimer);
    staffTyping.textContent = '';
  };
  return {
    modeLine,
    connectionLine,
    staffTyping,
    get mode() {
      return mode;
    },
    setMode(info) {
      mode = info.mode;
      modeLine.hidden = mode === 'bot';
      modeLine.className = `mode-status ${mode}`;
      modeLine.textContent = mode === 'bot' ? '' : modeText(info);
      if (mode === 'bot') hideStaffTyping();
    },
    setConnected(connected) {
      connectionLine.hidden = connected;
      connectionLine.textContent = connected ? '' : OFFLINE_TEXT;
    },
    showStaffTyping() {
      clearTimeout(typingTimer);
      staffTyping.textContent = '工作人员正在输入…';
      typingTimer = setTimeout(hideStaffTyping, STAFF_TYPING_MS);
    },
    hideStaffTyping,
    reset() {
      this.setMode({ mode: 'bot' });
      this.setConnected(true);
    },
  };
}
