/**
 * Readable case numbers: a category prefix, the hall-calendar day and a daily sequence, e.g.
 * BCS20261127-0001. Citizens read them out on the phone, so they avoid letters that look alike.
 */
import type { CaseCategory } from './case-types.ts';

export const CASE_PREFIX: Record<CaseCategory, string> = {
  办不成事反映: 'BCS',
  投诉: 'TS',
  咨询转人工: 'ZX',
  整改: 'ZG',
};

export const CASE_NUMBER_PATTERN = /^(BCS|TS|ZX|ZG)(\d{8})-(\d{4,})$/;

export function formatCaseNumber(category: CaseCategory, localDate: string, sequence: number): string {
  return `${CASE_PREFIX[category]}${localDate.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}

/** Normalises what a citizen types (lower case, spaces, full-width hyphen) before lookup. */
export function normalizeCaseNumber(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[‐-―−]/g, '-')
    .toUpperCase();
}
