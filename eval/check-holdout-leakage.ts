/**
 * `tsx eval/check-holdout-leakage.ts [--root DIR]` (run by `npm run lint`)
 *
 * Guards the holdout split: a phrase copied from a holdout question into the lexicon or the language
 * cues would make the holdout figures flatter the system. The check fails (exit 1), listing each
 * offender with its file and line and the holdout line it occurs in, when a lexicon key or a literal
 * run of a language cue, four or more characters long, occurs verbatim in a holdout question but in no
 * catalog text (every catalog.json under knowledge/data and eval/data) and in no dictionary word
 * (jieba's dictionary, as @node-rs/jieba ships it). Such a phrase can only have come from the question;
 * one that a catalog or the dictionary also has is general vocabulary.
 *
 * Length counts Han characters: jieba's dictionary has no English, so it cannot tell a general English
 * word of a key ("license", "baby") from a copied one, and such keys would always be flagged.
 *
 * - Lexicon keys: the left side of `key | key => expansion` lines of knowledge/data/lexicon/*.txt.
 * - Language cues: every line of every *.txt under knowledge/language/ (`class<TAB>entry<TAB>source`,
 *   or a bare entry with a trailing `\t…` or `@source` provenance), `#` comments dropped. Entries may be
 *   regular-expression fragments, so only their literal runs of Han characters count (characters
 *   inside `[…]` classes or made optional by `?`, `*` or `{0,…}` are not literal).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const MIN_LENGTH = 4;

export type LeakKind = 'lexicon key' | 'language cue';

export interface Leak {
  kind: LeakKind;
  term: string;
  /** Where the key or cue is written, `file:line` relative to the root. */
  source: string;
  /** The first holdout question it occurs in, `file:line` relative to the root. */
  holdout: string;
}

interface Term {
  kind: LeakKind;
  term: string;
  source: string;
}

interface HoldoutLine {
  text: string;
  where: string;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();
const HAN = /\p{Script=Han}/u;
const hanLength = (text: string) => [...text].filter((character) => HAN.test(character)).length;

async function filesUnder(dir: string, accept: (file: string) => boolean): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
        found.push(...(await filesUnder(full, accept)));
      }
    } else if (accept(full)) {
      found.push(full);
    }
  }
  return found.sort();
}

/** The keys of a lexicon line (`key | key => expansion`), or none for comments and other lines. */
export function lexiconKeys(line: string): string[] {
  const content = line.replace(/#.*$/u, '').split('\t')[0];
  const arrow = content.indexOf('=>');
  if (arrow === -1) return [];
  return content
    .slice(0, arrow)
    .split('|')
    .map((key) => key.trim())
    .filter(Boolean);
}

/** The entry of a language-cue line, without class, provenance and comments. */
export function cueEntry(line: string): string | undefined {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  const fields = line.split('\t').map((field) => field.trim());
  // `class<TAB>entry<TAB>source` or a bare entry with a trailing `\t…` provenance.
  let entry = fields.length >= 3 && /^[a-z][a-z0-9_]*$/u.test(fields[0]) ? fields[1] : fields[0];
  entry = entry
    .replace(/\s#.*$/u, '')
    .replace(/\s*@\S.*$/u, '')
    .trim();
  return entry === '' ? undefined : entry;
}

/** The literal runs of Han characters of a regular-expression fragment (a plain word is one run). */
export function literalHanRuns(pattern: string): string[] {
  const runs: string[] = [];
  const characters = [...pattern];
  let run = '';
  const close = () => {
    if (run) runs.push(run);
    run = '';
  };
  for (let index = 0; index < characters.length; index += 1) {
    const character = characters[index];
    if (character === '\\') {
      close();
      index += 1; // an escape: the next character is not a literal Han character
      continue;
    }
    if (character === '[') {
      close();
      while (index < characters.length && characters[index] !== ']') {
        if (characters[index] === '\\') index += 1;
        index += 1;
      }
      continue;
    }
    if (!HAN.test(character)) {
      close();
      continue;
    }
    const next = characters[index + 1];
    const optional = next === '?' || next === '*' || (next === '{' && characters[index + 2] === '0');
    if (optional) {
      close();
      continue;
    }
    run += character;
  }
  close();
  return runs;
}

async function lexiconTerms(root: string): Promise<Term[]> {
  const terms: Term[] = [];
  const files = await filesUnder(path.join(root, 'knowledge', 'data', 'lexicon'), (file) =>
    file.endsWith('.txt'),
  );
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split(/\r?\n/u);
    lines.forEach((line, index) => {
      for (const key of lexiconKeys(line)) {
        if (hanLength(key) >= MIN_LENGTH) {
          terms.push({ kind: 'lexicon key', term: key, source: `${path.relative(root, file)}:${index + 1}` });
        }
      }
    });
  }
  return terms;
}

async function cueTerms(root: string): Promise<Term[]> {
  const terms: Term[] = [];
  const files = await filesUnder(path.join(root, 'knowledge', 'language'), (file) => file.endsWith('.txt'));
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split(/\r?\n/u);
    lines.forEach((line, index) => {
      const entry = cueEntry(line);
      if (entry === undefined) return;
      for (const run of literalHanRuns(entry)) {
        if ([...run].length >= MIN_LENGTH) {
          terms.push({
            kind: 'language cue',
            term: run,
            source: `${path.relative(root, file)}:${index + 1}`,
          });
        }
      }
    });
  }
  return terms;
}

