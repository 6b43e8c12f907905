/**
 * The colloquial → official lexicon: what citizens say ("房本", "开饭店", "退休金") mapped to the words
 * catalogs use ("不动产权证书", "餐饮/食品经营", "养老保险待遇"). Applied as query expansion, so that a
 * catalog the project has never seen still meets everyday words.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeForMatch } from './normalize.ts';
import { pinyinSyllables } from './pinyin.ts';
import { isDictionaryWord } from './segment.ts';

export interface LexiconEntry {
  keys: string[];
  expansions: string[];
  /** Where the entry comes from (`general:<rule>`, `dict:<dictionary>`, `hall:<hall>`), from `@source`. */
  source?: string;
}

/** A lexicon `@source` line that does not name a source in the expected form. */
export class LexiconSourceError extends Error {
  readonly code = 'LEXICON_SOURCE_INVALID' as const;
  readonly file: string;
  readonly line: number;

  constructor(file: string, line: number, written: string) {
    super(
      `${file}:${line}: bad @source "${written}" (expected general:<rule>, dict:<dictionary> or hall:<hall>)`,
    );
    this.name = 'LexiconSourceError';
    this.file = file;
    this.line = line;
  }
}

const SOURCE_LINE = /^@source\s+(.*)$/u;
const SOURCE = /^(general|dict|hall):[\p{L}\p{N}_.+-]+$/u;

export interface LexiconMatch {
  key: string;
  expansions: string[];
}

export class Lexicon {
  private readonly byKey = new Map<string, string[]>();
  private readonly keys: string[];
  /**
   * Positions in `keys` of the keys that start with each UTF-16 code unit: a text is only searched
   * for the keys whose first unit it contains, in the order of `keys`.
   */
  private readonly keysByFirstUnit = new Map<string, number[]>();
  /** Han keys by their pinyin ("di bao" → "低保"), for keys typed with the wrong homophone. */
  private readonly byPinyin = new Map<string, string>();

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
    this.keys.forEach((key, position) => {
      const positions = this.keysByFirstUnit.get(key[0]);
      if (positions) positions.push(position);
      else this.keysByFirstUnit.set(key[0], [position]);
    });
    for (const key of this.keys) {
      if (key.length >= 2 && /^\p{Script=Han}+$/u.test(key)) {
        const spelled = pinyinSyllables(key).join(' ');
        if (!this.byPinyin.has(spelled)) this.byPinyin.set(spelled, key);
      }
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /**
   * Keys found in the text (already normalised for matching), longest first: a key that overlaps a
   * longer key already matched is skipped, so "结婚证丢了" does not also expand "结婚", and "领养老金"
   * reads 养老金, not 领养.
   */
  match(text: string): LexiconMatch[] {
    const taken: Array<[number, number]> = [];
    const matches: LexiconMatch[] = [];
    for (const key of this.keysIn(text)) {
      let from = 0;
      for (;;) {
        const start = text.indexOf(key, from);
        if (start < 0) break;
        const end = start + key.length;
        from = start + 1;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        matches.push({ key, expansions: this.byKey.get(key) ?? [] });
        break;
      }
    }
    for (const match of this.matchBySound(text, taken)) matches.push(match);
    return matches;
  }

  /** The keys that may occur in the text (those whose first code unit it holds), longest first. */
  private keysIn(text: string): string[] {
    const positions = new Set<number>();
    for (let index = 0; index < text.length; index += 1) {
      for (const position of this.keysByFirstUnit.get(text[index]) ?? []) positions.add(position);
    }
    return [...positions].sort((a, b) => a - b).map((position) => this.keys[position]);
  }

  /**
   * Keys written with homophones ("底保" for "低保", "残积证" for "残疾证"). A two-character stretch
   * that is itself a dictionary word ("事业") is not taken for a key that sounds the same ("失业").
   * A typo replaces some characters of a word, not all of them: a stretch that shares too few
   * characters with the key ("爷是" in "我爷爷是…" against "夜市") is a coincidence of sound.
   */
  private matchBySound(text: string, taken: Array<[number, number]>): LexiconMatch[] {
    const matches: LexiconMatch[] = [];
    for (const run of text.matchAll(/\p{Script=Han}+/gu)) {
      const characters = [...run[0]];
      const syllables = pinyinSyllables(run[0]);
      if (syllables.length !== characters.length) continue;
      for (let length = Math.min(6, characters.length); length >= 2; length -= 1) {
        for (let start = 0; start + length <= characters.length; start += 1) {
          const absolute = (run.index ?? 0) + start;
          if (taken.some(([s, e]) => absolute < e && absolute + length > s)) continue;
          const key = this.byPinyin.get(syllables.slice(start, start + length).join(' '));
          if (!key) continue;
          const written = characters.slice(start, start + length).join('');
          if (length === 2 && isDictionaryWord(written)) continue;
          if (!typoOf(written, key)) continue;
          taken.push([absolute, absolute + length]);
          matches.push({ key, expansions: this.byKey.get(key) ?? [] });
        }
      }
    }
    return matches;
  }
}

/**
 * Whether a stretch written with homophones can be a typo of a key of the same length: at most half
 * of its characters (at least one) differ from the key's, place by place.
 */
function typoOf(written: string, key: string): boolean {
  const a = [...written];
  const b = [...key];
  if (a.length !== b.length) return false;
  const differing = a.filter((character, index) => character !== b[index]).length;
  return differing <= Math.max(1, Math.floor(a.length / 2));
}

/**
 * Parses the lexicon file format: `key | key … => expansion, expansion`, `#` comments, and
 * `@source <source>` lines that give the source of the entries below them, up to the next one
 * (`general:<rule>` for a general word family, `dict:<dictionary>`, `hall:<hall>`). A malformed
 * `@source` line throws (LexiconSourceError, with `file` and line); other unreadable lines are skipped.
 */
export function parseLexicon(content: string, file = 'lexicon'): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  let source: string | undefined;
  for (const [index, rawLine] of content.split(/\r?\n/).entries()) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (!line) continue;
    const sourceLine = SOURCE_LINE.exec(line);
    if (sourceLine) {
      const written = sourceLine[1].trim();
      if (!SOURCE.test(written)) throw new LexiconSourceError(file, index + 1, written);
      source = written;
      continue;
    }
    const [left, right] = line.split('=>');
    if (right === undefined) continue;
    const keys = left
      .split('|')
      .map((key) => key.trim())
      .filter(Boolean);
    const expansions = right
      .split(/[,，]/)
      .map((term) => term.trim())
      .filter(Boolean);
    if (keys.length && expansions.length) {
      entries.push(source ? { keys, expansions, source } : { keys, expansions });
    }
  }
  return entries;
}

const DEFAULT_LEXICON_FOLDER = fileURLToPath(new URL('../data/lexicon/', import.meta.url));
let defaultLexicon: Lexicon | undefined;

/** Reads every `.txt` lexicon file of a folder into one lexicon. */
export function loadLexiconFolder(folder: string): Lexicon {
  const entries = readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .flatMap((name) => parseLexicon(readFileSync(path.join(folder, name), 'utf8'), name));
  return new Lexicon(entries);
}

/** The lexicon shipped with the project (knowledge/data/lexicon/*.txt). */
export function loadDefaultLexicon(): Lexicon {
  defaultLexicon ??= loadLexiconFolder(DEFAULT_LEXICON_FOLDER);
  return defaultLexicon;
}
