/**
 * Personal numbers on a stored pre-check are masked before it is written: the numbers the citizen
 * typed keep only their ends (110101********1234, 138****5678), and every text of the result (the
 * names they said, the notice) goes through the personal-data masker as well, in case a number was
 * typed where a material name belongs.
 */
import { maskPersonalText } from '../../logging/personal-data-masker.ts';
import type { PrecheckFields } from '../validators/fields-schema.ts';

export type MaskedFields = Partial<Record<keyof PrecheckFields, string>>;

/** Keeps `head` and `tail` characters; anything too short to keep ends of is hidden entirely. */
function hide(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(Math.max(value.length, 4));
  return `${value.slice(0, head)}${'*'.repeat(value.length - head - tail)}${value.slice(-tail)}`;
}

export function maskFields(fields: PrecheckFields | undefined): MaskedFields {
  const masked: MaskedFields = {};
  if (!fields) return masked;
  const compact = (value: string | undefined) => value?.replace(/\s/g, '') || undefined;
  const idNumber = compact(fields.idNumber);
  if (idNumber) masked.idNumber = hide(idNumber, 6, 4);
  const phone = compact(fields.phone);
  if (phone) masked.phone = hide(phone, 3, 4);
  const creditCode = compact(fields.creditCode);
  if (creditCode) masked.creditCode = hide(creditCode, 4, 4);
  // The expiry date identifies nobody by itself; it is kept so the clerk sees what was checked.
  const idExpiry = fields.idExpiry?.trim();
  if (idExpiry) masked.idExpiry = maskPersonalText(idExpiry).slice(0, 40);
  return masked;
}

/** A deep copy of `value` with every string masked. */
export function maskStrings<T>(value: T): T {
  if (typeof value === 'string') return maskPersonalText(value) as T;
  if (Array.isArray(value)) return value.map((entry: unknown) => maskStrings(entry)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, entry]) => [key, maskStrings(entry)]),
    ) as T;
  }
  return value;
}
