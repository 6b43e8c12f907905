/**
 * Numbers read from recognised text for the pre-check's field checks: the 18-digit 公民身份号码
 * (GB 11643), the 18-character 统一社会信用代码 (GB 32100) and the ID card's 有效期限. Recognition
 * confuses a few shapes (O and 0, I and 1, S and 5, B and 8 …); such a letter is read as the digit it
 * resembles only when the whole number then passes its check character, and a number is taken only
 * when one reading of the line passes. Nothing else is corrected: a number with a wrong digit is
 * left out rather than guessed.
 */
import type { LocalDate } from '../../calendar/local-date.ts';
import { compactCreditCode, creditCodeProblem } from '../credit-code.ts';
import { type CalendarDate, hallToday, isRealDate, toIsoDate } from '../validators/calendar-date.ts';
import { checkIdNumber } from '../validators/id-number-check.ts';
import type { DocumentReading, DocumentType } from './document-reader.ts';

/** Letters and marks recognition gives for a digit it did not see clearly. */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  U: '0',
  I: '1',
  i: '1',
  l: '1',
  L: '1',
  '|': '1',
  '!': '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  G: '6',
  b: '6',
  T: '7',
  B: '8',
  g: '9',
  q: '9',
};
/** How recognition writes the check character X (10) of an ID number. */
const CHECK_X_LOOKALIKES = new Set(['X', 'x', '×', 'K', 'k']);
/** Letters a credit code never uses (GB 32100 leaves out I, O, Z, S, V) and the digit they resemble. */
const CODE_LOOKALIKES: Record<string, string> = { O: '0', I: '1', Z: '2', S: '5' };

/** The characters a recognised number may consist of, with the lookalikes. */
const ID_RUN = /[0-9OoDQUIilL|!ZzSsGbTBgqXx×Kk]{18,20}/g;
const CODE_RUN = /[0-9A-Za-z]{18,20}/g;

/**
 * The stretches of a line a number may be in: each space-separated part (two numbers side by side),
 * then the whole line without spaces (one number printed in groups).
 */
const lineParts = (line: string): string[] => {
  const normalised = line.normalize('NFKC').replace(/[-－·.]/g, '');
  return [...normalised.split(/\s+/), normalised.replace(/\s+/g, '')];
};

function idReading(window: string, today: LocalDate): string | undefined {
  const characters = [...window];
  const body = characters
    .slice(0, 17)
    .map((character) => DIGIT_LOOKALIKES[character] ?? character)
    .join('');
  const last = characters[17];
  const check = CHECK_X_LOOKALIKES.has(last) ? 'X' : (DIGIT_LOOKALIKES[last] ?? last);
  const result = checkIdNumber(`${body}${check}`, today);
  return result.ok ? result.number : undefined;
}

/** The windows of 18 characters in a run, each read by `read`; one distinct valid reading or none. */
function uniqueReading(run: string, read: (window: string) => string | undefined): string | undefined {
  const characters = [...run];
  const readings = new Set<string>();
  for (let start = 0; start + 18 <= characters.length; start += 1) {
    const reading = read(characters.slice(start, start + 18).join(''));
    if (reading !== undefined) readings.add(reading);
  }
  return readings.size === 1 ? [...readings][0] : undefined;
}

/** The valid ID numbers in the lines, in reading order, each once. */
export function findIdNumbers(lines: readonly string[], today: LocalDate = hallToday()): string[] {
  const found: string[] = [];
  for (const line of lines) {
    for (const run of lineParts(line).flatMap((part) => part.match(ID_RUN) ?? [])) {
      const number = uniqueReading(run, (window) => idReading(window, today));
      if (number !== undefined && !found.includes(number)) found.push(number);
    }
  }
  return found;
}

function codeReading(window: string): string | undefined {
  const upper = compactCreditCode(window);
  if (creditCodeProblem(upper) === undefined) return upper;
  const mapped = [...upper].map((character) => CODE_LOOKALIKES[character] ?? character).join('');
  return creditCodeProblem(mapped) === undefined ? mapped : undefined;
}

/** The valid 统一社会信用代码 in the lines, in reading order, each once. */
export function findCreditCodes(lines: readonly string[]): string[] {
  const found: string[] = [];
  for (const line of lines) {
    for (const run of lineParts(line).flatMap((part) => part.match(CODE_RUN) ?? [])) {
      const code = uniqueReading(run, codeReading);
      if (code !== undefined && !found.includes(code)) found.push(code);
    }
  }
  return found;
}

const DATE_PART = String.raw`(\d{4})[.,·\-]?(\d{2})[.,·\-]?(\d{2})`;
const VALIDITY = new RegExp(`${DATE_PART}[-—–~至一_]*(?:${DATE_PART}|(长期?))`);
/** The validity spans 居民身份证法 (article 5) allows: 5, 10 or 20 years, or 长期 from 46 on. */
const VALIDITY_YEARS = new Set([5, 10, 20]);

const dateOf = (year: string, month: string, day: string): CalendarDate => ({
  year: Number(year),
  month: Number(month),
  day: Number(day),
});

/**
 * The end of the ID card's 有效期限 ("2016.05.01-2036.05.01" → "2036-05-01", "…-长期" → "长期"),
 * taken only when both dates are real and the span is one the law allows.
 */
export function findIdExpiry(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const match = VALIDITY.exec(line.normalize('NFKC').replace(/\s+/g, ''));
    if (!match) continue;
    const start = dateOf(match[1], match[2], match[3]);
    if (!isRealDate(start)) continue;
    if (match[7] !== undefined) return '长期';
    const end = dateOf(match[4], match[5], match[6]);
    if (!isRealDate(end) || end.month !== start.month) continue;
    if (VALIDITY_YEARS.has(end.year - start.year)) return toIsoDate(end);
  }
  return undefined;
}

/**
 * The fields a document of this type carries: the first valid ID number in reading order (the card
 * holder; on a marriage certificate the 持证人, printed first; on a birth certificate the mother), the
 * credit code, and on an ID card its expiry. A bank card's own number is never taken as an ID number.
 */
export function readDocumentFields(
  lines: readonly string[],
  type: DocumentType | null,
  today: LocalDate = hallToday(),
): DocumentReading['fields'] {
  const fields: DocumentReading['fields'] = {};
  if (type !== '银行卡' && type !== '营业执照') {
    const [idNumber] = findIdNumbers(lines, today);
    if (idNumber !== undefined) fields.idNumber = idNumber;
  }
  if (type === null || type === '营业执照') {
    const [creditCode] = findCreditCodes(lines);
    if (creditCode !== undefined) fields.creditCode = creditCode;
  }
  if (type === '居民身份证') {
    const idExpiry = findIdExpiry(lines);
    if (idExpiry !== undefined) fields.idExpiry = idExpiry;
  }
  return fields;
}
