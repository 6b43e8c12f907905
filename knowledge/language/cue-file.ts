/**
 * The format of the language data files: one cue a line, `class<TAB>entry<TAB>source`, `#` starting
 * a comment line. An entry is a plain word or a small regular-expression fragment (a grammatical
 * pattern such as `(急|烦|气)死了`); a plain word is its own fragment. The source says where the entry
 * comes from:
 *   general:<rule>   a grammatical pattern or general word family (e.g. general:degree-complement)
 *   dict:<name>      words taken from a dictionary (e.g. dict:cc-cedict)
 *   hall:<name>      vocabulary of one hall or region (e.g. hall:shandong for its 爱山东 app)
 * One shorthand keeps fragments short: `{clause}` stands for one character that does not end a
 * clause (no comma, full stop, semicolon, question or exclamation mark), so `X{clause}{0,6}Y` finds
 * Y a few characters after X within the same clause.
 * Each class compiles to one RegExp (the alternation of its entries), so what the understanding
 * recognises is reviewable line by line, with its reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LanguageDataError } from './language-data-error.ts';

export interface CueEntry {
  className: string;
  /** A regular-expression fragment (a plain word matches itself). */
  pattern: string;
  source: string;
  file: string;
  line: number;
}

/** `{clause}`: a character inside a clause (text is normalised first, so commas may be ASCII). */
const CLAUSE_CHARACTER = '[^，。,.;；!?！？\\n]';

const CLASS_NAME = /^[a-z][a-z0-9_]*$/u;
const SOURCE = /^(general|dict|hall):[\p{L}\p{N}_.+-]+$/u;

/** Parses one data file. Throws LanguageDataError (file:line) on the first malformed line. */
export function parseCueFile(text: string, file: string): CueEntry[] {
  const entries: CueEntry[] = [];
  const lines = text.split(/\r?\n/u);
  for (const [index, rawLine] of lines.entries()) {
    const line = index + 1;
    if (!rawLine.trim() || rawLine.trimStart().startsWith('#')) continue;
    const fields = rawLine.split('\t');
    if (fields.length !== 3) {
      throw new LanguageDataError(
        file,
        line,
        `expected 3 tab-separated fields (class, entry, source), found ${fields.length}`,
      );
    }
    const [className, written, source] = fields.map((field) => field.trim());
    const pattern = written.replaceAll('{clause}', CLAUSE_CHARACTER);
    if (!CLASS_NAME.test(className)) throw new LanguageDataError(file, line, `bad class name "${className}"`);
    if (!pattern) throw new LanguageDataError(file, line, 'empty entry');
    if (!SOURCE.test(source)) {
      throw new LanguageDataError(
        file,
        line,
        `bad source "${source}" (expected general:<rule>, dict:<dictionary> or hall:<hall>)`,
      );
    }
    try {
      new RegExp(pattern, 'u');
    } catch (error) {
      throw new LanguageDataError(file, line, `entry is not a valid pattern: ${(error as Error).message}`);
    }
    if (new RegExp(`^(?:${pattern})$`, 'u').test('')) {
      throw new LanguageDataError(file, line, 'entry matches the empty string');
    }
    entries.push({ className, pattern, source, file, line });
  }
  return entries;
}

/** One class of cues, compiled: `pattern` tests, `global` finds every match. */
export interface CueClass {
  name: string;
  pattern: RegExp;
  global: RegExp;
  entries: CueEntry[];
}

/** Longer fragments first, so an alternation prefers "不服气" over "不服" at the same place. */
function alternation(entries: CueEntry[]): string {
  return [...entries]
    .sort((a, b) => b.pattern.length - a.pattern.length)
    .map((entry) => `(?:${entry.pattern})`)
    .join('|');
}

export function compileCueClass(name: string, entries: CueEntry[]): CueClass {
  const source = alternation(entries);
  return {
    name,
    pattern: new RegExp(source, 'iu'),
    global: new RegExp(source, 'giu'),
    entries,
  };
}

/**
 * Reads a data file and compiles each of the expected classes. A class in the file that is not
 * expected, or an expected class without entries, is an error: both are typos that would otherwise
 * make a cue silently disappear.
 */
export function loadCueClasses<Name extends string>(
  file: string,
  expected: readonly Name[],
): Record<Name, CueClass> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LanguageDataError(file, undefined, `cannot read: ${(error as Error).message}`);
  }
  return compileCueFile(text, path.basename(file), expected);
}

/** As loadCueClasses, from text already read (`file` names it in errors). */
export function compileCueFile<Name extends string>(
  text: string,
  file: string,
  expected: readonly Name[],
): Record<Name, CueClass> {
  const byClass = new Map<string, CueEntry[]>();
  for (const entry of parseCueFile(text, file)) {
    if (!(expected as readonly string[]).includes(entry.className)) {
      throw new LanguageDataError(
        file,
        entry.line,
        `unknown class "${entry.className}" (expected one of ${expected.join(', ')})`,
      );
    }
    byClass.set(entry.className, [...(byClass.get(entry.className) ?? []), entry]);
  }
  const classes = {} as Record<Name, CueClass>;
  for (const name of expected) {
    const entries = byClass.get(name);
    if (!entries?.length) throw new LanguageDataError(file, undefined, `class "${name}" has no entries`);
    classes[name] = compileCueClass(name, entries);
  }
  return classes;
}

/** Several classes as one (e.g. every kind of filler), longest fragments first across all of them. */
export function combineCueClasses(name: string, classes: CueClass[]): CueClass {
  return compileCueClass(
    name,
    classes.flatMap((cueClass) => cueClass.entries),
  );
}
