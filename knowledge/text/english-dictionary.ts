/**
 * An English → Chinese dictionary for questions that mix English into Chinese ("第一次申请truck driver
 * 的qualification certificate") or are written in English: each English gloss of CC-CEDICT (a word or
 * a phrase of up to `MAX_PHRASE_WORDS` words) with the simplified headwords that carry it, weighted by
 * how specific the gloss is and how much of each headword's meaning it is. Built once by
 * `npm run build:english` (knowledge/language/build-english-dictionary.ts) into a committed data file,
 * read here without the dictionary itself. Retrieval uses it as query expansion into the catalog's own
 * words, weighted like the synonym graph's neighbours (a translation is a synonym across languages).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseWeightedWordLines } from './weighted-word-file.ts';

export interface EnglishTranslation {
  /** A simplified Chinese headword. */
  word: string;
  /** How surely the English phrase means this word (0 < weight ≤ 1). */
  weight: number;
}

/** Longest English phrase the dictionary holds and a question is searched for, in words. */
export const MAX_PHRASE_WORDS = 3;

/**
 * English words that only hold a sentence together (articles, pronouns, prepositions, auxiliaries,
 * question words). A key made of these alone is never translated: CC-CEDICT glosses them with grammar
 * words ("i" → 我 吾 …, "can" → 能 罐), which say nothing about a service item.
 */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'a an the i me my mine you your yours he him his she her hers it its we us our ours they them their theirs this that these those of to for from with by at in on into onto about as and or but if so not no yes do does did done be is are was were been being am have has had can could will would shall should may might must how what where when which who whom whose why here there please want need get some any one'.split(
    ' ',
  ),
);

/** Placeholders of CC-CEDICT definitions ("to apply for sth", "to lose one's job"). */
const PLACEHOLDERS = new Set(['sth', 'sb', 'something', 'someone', 'somebody', 'oneself']);

/**
 * The comparable form of an English phrase, the same for a CC-CEDICT gloss and for a question:
 * lower case, no accents, no possessive "'s", placeholders dropped, and any other punctuation (a
 * hyphen too: "off-plan" is "off plan") a single space between words.
 */
export function englishKey(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\bone['’]s\b/gu, ' ')
    .replace(/['’]s\b/gu, '')
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word && !PLACEHOLDERS.has(word));
  return words.join(' ');
}

/** Whether a key holds nothing but function words (or nothing at all). */
export function isFunctionPhrase(key: string): boolean {
  return key.split(' ').every((word) => !word || ENGLISH_FUNCTION_WORDS.has(word));
}

/** A word, phrase or run of them in latin letters, kept together only across spaces. */
const LATIN_RUN = /[a-z]+(?:['’-][a-z]+)*(?:[ \t]+[a-z]+(?:['’-][a-z]+)*)*/gu;

/**
 * Runs of English words in a text, each as its words in key form: a Han character, a digit or any
 * punctuation but an apostrophe or hyphen ends a run ("truck driver的qualification certificate" →
 * [truck driver], [qualification certificate]).
 */
export function englishRuns(text: string): string[][] {
  const runs: string[][] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(LATIN_RUN)) {
    const words = englishKey(match[0]).split(' ').filter(Boolean);
    if (words.length) runs.push(words);
  }
  return runs;
}

/**
 * Possible uninflected forms of an English word, most likely first: plurals ("licenses", "cities",
 * "taxes"), "-ing" and "-ed" forms ("filing", "renewed", "transferred"). The dictionary is tried
 * with each in turn, after the word itself.
 */
export function inflectionBases(word: string): string[] {
  const bases: string[] = [];
  if (word.length < 4) return bases;
  if (word.endsWith('ies')) bases.push(`${word.slice(0, -3)}y`);
  if (/(?:ches|shes|xes|ses|zes)$/u.test(word)) bases.push(word.slice(0, -2));
  if (word.endsWith('s') && !/(?:ss|us|is)$/u.test(word)) bases.push(word.slice(0, -1));
  if (word.length >= 6 && word.endsWith('ing')) {
    const stem = word.slice(0, -3);
    bases.push(stem, `${stem}e`);
    if (/([^aeiou])\1$/u.test(stem)) bases.push(stem.slice(0, -1));
  }
  if (word.length >= 5 && word.endsWith('ed')) {
    if (word.endsWith('ied')) bases.push(`${word.slice(0, -3)}y`);
    const stem = word.slice(0, -2);
    bases.push(stem, word.slice(0, -1));
    if (/([^aeiou])\1$/u.test(stem)) bases.push(stem.slice(0, -1));
  }
  return [...new Set(bases)].filter((base) => base.length >= 2);
}

export class EnglishDictionary {
  private readonly entries: Map<string, EnglishTranslation[]>;

  constructor(entries: Map<string, EnglishTranslation[]>) {
    this.entries = entries;
  }

  /** English keys in the dictionary. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Chinese words for an English word or phrase, strongest first; the phrase's last word is also
   * tried uninflected ("business licenses" → "business license"). Empty when the dictionary does not
   * know it or it is made of function words only.
   */
  lookup(phrase: string): EnglishTranslation[] {
    const key = englishKey(phrase);
    if (isFunctionPhrase(key)) return [];
    const exact = this.entries.get(key);
    if (exact) return exact;
    const words = key.split(' ');
    const last = words[words.length - 1];
    for (const base of inflectionBases(last)) {
      const found = this.entries.get([...words.slice(0, -1), base].join(' '));
      if (found) return found;
    }
    return [];
  }
}

/**
 * Parses the generated file: `#` header lines, then `english<TAB>word weight<TAB>…` lines. Malformed
 * translations and weights outside (0, 1] are skipped rather than trusted.
 */
export function parseEnglishDictionary(source: string): EnglishDictionary {
  const entries = new Map<string, EnglishTranslation[]>();
  for (const [english, translations] of parseWeightedWordLines(source)) {
    const key = englishKey(english);
    if (key) entries.set(key, translations);
  }
  return new EnglishDictionary(entries);
}

export const DEFAULT_ENGLISH_DICTIONARY_FILE = fileURLToPath(
  new URL('../language/generated/cedict-english.tsv', import.meta.url),
);

const loaded = new Map<string, EnglishDictionary>();

/** Reads a dictionary file once per path (the shipped CC-CEDICT dictionary by default). */
export function loadEnglishDictionary(file: string = DEFAULT_ENGLISH_DICTIONARY_FILE): EnglishDictionary {
  let dictionary = loaded.get(file);
  if (!dictionary) {
    dictionary = parseEnglishDictionary(readFileSync(file, 'utf8'));
    loaded.set(file, dictionary);
  }
  return dictionary;
}

/** The dictionary shipped with the project (knowledge/language/generated/cedict-english.tsv). */
export function loadDefaultEnglishDictionary(): EnglishDictionary {
  return loadEnglishDictionary();
}
