/**
 * What a string of normalised digits is, judged by its shape alone: an ID number (18 characters,
 * also with a wrong check digit; 15-digit first-generation numbers with a real birth date), a
 * mainland mobile (also after 86 or 0086), a landline with its area code, or a bank card (16–19
 * digits, also failing the Luhn check, since a mistyped card is still a card). Recall comes first:
 * a masked look-alike costs a little readability, an unmasked number cannot be taken back.
 */
import { isPlausibleLegacyIdNumber, isValidIdNumber } from './id-number.ts';
import { passesLuhn } from './luhn.ts';

export type PersonalDataKind = 'idNumber' | 'phone' | 'landline' | 'bankCard';

export interface NumberShape {
  kind: PersonalDataKind;
  /** False for look-alikes masked out of caution (a wrong check digit, a card failing Luhn). */
  valid: boolean;
  /** Leading digits that are a prefix, not the number (86 or 0086 before a mobile). */
  prefixLength: number;
}

/** The longest digit string any shape can have. */
export const LONGEST_SHAPE = 19;

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0[1-9]\d{8,10}$/;

export function classifyDigits(digits: string): NumberShape | undefined {
  const length = digits.length;
  if (digits.includes('X')) {
    return length === 18 && /^\d{17}X$/.test(digits)
      ? { kind: 'idNumber', valid: isValidIdNumber(digits), prefixLength: 0 }
      : undefined;
  }
  if (length === 11 && MOBILE.test(digits)) return { kind: 'phone', valid: true, prefixLength: 0 };
  if (length === 13 && digits.startsWith('86') && MOBILE.test(digits.slice(2))) {
    return { kind: 'phone', valid: true, prefixLength: 2 };
  }
  if (length === 15 && digits.startsWith('0086') && MOBILE.test(digits.slice(4))) {
    return { kind: 'phone', valid: true, prefixLength: 4 };
  }
  if (length === 18) {
    if (isValidIdNumber(digits)) return { kind: 'idNumber', valid: true, prefixLength: 0 };
    if (passesLuhn(digits)) return { kind: 'bankCard', valid: true, prefixLength: 0 };
    return { kind: 'idNumber', valid: false, prefixLength: 0 };
  }
  if (length === 15 && isPlausibleLegacyIdNumber(digits)) {
    return { kind: 'idNumber', valid: true, prefixLength: 0 };
  }
  if (length >= 16 && length <= LONGEST_SHAPE) {
    return { kind: 'bankCard', valid: passesLuhn(digits), prefixLength: 0 };
  }
  if (LANDLINE.test(digits)) return { kind: 'landline', valid: true, prefixLength: 0 };
  return undefined;
}

/** The masked form: 110101********1234, 138****5678, 0531****6666, 6222***********0128. */
export function maskDigits(kind: PersonalDataKind, digits: string): string {
  const hide = (head: number, tail: number) =>
    `${digits.slice(0, head)}${'*'.repeat(digits.length - head - tail)}${digits.slice(-tail)}`;
  switch (kind) {
    case 'phone':
      return hide(3, 4);
    case 'idNumber':
      return hide(6, 4);
    case 'landline':
      return `${digits.slice(0, digits.length - 8)}****${digits.slice(-4)}`;
    case 'bankCard':
      return hide(4, 4);
  }
}