function stringsOf(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const element of value) stringsOf(element, into);
  else if (value !== null && typeof value === 'object') {
    for (const element of Object.values(value)) stringsOf(element, into);
  }
  return into;
}

async function catalogText(root: string): Promise<string> {
  const texts: string[] = [];
  for (const dir of [path.join(root, 'knowledge', 'data'), path.join(root, 'eval', 'data')]) {
    for (const file of await filesUnder(dir, (name) => path.basename(name) === 'catalog.json')) {
      stringsOf(JSON.parse(await readFile(file, 'utf8')) as unknown, texts);
    }
  }
  return fold(texts.join('\n'));
}

async function holdoutLines(root: string): Promise<HoldoutLine[]> {
  const lines: HoldoutLine[] = [];
  const files = await filesUnder(
    path.join(root, 'eval', 'data'),
    (file) => file.endsWith('.jsonl') && path.basename(path.dirname(file)) === 'holdout',
  );
  for (const file of files) {
    (await readFile(file, 'utf8')).split(/\r?\n/u).forEach((raw, index) => {
      if (raw.trim() === '') return;
      let value: { q?: unknown; turns?: unknown };
      try {
        value = JSON.parse(raw) as { q?: unknown; turns?: unknown };
      } catch {
        return; // malformed lines are reported by the loaders
      }
      const text = stringsOf([value.q, value.turns], []).join('\n');
      lines.push({ text: fold(text), where: `${path.relative(root, file)}:${index + 1}` });
    });
  }
  return lines;
}

/** The words of jieba's dictionary as @node-rs/jieba ships it (`word freq tag` a line). */
export function jiebaDictionaryWords(): string[] {
  const require = createRequire(import.meta.url);
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  return new TextDecoder()
    .decode(dict)
    .split('\n')
    .map((line) => line.split(' ')[0])
    .filter(Boolean);
}

export async function findHoldoutLeaks(
  root: string,
  options: { dictionary?: readonly string[] } = {},
): Promise<Leak[]> {
  const holdout = await holdoutLines(root);
  if (holdout.length === 0) return [];
  const terms = [...(await lexiconTerms(root)), ...(await cueTerms(root))];
  const inHoldout = terms.flatMap((term) => {
    const folded = fold(term.term);
    const line = holdout.find((candidate) => candidate.text.includes(folded));
    return line === undefined ? [] : [{ ...term, folded, holdout: line.where }];
  });
  if (inHoldout.length === 0) return [];
  const catalog = await catalogText(root);
  const dictionary = fold((options.dictionary ?? jiebaDictionaryWords()).join('\n'));
  return inHoldout
    .filter((term) => !catalog.includes(term.folded) && !dictionary.includes(term.folded))
    .map(({ kind, term, source, holdout: where }) => ({ kind, term, source, holdout: where }));
}

export function formatLeaks(leaks: readonly Leak[]): string {
  return leaks
    .map((leak) => `${leak.source}: ${leak.kind} "${leak.term}" occurs in holdout ${leak.holdout}`)
    .join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { root: { type: 'string' } } });
  const root = path.resolve(values.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const leaks = await findHoldoutLeaks(root);
  if (leaks.length === 0) {
    console.log('holdout leakage check: no lexicon key or language cue is copied from a holdout question');
    return;
  }
  console.error(
    `holdout leakage check: ${leaks.length} lexicon keys or language cues of ${MIN_LENGTH}+ characters occur ` +
      'in holdout questions but in no catalog text or dictionary word:',
  );
  console.error(formatLeaks(leaks));
  process.exitCode = 1;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`holdout leakage check failed: ${(error as Error).message ?? String(error)}`);
    process.exitCode = 1;
  });
}
