/**
 * The one-time lookup code of a case left without a phone: six characters from an alphabet without
 * look-alikes (0/O, 1/I/L), shown to the citizen once and stored only as a hash bound to the case
 * number. Together with the number it opens the case's progress page, under the same per-number
 * lockout as the phone digits.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const LOOKUP_CODE_LENGTH = 6;
export const LOOKUP_CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${LOOKUP_CODE_LENGTH}}$`);

export function newLookupCode(): string {
  let code = '';
  for (let index = 0; index < LOOKUP_CODE_LENGTH; index += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export function hashLookupCode(caseNumber: string, code: string): string {
  return createHash('sha256').update(`${caseNumber}:${code.toUpperCase()}`).digest('hex');
}

export function lookupCodeMatches(caseNumber: string, code: string, storedHash: string | undefined): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(hashLookupCode(caseNumber, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
