/**
 * Search over staff-written knowledge entries: each entry has several example questions and an
 * answer, and a question finds it when both directions hold — the question's content is explained
 * by the entry (query coverage) and one example question's topic is present in the question (head
 * coverage). A knowledge base is small (tens to hundreds of entries), so instead of BM25, whose IDF
 * means nothing over a handful of documents, every entry is compared word by word, with word
 * weights taken from general Chinese (jieba's IDF table) and discounted for words many entries share.
 *
 * A word is matched through the same understanding as the catalog's search: normalisation, jieba
 * words, the lexicon's official terms and the synonym graph — and through what makes Chinese
 * wording differ without changing meaning: a word written apart or in the other order (停车 →
 * "车停哪", "停个车"), a word found inside a longer one (停车 in 停车场), or sharing characters with it.
 */
import { ENGLISH_FUNCTION_WORDS, type EnglishDictionary } from '../text/english-dictionary.ts';
import type { Lexicon } from '../text/lexicon.ts';
import { normalizeForMatch } from '../text/normalize.ts';
import { contentWords, segmentWords } from '../text/segment.ts';
import type { SynonymGraph } from '../text/synonym-graph.ts';
import type { PassageHit } from './passage-search.ts';
import { isLightWord } from './tokenize.ts';

export interface KnowledgeDocument {
  id: string;
  /** The topic of each example question (what is left once aspect and filler words are removed). */
  questions: string[];
  answer: string;
}

export interface KnowledgeSearchOptions {
  lexicon?: Lexicon;
  synonyms?: SynonymGraph;
  /** English words → Chinese ("wifi" meets 无线网络), weighted as synonyms are. */
  english?: EnglishDictionary;
  /** How much a word tells (a general IDF); 1 for every word when absent. */
  weightOf?: (word: string) => number;
}

/** Credit of each kind of match of a word (1 = the word itself). */
const CREDIT = {
  /** One character found inside a longer word of the other text. */
  characterInWord: 0.8,
  /** An official term the lexicon gives for the word. */
  lexicon: 0.85,
  /** The word's characters near each other, in any order ("车停" for 停车). */
  apart: 0.75,
  /** A shorter word inside it (停车 for 停车位). */
  part: 0.7,
  /** Share of the word's characters found anywhere, at most this much. */
  characters: 0.5,
};
/** A synonym-graph neighbour counts 0.5 + 0.4 × the edge's weight, from this weight on. */
const SYNONYM_MIN_WEIGHT = 0.3;
const SYNONYM_MIN_CHARACTER_WEIGHT = 0.5;
/** How far apart the characters of a word written apart may be, beyond its own length. */
const APART_SLACK = 2;

interface Unit {
  word: string;
  weight: number;
  /** Shorter words inside it (jieba's search mode: 停车, 车位 in 停车位). */
  parts: string[];
  /** Other words that mean it (lexicon terms and synonyms) with their credit. */
  alternatives: Array<{ word: string; credit: number }>;
}

interface Target {
  text: string;
  words: Set<string>;
  positions: Map<string, number[]>;
}

interface IndexedEntry {
  questions: Unit[][];
  target: Target;
}

export class KnowledgeSearch {
  private readonly entries = new Map<string, IndexedEntry>();
  private readonly options: KnowledgeSearchOptions;
  /** How many entries hold each word (found on demand, forgotten on every change). */
  private readonly entryFrequency = new Map<string, number>();

