/**
 * Text normalisation shared by indexing and querying: full-width → half-width (NFKC), traditional →
 * simplified Chinese, lower case, and no spacing or punctuation differences, so that "護照 辦理" and
 * "护照办理" meet the same tokens.
 */
import { Converter } from 'opencc-js/t2cn';

let traditionalToSimplified: ((text: string) => string) | undefined;

function toSimplified(text: string): string {
  const convert = (traditionalToSimplified ??= Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

/** Variant characters that OpenCC keeps but citizens and catalogs write differently. */
const VARIANTS: Array<[RegExp, string]> = [
  [/甚么/g, '什么'],
  [/[么麽]/g, '么'],
  [/〇/g, '零'],
];

/** Normalise for display-independent comparison; keeps the text readable (punctuation kept). */
export function normalizeText(text: string): string {
  let result = text.normalize('NFKC');
  if (/[\u4e00-\u9fff]/.test(result)) result = toSimplified(result);
  for (const [pattern, replacement] of VARIANTS) result = result.replace(pattern, replacement);
  return result.toLowerCase().replace(/\s+/g, ' ').trim();
}

const PUNCTUATION = /[\s\p{P}\p{S}]+/gu;
const SPACE_NEAR_HAN = /\s*(\p{Script=Han})\s*/gu;

/**
 * Normalise for matching: as `normalizeText`, with punctuation removed and no spaces around Han
 * characters; a single space still separates latin words ("business license").
 */
export function normalizeForMatch(text: string): string {
  return normalizeText(text).replace(PUNCTUATION, ' ').replace(SPACE_NEAR_HAN, '$1').trim();
}

export const isHan = (character: string): boolean => /\p{Script=Han}/u.test(character);
