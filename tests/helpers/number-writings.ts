/**
 * Generates the ways citizens write personal numbers — ID numbers (18 and 15 digits, right and
 * wrong check characters), mobiles (with +86 / 0086), landlines and bank cards (Luhn or not) — in
 * random groupings and separators, full-width digits, Chinese numerals and zero-width characters,
 * inside Chinese sentences that also hold ordinary numbers. `survivingNumber` is the oracle: an
 * independent reading that says whether 8 consecutive digits of a number are still legible.
 */
import { pick, seededRandom, type Random } from './seeded-random.ts';

export { seededRandom };

const digitsOf = (random: Random, count: number) =>
  Array.from({ length: count }, () => String(Math.floor(random() * 10))).join('');
const pad = (value: number, length = 2) => String(value).padStart(length, '0');

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacter = (first17: string) =>
  '10X98765432'[[...first17].reduce((sum, digit, index) => sum + Number(digit) * ID_WEIGHTS[index], 0) % 11];

function luhnDigit(body: string): string {
  let sum = 0;
  [...body].reverse().forEach((character, index) => {
    let digit = Number(character);
    if (index % 2 === 0) digit *= 2;
    sum += digit > 9 ? digit - 9 : digit;
  });
  return String((10 - (sum % 10)) % 10);
}

export type NumberKind = 'idNumber' | 'legacyId' | 'phone' | 'landline' | 'bankCard';

export interface PersonalNumber {
  kind: NumberKind;
  /** The number as plain digits (X for an ID's check character), prefix included. */
  digits: string;
  /** Group sizes that are typical for this kind. */
  groupings: number[][];
}