  constructor(options: KnowledgeSearchOptions = {}) {
    this.options = options;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds an entry, or replaces the one with the same id (an edit is searchable at once). */
  add(document: KnowledgeDocument): void {
    const questions = document.questions
      .map((question) => this.units(question))
      .filter((units) => units.length);
    this.entries.set(document.id, {
      questions,
      target: target([...document.questions, document.answer].join('。')),
    });
    this.entryFrequency.clear();
  }

  remove(id: string): void {
    this.entries.delete(id);
    this.entryFrequency.clear();
  }

  /**
   * The best entries for a question's topic: `queryCoverage` is the weighted share of the question's
   * words the entry explains, `headCoverage` that of the best-fitting example question's words found
   * in the question; `relevance` is the lesser of the two (both must hold).
   */
  search(text: string, limit = 3): PassageHit[] {
    if (!this.entries.size) return [];
    const query = this.units(text);
    if (!query.length) return [];
    const asked = target(text);
    const hits: PassageHit[] = [];
    for (const [id, entry] of this.entries) {
      const queryCoverage = coverage(query, entry.target);
      if (queryCoverage === 0) continue;
      let headCoverage = 0;
      for (const question of entry.questions) {
        headCoverage = Math.max(headCoverage, coverage(question, asked, this.distinctiveness));
      }
      if (headCoverage === 0) continue;
      hits.push({
        id,
        score: (queryCoverage + headCoverage) / 2,
        relevance: Math.min(queryCoverage, headCoverage),
        headCoverage,
        queryCoverage,
      });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /**
   * How much a word of an example question tells this entry from the others: 1 for a word only one
   * entry holds, less for one many hold ("大厅" in most entries of a hall names none of them).
   */
  private readonly distinctiveness = (word: string): number => {
    let frequency = this.entryFrequency.get(word);
    if (frequency === undefined) {
      frequency = 0;
      for (const entry of this.entries.values()) if (entry.target.text.includes(word)) frequency += 1;
      this.entryFrequency.set(word, frequency);
    }
    return 1 / (1 + Math.log(Math.max(1, frequency)));
  };

  /** The content words of a text, weighted, with what else may stand for each. */
  private units(text: string): Unit[] {
    const normalized = normalizeForMatch(text);
    const lexiconTerms = new Map<string, string[]>();
    for (const match of this.options.lexicon?.match(normalized) ?? []) {
      lexiconTerms.set(match.key, match.expansions.map(normalizeForMatch));
    }
    const seen = new Set<string>();
    const units: Unit[] = [];
    for (const word of contentWords(normalized)) {
      if (seen.has(word) || isLightWord(word)) continue;
      seen.add(word);
      const alternatives: Unit['alternatives'] = [];
      for (const [key, expansions] of lexiconTerms) {
        if (!key.includes(word) && !word.includes(key)) continue;
        for (const expansion of expansions) alternatives.push({ word: expansion, credit: CREDIT.lexicon });
      }
      const least = [...word].length === 1 ? SYNONYM_MIN_CHARACTER_WEIGHT : SYNONYM_MIN_WEIGHT;
      for (const neighbour of this.options.synonyms?.neighbours(word) ?? []) {
        if (neighbour.weight >= least) {
          alternatives.push({ word: neighbour.word, credit: 0.5 + 0.4 * neighbour.weight });
        }
      }
      if (/^[a-z]+$/u.test(word) && !ENGLISH_FUNCTION_WORDS.has(word)) {
        for (const translation of this.options.english?.lookup(word) ?? []) {
          if ([...translation.word].length === 1 && translation.weight < SYNONYM_MIN_CHARACTER_WEIGHT) {
            continue;
          }
          alternatives.push({ word: translation.word, credit: 0.5 + 0.4 * translation.weight });
        }
      }
      const parts =
        [...word].length > 2
          ? segmentWords(word).filter((part) => part !== word && [...part].length > 1)
          : [];
      units.push({ word, weight: this.options.weightOf?.(word) ?? 1, parts, alternatives });
    }
    return units;
  }
}

function target(text: string): Target {
  const normalized = normalizeForMatch(text);
  const positions = new Map<string, number[]>();
  [...normalized].forEach((character, index) => {
    const list = positions.get(character);
    if (list) list.push(index);
    else positions.set(character, [index]);
  });
  return { text: normalized, words: new Set(contentWords(normalized)), positions };
}

/** The weighted share of the units that the target holds (0…1), each weight times `factor`. */
function coverage(units: Unit[], into: Target, factor?: (word: string) => number): number {
  let total = 0;
  let covered = 0;
  for (const unit of units) {
    const weight = unit.weight * (factor?.(unit.word) ?? 1);
    total += weight;
    covered += weight * match(unit, into);
  }
  return total > 0 ? covered / total : 0;
}

/** How well the target holds one word (0…1): the best of the ways it may be written there. */
function match(unit: Unit, into: Target): number {
  const { word } = unit;
  const characters = [...word];
  if (into.words.has(word)) return 1;
  if (characters.length > 1 && into.text.includes(word)) return 1;
  let best = characters.length === 1 && into.text.includes(word) ? CREDIT.characterInWord : 0;
  for (const alternative of unit.alternatives) {
    if (alternative.credit > best && into.text.includes(alternative.word)) best = alternative.credit;
  }
  if (characters.length > 1 && best < CREDIT.apart && writtenApart(characters, into)) best = CREDIT.apart;
  if (best < CREDIT.part && unit.parts.some((part) => into.text.includes(part))) best = CREDIT.part;
  if (characters.length > 1) {
    const distinct = [...new Set(characters)];
    const found = distinct.filter((character) => into.positions.has(character)).length;
    best = Math.max(best, (CREDIT.characters * found) / distinct.length);
  }
  return best;
}

/** Whether every character of the word occurs within a short stretch of the target, in any order. */
function writtenApart(characters: string[], into: Target): boolean {
  const lists = characters.map((character) => into.positions.get(character));
  if (lists.some((list) => !list)) return false;
  const span = characters.length + APART_SLACK;
  // Each occurrence of the first character anchors a window; every other character must fall in it.
  for (const anchor of lists[0] as number[]) {
    const fits = lists.every((list) =>
      (list as number[]).some((position) => Math.abs(position - anchor) < span),
    );
    if (fits) return true;
  }
  return false;
}
