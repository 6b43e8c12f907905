/**
 * The sensitive-word filter of the chat channel, driven by a categorised lexicon file
 * (`data/sensitive-words.txt`): each category says what to do on a hit, so a hall can add words or
 * categories without a code change. Matching ignores spacing, punctuation, width and case, so
 * "傻 b" and "ＳＢ" are caught too.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LexiconFileError } from './lexicon-file-error.ts';

export type SensitiveAction = 'log' | 'remind' | 'refuse' | 'care';
const ACTIONS: readonly SensitiveAction[] = ['log', 'remind', 'refuse', 'care'];
/** The strongest action wins when a message hits several categories. */
const SEVERITY: Record<SensitiveAction, number> = { log: 0, remind: 1, refuse: 2, care: 3 };

export const DEFAULT_SENSITIVE_WORDS_FILE = fileURLToPath(
  new URL('./data/sensitive-words.txt', import.meta.url),
);

export interface SensitiveCategory {
  name: string;
  action: SensitiveAction;
  words: string[];
}

export interface SensitiveHit {
  category: string;
  action: SensitiveAction;
  word: string;
}

export interface SensitiveCheck {
  hits: SensitiveHit[];
  /** The action to take (the strongest of the hits), or undefined when clean. */
  action?: SensitiveAction;
}

/** Lower case, NFKC (full → half width), and without spaces or punctuation. */
export function normalizeForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

export function parseLexicon(content: string, source = 'lexicon'): SensitiveCategory[] {
  const categories: SensitiveCategory[] = [];
  let current: SensitiveCategory | undefined;
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const header = /^\[(\S+)\s+(\S+)\]$/.exec(line);
    if (header) {
      const action = header[2] as SensitiveAction;
      if (!ACTIONS.includes(action)) {
        throw new LexiconFileError(
          `${source}:${index + 1}: unknown action "${header[2]}" (use ${ACTIONS.join(', ')}).`,
        );
      }
      current = { name: header[1], action, words: [] };
      categories.push(current);
      return;
    }
    if (!current) throw new LexiconFileError(`${source}:${index + 1}: word before any [分类 动作] header.`);
    const word = normalizeForMatching(line);
    if (word) current.words.push(word);
  });
  return categories;
}

export interface SensitiveWordFilter {
  check(text: string): SensitiveCheck;
  readonly categories: readonly SensitiveCategory[];
}

export function createSensitiveWordFilter(categories: SensitiveCategory[]): SensitiveWordFilter {
  return {
    categories,
    check(text) {
      const normalized = normalizeForMatching(text);
      const hits: SensitiveHit[] = [];
      for (const category of categories) {
        for (const word of category.words) {
          if (normalized.includes(word)) {
            hits.push({ category: category.name, action: category.action, word });
          }
        }
      }
      const action = hits.reduce<SensitiveAction | undefined>(
        (strongest, hit) =>
          strongest === undefined || SEVERITY[hit.action] > SEVERITY[strongest] ? hit.action : strongest,
        undefined,
      );
      return { hits, action };
    },
  };
}

export function loadSensitiveWordFilter(file: string = DEFAULT_SENSITIVE_WORDS_FILE): SensitiveWordFilter {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LexiconFileError(`Cannot read sensitive-word lexicon ${file}: ${(error as Error).message}`);
  }
  return createSensitiveWordFilter(parseLexicon(content, file));
}
