/**
 * The guide's mouth, as pure functions the page and the tests share: the drawn outline of each
 * mouth shape (the server's seven visemes, `bot/speech/mouth-shapes.ts`), the keyframe of a
 * lip-sync track at a moment of the audio, a shape from the audio's loudness when no track came,
 * and an estimated track from the text's syllables for the browser's own voice.
 */
import type { MouthShape } from '../../../bot/speech/mouth-shapes.ts';
import type { Viseme } from '../../../bot/speech/viseme-timing.ts';

export type { MouthShape, Viseme };

export const SHAPES: readonly MouthShape[] = ['rest', 'closed', 'narrow', 'open', 'round', 'mid', 'wide'];

interface MouthGeometry {
  /** Half the width of the lips, in the avatar's SVG units. */
  halfWidth: number;
  /** How far the lower lip drops below the upper one. */
  opening: number;
}

/** Lips centred at (100, 132) in the avatar's 200×220 view box. */
const CENTRE_X = 100;
const CENTRE_Y = 132;

export const MOUTH_GEOMETRY: Readonly<Record<MouthShape, MouthGeometry>> = {
  rest: { halfWidth: 11, opening: 0 },
  closed: { halfWidth: 10, opening: 0.6 },
  narrow: { halfWidth: 12, opening: 3 },
  open: { halfWidth: 11, opening: 13 },
  round: { halfWidth: 6, opening: 8 },
  mid: { halfWidth: 10, opening: 7 },
  wide: { halfWidth: 15, opening: 6 },
};

const round1 = (value: number): number => Math.round(value * 10) / 10;
const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * The outline of the lips for a shape: an upper lip curve and a lower lip curve between the two
 * corners. At rest it is a gentle smile (the lower curve only just below the upper one).
 */
export function mouthPath(shape: MouthShape): string {
  const { halfWidth, opening } = MOUTH_GEOMETRY[shape];
  const left = round1(CENTRE_X - halfWidth);
  const right = round1(CENTRE_X + halfWidth);
  const smile = shape === 'rest' ? 3 : 0;
  const corner = round1(CENTRE_Y - smile);
  const upper = round1(CENTRE_Y - Math.min(opening, 6) * 0.25);
  const lower = round1(CENTRE_Y + opening * 1.5 + smile);
  return `M${left} ${corner} Q${CENTRE_X} ${upper} ${right} ${corner} Q${CENTRE_X} ${lower} ${left} ${corner} Z`;
}

/**
 * The keyframe that holds at `time` seconds: the last one with `t ≤ time` (binary search; the
 * track is in time order), `rest` before the first one and after the track's end.
 */
export function shapeAt(visemes: readonly Viseme[], time: number, duration = Infinity): MouthShape {
  if (!(time >= 0) || time > duration || visemes.length === 0) return 'rest';
  let low = 0;
  let high = visemes.length - 1;
  if (visemes[0]!.t > time) return 'rest';
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (visemes[middle]!.t <= time) low = middle;
    else high = middle - 1;
  }
  return visemes[low]!.shape;
}

/**
 * A shape from the loudness of the audio (RMS of one analyser frame, 0…1), for when the track
 * could not be fetched: silence rests, louder opens wider.
 */
export function shapeFromLevel(level: number): MouthShape {
  if (!(level > 0.02)) return 'rest';
  if (level < 0.06) return 'narrow';
  if (level < 0.12) return 'mid';
  if (level < 0.2) return 'wide';
  return 'open';
}

/** Seconds per syllable of the browser's zh-CN voice at rate 0.95, and of a pause mark. */
export const ESTIMATED_SYLLABLE_SECONDS = 0.24;
const PAUSE_SECONDS = 0.3;
const PAUSE = /[，。！？；：、,.!?;:\s]/;
const HAN = /\p{Script=Han}/u;
const VOICED: readonly MouthShape[] = ['open', 'wide', 'mid', 'round', 'narrow', 'open', 'closed', 'wide'];

/**
 * An estimated lip-sync track from the text alone: one syllable per Chinese character (a Latin
 * letter or digit counts as one too), a pause at punctuation, a shape per syllable chosen from the
 * character so that the same text always moves the same way. Starts and ends at rest.
 */
export function estimateVisemes(text: string): { duration: number; visemes: Viseme[] } {
  const visemes: Viseme[] = [{ t: 0, shape: 'rest', syllable: '' }];
  let time = 0;
  for (const character of Array.from(text)) {
    if (PAUSE.test(character)) {
      if (visemes[visemes.length - 1]!.shape !== 'rest') {
        visemes.push({ t: time, shape: 'rest', syllable: '' });
      }
      time += PAUSE_SECONDS;
      continue;
    }
    if (!HAN.test(character) && !/[\p{L}\p{N}]/u.test(character)) continue;
    const shape = VOICED[character.codePointAt(0)! % VOICED.length]!;
    visemes.push({ t: round3(time), shape, syllable: character });
    time += ESTIMATED_SYLLABLE_SECONDS;
  }
  visemes.push({ t: round3(time), shape: 'rest', syllable: '' });
  return { duration: time, visemes };
}
