/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (no I, O, Z, S, V), the
 * last one a check character computed with weights 3^i mod 31. Positions 9–17 are the organisation's
 * 主体标识码, a 组织机构代码 (GB 11714) with its own MOD 11 check digit in position 17, so a typo in
 * that part is caught even when the outer check happens to hold.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** Letters the code never uses, and the digit a citizen most likely meant. */
const LOOKALIKES: Record<string, string | undefined> = { I: '1', O: '0', Z: '2', S: '5' };
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += ALPHABET.indexOf(first17[index]) * WEIGHTS[index];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714: digits count as 0–9 and letters as A=10 … Z=35; a result of 10 is X, 11 is 0. */
export function organisationCodeCheckDigit(first8: string): string {
  let sum = 0;
  for (let index = 0; index < 8; index += 1) {
    sum += Number.parseInt(first8[index], 36) * ORGANISATION_WEIGHTS[index];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export type CreditCodeProblem = 'length' | 'characters' | 'organisation' | 'checksum';

/** Full-width characters become ASCII; spaces and dashes people type to group characters go. */
export const compactCreditCode = (value: string): string =>
  value
    .normalize('NFKC')
    .replace(/[\s\-－]/g, '')
    .toUpperCase();

export function creditCodeProblem(value: string): CreditCodeProblem | undefined {
  const code = compactCreditCode(value);
  if (code.length !== 18) return 'length';
  if ([...code].some((character) => !ALPHABET.includes(character))) return 'characters';
  if (organisationCodeCheckDigit(code.slice(8, 16)) !== code[16]) return 'organisation';
  if (creditCodeCheckCharacter(code) !== code[17]) return 'checksum';
  return undefined;
}

/** Why a credit code is not valid, in words for the citizen, or undefined when it is. */
export function creditCodeReason(value: string): string | undefined {
  const code = compactCreditCode(value);
  switch (creditCodeProblem(value)) {
    case undefined:
      return undefined;
    case 'length':
      return `统一社会信用代码应为18位，您填写的是${code.length}位，请对照营业执照核对。`;
    case 'characters': {
      const stray = [...code].find((character) => !ALPHABET.includes(character)) ?? '';
      const lookalike = LOOKALIKES[stray];
      return lookalike
        ? `统一社会信用代码不使用字母${stray}，您填写的代码里有“${stray}”，可能是数字${lookalike}，请核对。`
        : `统一社会信用代码只含数字和大写字母（不含I、O、Z、S、V），您填写的代码里有“${stray}”，请核对。`;
    }
    case 'organisation':
      return '统一社会信用代码第9至17位（组织机构代码）的校验位不对，可能有一位输错了，请对照营业执照核对。';
    case 'checksum':
      return '统一社会信用代码最后一位校验码不对，可能有一位输错了，请对照营业执照逐位核对。';
  }
}
