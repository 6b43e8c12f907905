/**
 * Chinese word segmentation (jieba with its full dictionary) and the token scheme used by keyword
 * search: words, character bigrams, single Han characters and pinyin bigrams, each a separate token
 * family so that a field can weight them differently.
 */
import { createRequire } from 'node:module';
import { isHan } from './normalize.ts';

interface JiebaLike {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
  tag(text: string, hmm?: boolean): Array<{ word: string; tag: string }>;
}

let jieba: JiebaLike | undefined;

function getJieba(): JiebaLike {
  if (!jieba) {
    // Loaded lazily: the dictionary takes a moment and is not needed by every command.
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): JiebaLike } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

const WORD = /[\p{Script=Han}]+|[a-z0-9]+/gu;

/** Whether jieba's dictionary (without guessing new words) knows the text as one word. */
export function isDictionaryWord(text: string): boolean {
  return getJieba().cut(text, false).length === 1;
}

/** Words of a normalised text: jieba for Han runs, whole runs for latin letters and digits. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const run = match[0];
    if (isHan(run[0])) {
      for (const word of getJieba().cutForSearch(run, true)) if (word.trim()) words.push(word);
    } else {
      words.push(run);
    }
  }
  return words;
}

/**
 * Parts of speech (jieba's ICTCLAS tags) that never name a topic: pronouns and interrogatives (r: 哪儿,
 * 啥时候), numerals and measure words (m, q), prepositions (p), conjunctions (c), particles (u…, y: 吗),
 * interjections and onomatopoeia (e, o), adverbs (d).
 */
const FUNCTION_TAG = /^(?:r|m|q|p|c|u|y|e|o|d)/u;

/**
 * The content words of a normalised text in reading order (jieba's precise mode, not search mode: no
 * overlapping sub-words), without the function words its tagger recognises; latin and digit runs whole.
 */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const run = match[0];
    if (!isHan(run[0])) {
      if (/[a-z]/u.test(run)) words.push(run);
      continue;
    }
    for (const { word, tag } of getJieba().tag(run, true)) {
      if (word.trim() && !FUNCTION_TAG.test(tag)) words.push(word);
    }
  }
  return words;
}

/** Character bigrams of each Han run (a run of one character yields that character). */
export function hanBigrams(text: string): string[] {
  const grams: string[] = [];
  for (const match of text.matchAll(/\p{Script=Han}+/gu)) {
    const run = [...match[0]];
    if (run.length === 1) grams.push(run[0]);
    for (let index = 0; index + 1 < run.length; index += 1) grams.push(run[index] + run[index + 1]);
  }
  return grams;
}

export function hanCharacters(text: string): string[] {
  return [...text].filter(isHan);
}

/** Pairs of Han characters one apart within a run ("居住证" → "居证"). */
export function hanSkipBigrams(text: string): string[] {
  const grams: string[] = [];
  for (const match of text.matchAll(/\p{Script=Han}+/gu)) {
    const run = [...match[0]];
    for (let index = 0; index + 2 < run.length; index += 1) grams.push(run[index] + run[index + 2]);
  }
  return grams;
}
