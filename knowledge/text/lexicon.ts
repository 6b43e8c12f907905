/**
 * The colloquial → official lexicon: what citizens say ("房本", "开饭店", "退休金") mapped to the words
 * catalogs use ("不动产权证书", "餐饮/食品经营", "养老保险待遇"). Applied as query expansion, so that a
 * catalog the project has never seen still meets everyday words.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeForMatch } from './normalize.ts';

export interface LexiconEntry {
  keys: string[];
  expansions: string[];
}

export interface LexiconMatch {
  key: string;
  expansions: string[];
}

export class Lexicon {
  private readonly byKey = new Map<string, string[]>();
  private readonly keys: string[];

  constructor(entries: LexiconEntry[]) {
    for (const entry of entries) {
      for (const rawKey of entry.keys) {
        const key = normalizeForMatch(rawKey);
        if (!key) continue;
        const existing = this.byKey.get(key) ?? [];
        this.byKey.set(key, [...new Set([...existing, ...entry.expansions])]);
      }
    }
    // Longest keys first, so "结婚证丢了" wins over "结婚".
    this.keys = [...this.byKey.keys()].sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.byKey.size;
  }

  /**
   * Keys found in the text (already normalised for matching). A key inside a longer key that
   * matched at the same place is skipped, so "结婚证丢了" does not also expand "结婚".
   */
  match(text: string): LexiconMatch[] {
    const taken: Array<[number, number]> = [];
    const matches: LexiconMatch[] = [];
    for (const key of this.keys) {
      let from = 0;
      for (;;) {
        const start = text.indexOf(key, from);
        if (start < 0) break;
        const end = start + key.length;
        from = start + 1;
        if (taken.some(([s, e]) => start >= s && end <= e)) continue;
        taken.push([start, end]);
        matches.push({ key, expansions: this.byKey.get(key) ?? [] });
        break;
      }
    }
    return matches;
  }
}

/** Parses the lexicon file format: `key | key … => expansion, expansion`, `#` comments. */
export function parseLexicon(source: string): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const rawLine of source.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [left, right] = line.split('=>');
    if (right === undefined) continue;
    const keys = left.split('|').map((key) => key.trim()).filter(Boolean);
    const expansions = right.split(/[,，]/).map((term) => term.trim()).filter(Boolean);
    if (keys.length && expansions.length) entries.push({ keys, expansions });
  }
  return entries;
}

const DEFAULT_LEXICON_FILE = fileURLToPath(new URL('../data/lexicon/colloquial.txt', import.meta.url));
let defaultLexicon: Lexicon | undefined;

/** The lexicon shipped with the project (knowledge/data/lexicon/colloquial.txt). */
export function loadDefaultLexicon(): Lexicon {
  defaultLexicon ??= new Lexicon(parseLexicon(readFileSync(DEFAULT_LEXICON_FILE, 'utf8')));
  return defaultLexicon;
}
