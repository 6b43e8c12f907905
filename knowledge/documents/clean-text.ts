/**
 * Cleaning extracted text without changing what it says: unify line breaks and odd spaces (NBSP,
 * ideographic space used as indent, zero-width characters), and keep Chinese full-width punctuation
 * as it is. Only PDF text is NFKC-normalised in full (see `normalizePdfText`), because PDF fonts map
 * characters to Kangxi radicals and compatibility forms that look right but do not match.
 */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const ODD_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** Lines trimmed and with single spaces; blank lines are kept (they separate header fields). */
export function normalizeWhitespace(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(ODD_SPACES, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim());
}

/**
 * Characters of the CJK Radicals Supplement that PDF fonts use for ordinary simplified characters;
 * NFKC leaves these alone (it only maps the Kangxi radicals), so they are mapped here.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺠': '民',
  '⺟': '母',
  '⺩': '王',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻓': '长',
  '⻔': '门',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻨': '麦',
  '⻩': '黄',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
};

/** Full NFKC for PDF text: turns Kangxi radicals (⼀ ⼈ ⾏) and their supplement into ordinary characters. */
export function normalizePdfText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2e80-\u2eff]/g, (character) => RADICAL_SUPPLEMENT[character] ?? character);
}

const LINE_END = /[。；;！!？?：:）)”」]$/;
const STARTS_NEW_BLOCK =
  /^(第[一二三四五六七八九十百零〇\d]+[章节条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、]|附件)/;

/**
 * PDF text comes as visual lines: a paragraph wider than the page is broken mid-sentence. A line
 * that fills (nearly) the full width and does not end a sentence is joined with the next one.
 */
export function unwrapPdfLines(lines: string[]): string[] {
  const width = Math.max(0, ...lines.map((line) => line.length));
  const result: string[] = [];
  for (const line of lines) {
    const previous = result[result.length - 1];
    const wrapped =
      previous !== undefined &&
      previous !== '' &&
      line !== '' &&
      previous.length >= width * 0.8 &&
      !LINE_END.test(previous);
    if (wrapped && !STARTS_NEW_BLOCK.test(line)) {
      const space = /[A-Za-z0-9]$/.test(previous) && /^[A-Za-z0-9]/.test(line) ? ' ' : '';
      result[result.length - 1] = previous + space + line;
    } else result.push(line);
  }
  return result;
}
