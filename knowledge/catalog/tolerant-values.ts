/**
 * Tolerant reading of the values a hall's catalog really holds, whichever tool wrote it: numbers as
 * "20个工作日", "5 天" or full-width "２０", booleans as 是/否/√/×/Y/N, a time limit left empty, "无" or
 * "无法定时限". One place for these rules, used by the item model (so JSON gets them too) and by the
 * spreadsheet cell reader. A value that cannot be read is returned as written, so the validator can
 * quote it back ("实际为“三天”") instead of guessing.
 */

/** Full-width digits, letters and signs → ASCII; spaces removed. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

// What "no time limit" looks like in real exports: an empty cell, a dash, 无, 无法定时限.
const NO_LIMIT = new Set([
  '',
  '无',
  '暂无',
  '没有',
  '不限',
  '无时限',
  '无期限',
  '无法定时限',
  '无法定办结时限',
  '无承诺时限',
  '无承诺办结时限',
  '法律未规定',
  '未规定',
  '-',
  '--',
  '—',
  '——',
  '－',
  '/',
  '／',
  'null',
  'n/a',
  'na',
]);

// Same-day items: 即办 means 0 working days.
const SAME_DAY = new Set(['即办', '即办件', '即时办结', '即时办理', '当场办结', '立即办结', '即来即办']);

const COUNT_PATTERN = /^(\d+)(?:个)?(?:工作日|自然日|日|天|次|份|件)?(?:内)?(?:办结)?$/;

/**
 * A working-day limit: a number, `null` for "no limit" (empty, 无, —, 无法定时限), 0 for 即办;
 * anything else as written. `undefined` stays `undefined` (the field was not given at all).
 */
export function readDays(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return value;
  const folded = foldWidth(value).toLowerCase();
  if (NO_LIMIT.has(folded)) return null;
  if (SAME_DAY.has(folded)) return 0;
  const match = COUNT_PATTERN.exec(folded);
  return match ? Number(match[1]) : value.trim();
}

/** A count (visits, copies): "1", "1次", "２份" → number; empty → undefined; anything else as written. */
export function readCount(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const folded = foldWidth(value);
  if (folded === '') return undefined;
  const match = COUNT_PATTERN.exec(folded);
  return match ? Number(match[1]) : value.trim();
}

const TRUE_WORDS = new Set([
  '是',
  '有',
  '支持',
  '可以',
  '实行',
  '适用',
  '√',
  '✓',
  '✔',
  'true',
  'yes',
  'y',
  't',
  '1',
]);
const FALSE_WORDS = new Set([
  '否',
  '无',
  '不支持',
  '不可以',
  '不实行',
  '不适用',
  '×',
  '✗',
  '✘',
  'x',
  'false',
  'no',
  'n',
  'f',
  '0',
]);

/** The boolean a word means, or undefined when it is no yes/no word. */
export function booleanWord(text: string): boolean | undefined {
  const folded = foldWidth(text).toLowerCase();
  if (TRUE_WORDS.has(folded)) return true;
  if (FALSE_WORDS.has(folded)) return false;
  return undefined;
}

/** 是/否/√/×/Y/N/true/false → boolean; empty → undefined; anything else as written. */
export function readBoolean(value: unknown): unknown {
  if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  return booleanWord(value) ?? value.trim();
}
