/**
 * The live parts of the console's top bar: the unread total on the 工单 link, the mute toggle of
 * the chime, and a notice while the live channel is down (so staff know the queue may be stale).
 */
import { h } from '../shared/dom.ts';
import { onChannelState } from './live-channel.ts';
import { isMuted, setMuted } from './notification-sound.ts';
import { onUnreadChange, totalUnread } from './unread-cases.ts';

/** A badge for the navigation link: the visible count, read out as "N条未读". */
export function unreadTotalBadge(): HTMLElement {
  const badge = h('span', { class: 'badge', attrs: { id: 'unread-total', hidden: true } });
  const update = () => {
    const total = totalUnread();
    badge.hidden = total === 0;
    badge.replaceChildren(
      h('span', { attrs: { 'aria-hidden': 'true' }, text: String(total) }),
      h('span', { class: 'visually-hidden', text: `${total}条未读` }),
    );
  };
  // A sign-out replaces the top bar: the old badge stops listening at the next change.
  const stop = onUnreadChange(() => (badge.isConnected ? update() : stop()));
  update();
  return badge;
}

export function muteToggle(): HTMLButtonElement {
  const button = h('button', {
    class: 'mute',
    text: '静音',
    attrs: { type: 'button', 'aria-pressed': String(isMuted()), title: '新工单和群众消息的提示音' },
  });
  button.addEventListener('click', () => {
    const muted = !isMuted();
    setMuted(muted);
    button.setAttribute('aria-pressed', String(muted));
  });
  return button;
}

export function channelNotice(): HTMLElement {
  const notice = h('span', { class: 'channel-state', attrs: { 'aria-live': 'polite' } });
  onChannelState((state) => {
    notice.textContent = state === 'down' ? '实时连接已中断，正在重新连接…' : '';
  });
  return notice;
}
