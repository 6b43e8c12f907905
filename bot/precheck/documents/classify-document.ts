/**
 * The document type from its recognised text: each type's printed captions (document-cues.ts) are
 * looked for, tolerating OCR noise, and the weights of those found are summed. The best type is
 * returned only when it is well ahead of the runner-up; anything closer is `null`, because a wrong
 * type would tell the citizen they have brought a material they have not.
 */
import { DOCUMENT_CUES } from './document-cues.ts';
import type { DocumentType } from './document-reader.ts';
import { cueMatch } from './fuzzy-find.ts';
import { passesLuhn } from '../../privacy/luhn.ts';
import { findIdNumbers } from './read-numbers.ts';

/** The least score a type needs (about one title, or two captions proper to it). */
export const MIN_SCORE = 3;
/** How far ahead of the runner-up the best type must be. */
export const MIN_MARGIN = 2;
/** Weight of a 16–19 digit number with a valid Luhn digit that is not an ID number. */
const CARD_NUMBER_WEIGHT = 3;

export interface DocumentClassification {
  type: DocumentType | null;
  /** The best type's score, whether or not it was accepted (orientation choice compares these). */
  score: number;
  /** Scores by type, highest first. */
  scores: { type: DocumentType; score: number }[];
}

/** The text compared with the cues: NFKC (full-width forms become ASCII), lower case, no spaces. */
export const cueText = (lines: readonly string[]): string =>
  lines.join('').normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** True when a line carries a bank card number: 16–19 digits (grouped or not) passing Luhn. */
function hasCardNumber(lines: readonly string[]): boolean {
  const idNumbers = new Set(findIdNumbers(lines));
  return lines.some((line) => {
    // Bounded by anything but letters and digits, so that part of a longer code is not taken.
    const runs = line.normalize('NFKC').match(/(?<![\dA-Za-z])\d[\d ]{14,24}\d(?![\dA-Za-z])/g) ?? [];
    return runs.some((run) => {
      const digits = run.replace(/ /g, '');
      return digits.length >= 16 && digits.length <= 19 && !idNumbers.has(digits) && passesLuhn(digits);
    });
  });
}

export function classifyDocument(lines: readonly string[]): DocumentClassification {
  const text = cueText(lines);
  const cardNumber = hasCardNumber(lines);
  const scores = DOCUMENT_CUES.map(({ type, captions, patterns = [] }) => {
    let score = 0;
    for (const caption of captions) score += caption.weight * cueMatch(caption.text, text);
    for (const { pattern, weight } of patterns) if (pattern.test(text)) score += weight;
    if (type === '银行卡' && cardNumber) score += CARD_NUMBER_WEIGHT;
    return { type, score: Math.round(score * 100) / 100 };
  }).sort((left, right) => right.score - left.score);
  const [best, second] = scores;
  const accepted = best.score >= MIN_SCORE && best.score - second.score >= MIN_MARGIN;
  return { type: accepted ? best.type : null, score: best.score, scores };
}
