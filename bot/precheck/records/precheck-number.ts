/**
 * The pre-check number (预审编号) printed on the one-time notice: "YS" + the hall's date (YYMMDD) + a
 * dash + five characters from an alphabet without look-alikes (0/O, 1/I/L), e.g. "YS261202-K7M3Q".
 * Short enough to read aloud at a window and type into the console; a clerk may type it in lower
 * case, with spaces or without the dash.
 */
import { randomInt } from 'node:crypto';
import type { LocalDate } from '../../calendar/local-date.ts';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const RANDOM_LENGTH = 5;

export const PRECHECK_NO_PATTERN = new RegExp(`^YS\\d{6}-[${ALPHABET}]{${RANDOM_LENGTH}}$`);

/** A new number for a pre-check made on `localDate` (YYYY-MM-DD); uniqueness is the store's check. */
export function newPrecheckNo(localDate: LocalDate, random: (below: number) => number = randomInt): string {
  const date = localDate.replace(/-/g, '').slice(2);
  let tail = '';
  for (let index = 0; index < RANDOM_LENGTH; index += 1) tail += ALPHABET[random(ALPHABET.length)];
  return `YS${date}-${tail}`;
}

/** The number as typed ("ys261202k7m3q", "YS 261202 K7M3Q") in its printed form, or undefined. */
export function normalisePrecheckNo(typed: string): string | undefined {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  const match = /^YS(\d{6})([0-9A-Z]{5})$/.exec(compact);
  if (!match) return undefined;
  const printed = `YS${match[1]}-${match[2]}`;
  return PRECHECK_NO_PATTERN.test(printed) ? printed : undefined;
}
