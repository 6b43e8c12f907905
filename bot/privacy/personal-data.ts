/**
 * Finds and masks personal data in free text (identity numbers, mobile numbers, bank cards) before a
 * message is stored, logged or shown to staff. Detection prefers recall for identity numbers (an
 * 18-character look-alike is masked even when its check digit is wrong: it is probably a mistyped
 * ID) and uses check digits elsewhere so that order numbers and dates are left alone.
 */
import { isPlausibleLegacyIdNumber, isValidIdNumber } from './id-number.ts';
import { passesLuhn } from './luhn.ts';

export type PersonalDataKind = 'idNumber' | 'phone' | 'bankCard';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** UTF-16 offsets into the original text, `end` exclusive. */
  start: number;
  end: number;
  /** False for look-alikes masked out of caution (e.g. an ID number with a wrong check digit). */
  valid: boolean;
}

interface Candidate extends PersonalDataMatch {
  priority: number;
}

// Full-width digits and letters map one UTF-16 unit to one, so offsets stay valid after folding.
const foldWidth = (text: string): string =>
  text.replace(/[０-９Ｘｘ＋－]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));

const digitsOf = (text: string): string => text.replace(/[^\dXx]/g, '');

const PATTERNS: Array<{
  pattern: RegExp;
  classify: (digits: string) => Omit<Candidate, 'start' | 'end'> | undefined;
}> = [
  {
    // 18-character ID numbers, contiguous or written 6-8-4.
    pattern: /(?<![0-9A-Za-z])\d{6}[\s-]?\d{8}[\s-]?\d{3}[0-9Xx](?![0-9A-Za-z])/g,
    classify: (digits) => {
      if (isValidIdNumber(digits)) return { kind: 'idNumber', valid: true, priority: 1 };
      if (/^\d{18}$/.test(digits) && passesLuhn(digits)) {
        return { kind: 'bankCard', valid: true, priority: 1 };
      }
      return { kind: 'idNumber', valid: false, priority: 1 };
    },
  },
  {
    // Bank cards: 16–19 digits, contiguous or in groups of four.
    pattern: /(?<![0-9A-Za-z])(?:\d{16,19}|\d{4}(?:[\s-]\d{4}){3}(?:[\s-]?\d{1,3})?)(?![0-9A-Za-z])/g,
    classify: (digits) =>
      digits.length >= 16 && digits.length <= 19 && passesLuhn(digits)
        ? { kind: 'bankCard', valid: true, priority: 2 }
        : undefined,
  },
  {
    // Mainland mobile numbers, optionally +86 / 86 and spaced or dashed 3-4-4.
    pattern: /(?<![0-9A-Za-z+])(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?![0-9A-Za-z])/g,
    classify: () => ({ kind: 'phone', valid: true, priority: 3 }),
  },
  {
    // First-generation 15-digit ID numbers; the embedded birth date keeps other 15-digit runs out.
    pattern: /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g,
    classify: (digits) =>
      isPlausibleLegacyIdNumber(digits) ? { kind: 'idNumber', valid: true, priority: 4 } : undefined,
  },
];

/** All personal data in `text`, in order of appearance, never overlapping. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const folded = foldWidth(text);
  const candidates: Candidate[] = [];
  for (const { pattern, classify } of PATTERNS) {
    for (const match of folded.matchAll(pattern)) {
      const found = classify(digitsOf(match[0]));
      if (found) candidates.push({ ...found, start: match.index, end: match.index + match[0].length });
    }
  }
  // Longer and higher-priority spans win; the rest must not overlap them.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority);
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    if (kept.every((other) => candidate.end <= other.start || candidate.start >= other.end)) {
      kept.push(candidate);
    }
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map(({ kind, start, end, valid }) => ({ kind, start, end, valid }));
}

function maskSpan(kind: PersonalDataKind, span: string): string {
  const digits = digitsOf(span).toUpperCase();
  if (kind === 'phone') {
    const prefix = span.match(/^\s*\+?86[\s-]?/)?.[0] ?? '';
    const mobile = digitsOf(span.slice(prefix.length));
    return `${prefix}${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
  }
  if (kind === 'idNumber') return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`;
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

/** `text` with every personal number masked: 110101********1234, 138****5678, 6222**********1234. */
export function maskPersonalData(text: string): string {
  const folded = foldWidth(text);
  let result = '';
  let cursor = 0;
  for (const match of findPersonalData(text)) {
    result += text.slice(cursor, match.start) + maskSpan(match.kind, folded.slice(match.start, match.end));
    cursor = match.end;
  }
  return result + text.slice(cursor);
}
