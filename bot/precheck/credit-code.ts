/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (no I, O, Z, S, V), the
 * last one a check character computed with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += ALPHABET.indexOf(first17[index]) * WEIGHTS[index];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'length' | 'characters' | 'checksum';

export function creditCodeProblem(value: string): CreditCodeProblem | undefined {
  const code = value.replace(/\s/g, '').toUpperCase();
  if (code.length !== 18) return 'length';
  if ([...code].some((character) => !ALPHABET.includes(character))) return 'characters';
  if (creditCodeCheckCharacter(code) !== code[17]) return 'checksum';
  return undefined;
}
