/**
 * The 数字人 guide drawn in inline SVG (no external assets). Its state — idle, listening, thinking,
 * speaking — is a `data-state` attribute that the kiosk page's CSS animates (blinking eyes, a moving
 * mouth, pulsing rings while listening), and that assistive technology reads as a status text.
 */
import { h, svg } from '../shared/dom.ts';

export type AvatarState = 'idle' | 'listening' | 'thinking' | 'speaking';

const STATE_TEXT: Record<AvatarState, string> = {
  idle: '您好，我是导办小助手，请问您要办什么事？',
  listening: '我在听，请说…',
  thinking: '正在为您查询…',
  speaking: '正在为您解答',
};

export interface Avatar {
  element: HTMLElement;
  setState(state: AvatarState): void;
}

export function createAvatar(): Avatar {
  const figure = svg(
    'svg',
    { viewBox: '0 0 200 220', class: 'avatar-figure', 'aria-hidden': 'true' },
    svg('circle', { cx: 100, cy: 100, r: 92, class: 'ring ring-outer' }),
    svg('circle', { cx: 100, cy: 100, r: 80, class: 'ring ring-inner' }),
    svg('path', { d: 'M40 220 C40 165 160 165 160 220 Z', class: 'body' }),
    svg('path', { d: 'M86 172 L100 196 L114 172 Z', class: 'collar' }),
    svg('rect', { x: 88, y: 140, width: 24, height: 26, rx: 8, class: 'skin' }),
    svg('ellipse', { cx: 100, cy: 100, rx: 46, ry: 52, class: 'skin' }),
    svg('path', {
      d: 'M50 106 C40 28 160 28 150 106 C146 82 128 72 100 70 C72 72 54 82 50 106 Z',
      class: 'hair',
    }),
    svg('ellipse', { cx: 82, cy: 102, rx: 5, ry: 6, class: 'eye' }),
    svg('ellipse', { cx: 118, cy: 102, rx: 5, ry: 6, class: 'eye' }),
    svg('ellipse', { cx: 72, cy: 120, rx: 7, ry: 4, class: 'cheek' }),
    svg('ellipse', { cx: 128, cy: 120, rx: 7, ry: 4, class: 'cheek' }),
    svg('path', { d: 'M88 128 Q100 138 112 128', class: 'smile' }),
    svg('ellipse', { cx: 100, cy: 131, rx: 8, ry: 5, class: 'mouth' }),
    svg('circle', { cx: 150, cy: 180, r: 10, class: 'badge' }),
  );
  const caption = h('p', { class: 'avatar-caption', attrs: { role: 'status' }, text: STATE_TEXT.idle });
  const element = h('div', { class: 'avatar', attrs: { 'data-state': 'idle' } }, figure, caption);
  return {
    element,
    setState(state) {
      element.setAttribute('data-state', state);
      caption.textContent = STATE_TEXT[state];
    },
  };
}
