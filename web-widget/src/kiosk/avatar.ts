/**
 * The 数字人 guide of the hall screen, drawn in inline SVG (no external assets): a staff member in
 * uniform who breathes and blinks while idle, leans in with pulsing rings while listening, looks
 * up while thinking, and while speaking moves the lips to the shapes of the voice
 * (guide-voice.ts, lip-sync.ts). The state is the `data-state` attribute the page's CSS animates;
 * the mouth's current shape is the `data-shape` attribute of `.avatar-mouth`, and what it follows
 * (`track`, `loudness`, `syllables`) its `data-sync`. The caption under
 * the figure (a status for assistive technology) shows what the guide is saying: the greeting on
 * the home screen, each sentence while it is spoken, the spoken text once it is said.
 */
import { h, svg } from '../shared/dom.ts';
import { speakText, stopVoice, warmVoice } from './guide-voice.ts';
import { mouthPath, type MouthShape } from './lip-sync.ts';
import { spokenSummary } from './spoken-summary.ts';

export type AvatarState = 'idle' | 'listening' | 'thinking' | 'speaking';

export const GREETING = '您好，我是导办小助手，请问您要办什么事？';

/** The greeting of a guide the hall names (hall.json `guide`). */
export function greetingOf(guide: { name: string; greeting?: string }): string {
  return guide.greeting ?? `您好，我是${guide.name}，请问您要办什么事？`;
}

const STATE_TEXT: Record<Exclude<AvatarState, 'speaking'>, string> = {
  idle: GREETING,
  listening: '我在听，请说…',
  thinking: '正在为您查询…',
};

export interface Avatar {
  element: HTMLElement;
  /** Idle (with the greeting), listening or thinking; stops any speech. */
  setState(state: Exclude<AvatarState, 'speaking'>): void;
  /**
   * Says the short spoken version of a text (its first sentence or two) with moving lips, or only
   * shows it in the caption when `aloud` is false. Settles when done or interrupted.
   */
  say(text: string, options?: { aloud?: boolean }): Promise<void>;
  /** Stops speaking; the caption keeps what was being said. */
  stop(): void;
  /** The hall's own name and greeting for the guide. */
  setPersona(guide: { name: string; greeting?: string }): void;
}

function drawFigure(mouth: SVGElement): SVGElement {
  return svg(
    'svg',
    { viewBox: '0 0 200 220', class: 'avatar-figure', 'aria-hidden': 'true', focusable: 'false' },
    svg('circle', { cx: 100, cy: 100, r: 94, class: 'ring ring-outer' }),
    svg('circle', { cx: 100, cy: 100, r: 82, class: 'ring ring-inner' }),
    svg(
      'g',
      { class: 'avatar-body' },
      svg('path', { d: 'M34 220 C36 176 62 164 100 164 C138 164 164 176 166 220 Z', class: 'uniform' }),
      svg('path', { d: 'M84 164 L100 190 L116 164 Z', class: 'shirt' }),
      svg('path', { d: 'M97 172 L103 172 L106 200 L100 208 L94 200 Z', class: 'tie' }),
      svg('path', { d: 'M84 164 L76 178 L96 192 Z M116 164 L124 178 L104 192 Z', class: 'lapel' }),
      svg('rect', { x: 130, y: 182, width: 20, height: 12, rx: 2, class: 'badge' }),
    ),
    svg(
      'g',
      { class: 'avatar-head' },
      svg('rect', { x: 89, y: 138, width: 22, height: 30, rx: 9, class: 'skin neck' }),
      svg('path', {
        d: 'M50 92 C42 34 158 34 150 92 C152 112 150 120 148 126 L52 126 C50 120 48 112 50 92 Z',
        class: 'hair-back',
      }),
      svg('ellipse', { cx: 54, cy: 108, rx: 6, ry: 10, class: 'skin' }),
      svg('ellipse', { cx: 146, cy: 108, rx: 6, ry: 10, class: 'skin' }),
      svg('ellipse', { cx: 100, cy: 104, rx: 45, ry: 52, class: 'skin face' }),
      svg('path', {
        d: 'M54 100 C44 30 156 30 146 100 C142 80 126 68 106 66 C96 78 76 86 54 100 Z',
        class: 'hair',
      }),
      svg('path', { d: 'M72 92 Q81 87 90 91', class: 'brow' }),
      svg('path', { d: 'M110 91 Q119 87 128 92', class: 'brow' }),
      svg(
        'g',
        { class: 'avatar-eyes' },
        svg('ellipse', { cx: 81, cy: 104, rx: 5.5, ry: 6.5, class: 'eye' }),
        svg('ellipse', { cx: 119, cy: 104, rx: 5.5, ry: 6.5, class: 'eye' }),
        svg('circle', { cx: 83, cy: 102, r: 1.8, class: 'eye-light' }),
        svg('circle', { cx: 121, cy: 102, r: 1.8, class: 'eye-light' }),
      ),
      svg('path', { d: 'M100 108 Q97 118 101 120', class: 'nose' }),
      svg('ellipse', { cx: 70, cy: 122, rx: 7, ry: 4, class: 'cheek' }),
      svg('ellipse', { cx: 130, cy: 122, rx: 7, ry: 4, class: 'cheek' }),
      mouth,
    ),
  );
}

export function createAvatar(): Avatar {
  const mouth = svg('path', { d: mouthPath('rest'), class: 'avatar-mouth', 'data-shape': 'rest' });
  const caption = h('p', { class: 'avatar-caption', attrs: { role: 'status' }, text: GREETING });
  const element = h('div', { class: 'avatar', attrs: { 'data-state': 'idle' } }, drawFigure(mouth), caption);
  /** Counts every change of mind, so that a speech that was stopped changes nothing afterwards. */
  let turn = 0;
  const texts = { ...STATE_TEXT };

  const setMouth = (shape: MouthShape): void => {
    if (mouth.getAttribute('data-shape') === shape) return;
    mouth.setAttribute('data-shape', shape);
    mouth.setAttribute('d', mouthPath(shape));
  };
  const show = (state: AvatarState, text: string): void => {
    element.setAttribute('data-state', state);
    if (caption.textContent !== text) caption.textContent = text;
  };

  // A tap on the guide, or anywhere on the screen, interrupts the speech.
  window.addEventListener(
    'pointerdown',
    () => {
      if (element.getAttribute('data-state') === 'speaking') stopVoice();
    },
    { capture: true, passive: true },
  );
  warmVoice(GREETING);

  return {
    element,
    setState(state) {
      turn++;
      stopVoice();
      setMouth('rest');
      show(state, texts[state]);
    },
    async say(text, options = {}) {
      const mine = ++turn;
      stopVoice();
      setMouth('rest');
      const spoken = spokenSummary(text) || text;
      if (options.aloud === false) {
        show('idle', spoken);
        return;
      }
      show('speaking', spoken);
      const speaking = speakText(spoken, {
        sentence: (sentence) => {
          if (turn === mine) show('speaking', sentence);
        },
        shape: (shape) => {
          if (turn === mine) setMouth(shape);
        },
        sync: (source) => {
          if (turn === mine) mouth.setAttribute('data-sync', source);
        },
      });
      await speaking.done;
      if (turn !== mine) return;
      setMouth('rest');
      show('idle', spoken);
    },
    stop() {
      stopVoice();
    },
    setPersona(guide) {
      const greeting = greetingOf(guide);
      const showing = caption.textContent === texts.idle;
      texts.idle = greeting;
      if (showing) caption.textContent = greeting;
      warmVoice(greeting);
    },
  };
}