function birthDate(random: Random): string {
  const year = 1940 + Math.floor(random() * 70);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}${pad(month)}${pad(day)}`;
}

export function randomPersonalNumber(random: Random): PersonalNumber {
  const kind = pick(random, ['idNumber', 'legacyId', 'phone', 'landline', 'bankCard'] as const);
  switch (kind) {
    case 'idNumber': {
      const first17 = `${1 + Math.floor(random() * 6)}${digitsOf(random, 5)}${birthDate(random)}${digitsOf(random, 3)}`;
      const check = random() < 0.6 ? checkCharacter(first17) : pick(random, [...'0123456789X']);
      return { kind, digits: first17 + check, groupings: [[18], [6, 8, 4], [6, 4, 4, 4], [3, 3, 4, 4, 4]] };
    }
    case 'legacyId': {
      const date = birthDate(random).slice(2);
      return {
        kind,
        digits: `${1 + Math.floor(random() * 6)}${digitsOf(random, 5)}${date}${digitsOf(random, 3)}`,
        groupings: [[15], [6, 6, 3]],
      };
    }
    case 'phone': {
      const mobile = `1${3 + Math.floor(random() * 7)}${digitsOf(random, 9)}`;
      const prefix = pick(random, ['', '', '', '86', '0086']);
      const groupings = [[11], [3, 4, 4], [4, 4, 3], [3, 8], [7, 4]].map((sizes) =>
        prefix ? [prefix.length, ...sizes] : sizes,
      );
      return { kind, digits: prefix + mobile, groupings };
    }
    case 'landline': {
      const area = pick(random, ['10', '21', '22', '531', '532', '755', '28']);
      const local = `${2 + Math.floor(random() * 8)}${digitsOf(random, 7)}`;
      return {
        kind,
        digits: `0${area}${local}`,
        groupings: [[area.length + 1 + 8], [area.length + 1, 8], [area.length + 1, 4, 4]],
      };
    }
    case 'bankCard': {
      const length = 16 + Math.floor(random() * 4);
      const body = `${pick(random, ['62', '4', '5'])}`;
      const filled = body + digitsOf(random, length - 1 - body.length);
      const last = random() < 0.6 ? luhnDigit(filled) : String(Math.floor(random() * 10));
      const digits = filled + last;
      return {
        kind,
        digits,
        groupings: [[length], [4, 4, 4, 4, length - 16].filter(Boolean), [6, length - 6]],
      };
    }
  }
}

const FULL_WIDTH = (digit: string) => String.fromCharCode(0xff10 + Number(digit));
const CHINESE = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CHINESE_VARIANTS: Record<string, string[]> = {
  '0': ['〇', '零'],
  '1': ['一', '幺'],
  '2': ['二', '两'],
};
const X_FORMS = ['X', 'x', 'Ｘ', 'ｘ'];
export const SEPARATORS = [' ', '-', '.', '·', '\u3000', '—', '．', '\u200b', ' - ', '-'];
export const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

function writeDigit(random: Random, digit: string, style: string): string {
  if (digit === 'X') return pick(random, X_FORMS);
  const chosen = style === 'mixed' ? pick(random, ['ascii', 'ascii', 'full', 'chinese']) : style;
  if (chosen === 'full') return FULL_WIDTH(digit);
  if (chosen === 'chinese') return pick(random, CHINESE_VARIANTS[digit] ?? [CHINESE[Number(digit)]]);
  return digit;
}

function randomSizes(random: Random, total: number): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left > 0) {
    const size = Math.min(left, 2 + Math.floor(random() * 5));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/** One way of writing `number`: grouped, separated, in some digit style, maybe with zero-width characters. */
export function writeNumber(random: Random, number: PersonalNumber): string {
  const sizes = random() < 0.75 ? pick(random, number.groupings) : randomSizes(random, number.digits.length);
  const separator = pick(random, SEPARATORS);
  const style = pick(random, ['ascii', 'ascii', 'full', 'chinese', 'mixed']);
  const zeroWidth = random() < 0.25;
  const groups: string[] = [];
  let cursor = 0;
  for (const size of sizes) {
    const characters = [...number.digits.slice(cursor, cursor + size)].map((digit) =>
      writeDigit(random, digit, style),
    );
    groups.push(zeroWidth ? characters.join(pick(random, ZERO_WIDTH)) : characters.join(''));
    cursor += size;
  }
  const written = groups.join(separator);
  return number.kind === 'phone' && number.digits.length > 11 && random() < 0.5 ? `+${written}` : written;
}

/** Ordinary numbers that must stay readable after masking. */
export const ORDINARY_NUMBERS = [
  '2026年5月1日',
  '2026-11-27',
  '2026.11.27',
  '20个工作日',
  '300元',
  '1,200.50元',
  'BCS20261127-0001',
  'TS20261128-0012-K7QM',
  'A03窗口',
  '12345热线',
  '2号楼3层',
  '上午9:00',
];

const LEAD_INS = [
  '我的身份证号是',
  '电话：',
  '联系我',
  '卡号',
  '',
  '请打',
  '号码是 ',
  '手机号码',
  '麻烦记一下',
];
const TAILS = ['，谢谢', '。', '两天内联系我', '一定要回电', '', ' 好吗？', '，尽快处理', '号'];

export interface Writing {
  text: string;
  number: PersonalNumber;
  ordinary: string;
}

/** A sentence with one personal number in some writing and one ordinary number. */
export function randomWriting(random: Random): Writing {
  const number = randomPersonalNumber(random);
  const ordinary = pick(random, ORDINARY_NUMBERS);
  const sentence = `${pick(random, LEAD_INS)}${writeNumber(random, number)}${pick(random, TAILS)}`;
  const text = random() < 0.5 ? `${ordinary}办的事，${sentence}` : `${sentence}（${ordinary}）`;
  return { text, number, ordinary };
}

const ORACLE_DIGITS: Record<string, string> = Object.fromEntries([
  ...[...'0123456789'].map((digit) => [digit, digit]),
  ...[...'0123456789'].map((digit) => [FULL_WIDTH(digit), digit]),
  ...CHINESE.map((character, index) => [character, String(index)]),
  ['零', '0'],
  ['幺', '1'],
  ['两', '2'],
  ...X_FORMS.map((form) => [form, 'X']),
  ['*', '*'],
]);
const ORACLE_DROPPED = new Set([...SEPARATORS.join(''), ...ZERO_WIDTH, '+']);

/** Text as an observer reads digits in it: separators dropped, other characters as breaks. */
export function digitView(text: string): string {
  let view = '';
  for (const character of text) {
    if (ORACLE_DROPPED.has(character)) continue;
    view += ORACLE_DIGITS[character] ?? '|';
  }
  return view;
}

/** The first 8 consecutive digits of `digits` still legible in `text`, or undefined. */
export function survivingNumber(text: string, digits: string): string | undefined {
  const view = digitView(text);
  for (let start = 0; start + 8 <= digits.length; start += 1) {
    const window = digits.slice(start, start + 8);
    if (view.includes(window)) return window;
  }
  return undefined;
}
