/**
 * Mouth shapes (visemes) of Mandarin syllables, from their pinyin initial and final (`pinyin-pro`).
 *
 * The classes follow the articulation of Standard Chinese as phonetics textbooks describe it
 * (e.g. 林焘、王理嘉《语音学教程》; Duanmu, *The Phonology of Standard Chinese*, ch. 2–3):
 * - the bilabials b p m close the lips before the vowel opens them (`closed` onset); f puts the
 *   lower lip to the teeth, and the sibilants z c s, zh ch sh r and j q x bring the teeth close
 *   with the lips spread (`narrow` onset);
 * - the final's main vowel sets the opening: the low vowel a opens the jaw widest (`open`); the
 *   rounded back vowels o and u, and finals ending in u or ng after them (ou, ong, iu), round
 *   the lips (`round`); the mid vowel e is half open (`mid`); the high front vowels i and ü, and
 *   the apical vowel after z c s zh ch sh r, keep the jaw nearly closed (`narrow`);
 * - finals gliding to i or n after a or e (ai ei an en ian uan ui …) spread the lips wide
 *   (`wide`).
 * `rest` is the closed, relaxed mouth of a pause.
 */
import { pinyin } from 'pinyin-pro';

export const MOUTH_SHAPES = ['rest', 'closed', 'narrow', 'open', 'round', 'mid', 'wide'] as const;
export type MouthShape = (typeof MOUTH_SHAPES)[number];

export interface Syllable {
  /** The pinyin without tone, or the Latin letter as spoken. */
  text: string;
  initial: string;
  final: string;
  /** Which stretch between pause marks (，。！？；：) of the text it belongs to, from 0. */
  phrase?: number;
}

const PAUSE_MARKS = /[，。！？；：,.!?;:\n]+/;

const BILABIALS = new Set(['b', 'p', 'm']);
const SIBILANTS = new Set(['f', 'z', 'c', 's', 'zh', 'ch', 'sh', 'r', 'j', 'q', 'x']);
const PALATALS = new Set(['j', 'q', 'x', 'y']);

const FINAL_SHAPES: Record<string, MouthShape> = {
  a: 'open',
  ia: 'open',
  ua: 'open',
  ao: 'open',
  iao: 'open',
  ang: 'open',
  iang: 'open',
  uang: 'open',
  ai: 'wide',
  uai: 'wide',
  an: 'wide',
  ian: 'wide',
  uan: 'wide',
  üan: 'wide',
  ei: 'wide',
  ui: 'wide',
  uei: 'wide',
  en: 'wide',
  un: 'wide',
  uen: 'wide',
  eng: 'wide',
  ueng: 'wide',
  o: 'round',
  uo: 'round',
  ou: 'round',
  iu: 'round',
  iou: 'round',
  ong: 'round',
  iong: 'round',
  u: 'round',
  e: 'mid',
  ie: 'mid',
  üe: 'mid',
  er: 'mid',
  i: 'narrow',
  in: 'narrow',
  ing: 'narrow',
  ü: 'narrow',
  ün: 'narrow',
  n: 'closed',
  ng: 'closed',
  m: 'closed',
  hm: 'closed',
  hng: 'closed',
};

/** The shape the final holds; u after j q x y is ü. */
export function finalShape(initial: string, final: string): MouthShape {
  let normalised = final.replace(/v/g, 'ü');
  if (PALATALS.has(initial) && normalised.startsWith('u')) normalised = `ü${normalised.slice(1)}`;
  return FINAL_SHAPES[normalised] ?? 'mid';
}

/** The brief shape before the final, when the initial has one of its own. */
export function onsetShape(initial: string): MouthShape | undefined {
  if (BILABIALS.has(initial)) return 'closed';
  if (SIBILANTS.has(initial)) return 'narrow';
  return undefined;
}

/** Latin letters as the hall says them (window codes: A区, C14号), as pinyin-like syllables. */
const LETTER_SYLLABLES: Record<string, string[]> = {
  A: ['ei'],
  B: ['bi'],
  C: ['xi'],
  D: ['di'],
  E: ['yi'],
  F: ['ai', 'fu'],
  G: ['ji'],
  H: ['ai', 'qi'],
  I: ['ai'],
  J: ['jie'],
  K: ['kai'],
  L: ['ai', 'le'],
  M: ['ai', 'mu'],
  N: ['en'],
  O: ['ou'],
  P: ['pi'],
  Q: ['kiu'],
  R: ['a'],
  S: ['ai', 'si'],
  T: ['ti'],
  U: ['you'],
  V: ['wei'],
  W: ['da', 'bu', 'liu'],
  X: ['ai', 'ke', 'si'],
  Y: ['wai'],
  Z: ['zei'],
};

/** Syllabic nasals (嗯 ng, 呣 m): the lips or tongue close, the jaw stays shut. */
const NASAL_SYLLABLES = new Set(['n', 'ng', 'm', 'hm', 'hng']);

const INITIALS = [
  'zh',
  'ch',
  'sh',
  'b',
  'p',
  'm',
  'f',
  'd',
  't',
  'n',
  'l',
  'g',
  'k',
  'h',
  'j',
  'q',
  'x',
  'r',
  'z',
  'c',
  's',
  'y',
  'w',
];

/** Splits a toneless pinyin syllable into initial and final (for the letter table). */
export function splitSyllable(text: string): Syllable {
  const initial =
    INITIALS.find((candidate) => text.startsWith(candidate) && text.length > candidate.length) ?? '';
  return { text, initial, final: text.slice(initial.length) };
}

/**
 * The syllables of a spoken text in order: Han characters by pinyin, Latin letters by name, each
 * with the number of its phrase (the stretches between pause marks that have syllables).
 */
export function syllablesOf(text: string): Syllable[] {
  const syllables: Syllable[] = [];
  for (const piece of text.split(PAUSE_MARKS)) {
    const phrase = syllables.length === 0 ? 0 : (syllables[syllables.length - 1].phrase ?? 0) + 1;
    for (const syllable of phraseSyllables(piece)) syllables.push({ ...syllable, phrase });
  }
  return syllables;
}

function phraseSyllables(text: string): Syllable[] {
  const syllables: Syllable[] = [];
  for (const entry of pinyin(text, { type: 'all', toneType: 'none' })) {
    if (entry.isZh && NASAL_SYLLABLES.has(entry.pinyin)) {
      syllables.push({ text: entry.pinyin, initial: '', final: entry.pinyin });
      continue;
    }
    if (entry.isZh && entry.pinyin) {
      // y and w are spellings of the medials i and u: the final alone decides the shape.
      const final = entry.initial === 'w' && !entry.final.startsWith('u') ? `u${entry.final}` : entry.final;
      syllables.push({ text: entry.pinyin, initial: entry.initial, final: final || entry.pinyin });
      continue;
    }
    for (const character of entry.origin.toUpperCase()) {
      for (const spoken of LETTER_SYLLABLES[character] ?? []) syllables.push(splitSyllable(spoken));
    }
  }
  return syllables;
}
