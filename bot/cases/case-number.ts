/**
 * Readable case numbers: a category prefix, the hall-calendar day, a daily sequence and a random
 * check code, e.g. BCS20261127-0001-K7QM. The sequence keeps numbers orderable for staff; the code
 * makes a number impossible to guess from yesterday's, so a citizen's case cannot be looked up by
 * counting. Citizens read them out on the phone, so the code avoids characters that look alike
 * (0/O, 1/I/L) and starts with a letter. Numbers issued before the code existed keep working.
 */
import { randomInt } from 'node:crypto';
import type { CaseCategory } from './case-types.ts';

export const CASE_PREFIX: Record<CaseCategory, string> = {
  办不成事反映: 'BCS',
  投诉: 'TS',
  咨询转人工: 'ZX',
  整改: 'ZG',
};

const CODE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_CHARACTERS = `${CODE_LETTERS}23456789`;

export const CASE_NUMBER_PATTERN = /^(BCS|TS|ZX|ZG)(\d{8})-(\d{4,})(?:-([A-Z][A-Z2-9]{3}))?$/;

/** A random four-character check code (about 700,000 possibilities). */
export function newCaseCode(): string {
  let code = CODE_LETTERS[randomInt(CODE_LETTERS.length)];
  for (let index = 0; index < 3; index += 1) code += CODE_CHARACTERS[randomInt(CODE_CHARACTERS.length)];
  return code;
}

export function formatCaseNumber(
  category: CaseCategory,
  localDate: string,
  sequence: number,
  code: string = newCaseCode(),
): string {
  return `${CASE_PREFIX[category]}${localDate.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}-${code}`;
}

/** Normalises what a citizen types (lower case, spaces, full-width hyphen) before lookup. */
export function normalizeCaseNumber(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[‐-―−]/g, '-')
    .toUpperCase();
}
