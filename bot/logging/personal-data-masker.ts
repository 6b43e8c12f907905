/**
 * Masks personal data (phone numbers, ID card numbers, bank cards) in text before it reaches logs,
 * analytics or staff screens. The privacy module (`bot/privacy/personal-data.ts`) is the authority
 * (it validates ID checksums and phone prefixes); a conservative pattern masker runs after it as a
 * backstop, because a log line with an unmasked number cannot be taken back.
 */
import { maskPersonalData } from '../privacy/personal-data.ts';

export type TextMasker = (text: string) => string;

const MOBILE = /(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g;
const ID_CARD = /(?<![\dA-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![\dA-Za-z])/g;
const LONG_DIGITS = /(?<!\d)(\d{4})\d{8,11}(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3}-?)\d{4}(\d{3,4})(?!\d)/g;

/** Built-in masking: keeps enough to recognise a number (first and last digits), hides the rest. */
export const fallbackMasker: TextMasker = (text) =>
  text
    .replace(ID_CARD, (_match, head: string, tail: string) => `${head}**********${tail}`)
    .replace(LONG_DIGITS, (_match, head: string, tail: string) => `${head}********${tail}`)
    .replace(MOBILE, (_match, head: string, _middle: string, tail: string) => `${head}****${tail}`)
    .replace(LANDLINE, (_match, head: string, tail: string) => `${head}****${tail}`);

/** Masks personal data in `text`: the privacy module's masker, then the built-in one as a backstop. */
export function maskPersonalText(text: string): string {
  return fallbackMasker(maskPersonalData(text));
}

/** Phone shown to staff and citizens: 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
