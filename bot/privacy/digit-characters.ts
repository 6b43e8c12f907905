/**
 * How a character reads when a citizen writes a number: ASCII and full-width digits, other Unicode
 * decimal digits, and the Chinese numerals people type digit by digit (一三九…, 幺 and 两 included,
 * also the financial 壹贰叁). Separators are what people put between groups of digits — spaces of
 * any width, dots, dashes, closing brackets and invisible zero-width characters.
 */

const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  两: '2',
  贰: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};

export type DigitScript = 'arabic' | 'chinese';

export interface DigitReading {
  digit: string;
  script: DigitScript;
}

/** The digit a character stands for, or undefined. */
export function readDigit(character: string): DigitReading | undefined {
  if (character >= '0' && character <= '9') return { digit: character, script: 'arabic' };
  const chinese = CHINESE_DIGITS[character];
  if (chinese) return { digit: chinese, script: 'chinese' };
  if (/^\p{Nd}$/u.test(character)) {
    const folded = character.normalize('NFKC');
    if (folded >= '0' && folded <= '9' && folded.length === 1) return { digit: folded, script: 'arabic' };
  }
  return undefined;
}

// Closing brackets only: (0531)8888 6666 is one number, but an opening bracket starts something new.
const SEPARATOR = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD\u180E.．·・•‧\-－‐‑‒–—―−_＿~～)）]$/u;

/** True for a character that may stand between two groups of one written number. */
export const isSeparator = (character: string): boolean => SEPARATOR.test(character);

/** ASCII and full-width digits (not Chinese numerals, which often start the next word: X一定). */
export const isWrittenDigit = (character: string): boolean => /^[0-9０-９]$/.test(character);

/** The check character of an ID number (X, x, full-width Ｘ ｘ). */
export const isCheckLetter = (character: string): boolean => /^[XxＸｘ]$/.test(character);

/** Latin letters (also full-width): a digit run glued to one is a code, not a personal number. */
export const isLatinLetter = (character: string): boolean => /^[A-Za-zＡ-Ｚａ-ｚ]$/.test(character);
