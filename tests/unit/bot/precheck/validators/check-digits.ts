/**
 * Check characters computed from the standards' formulas rather than their weight tables, so that
 * the tests do not share a mistake with the code under test.
 */

/** GB 11643 / ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, check value (12 - sum mod 11) mod 11. */
export function idCheck(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (2 ** (17 - index) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

/** A valid ID number for a birth date (YYYYMMDD), an odd (men) or even (women) 17th digit. */
export function idFor(birth: string, sex: '男' | '女', region = '370112', sequence = '12'): string {
  const body = `${region}${birth}${sequence}${sex === '男' ? '3' : '4'}`;
  return body + idCheck(body);
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100: weights 3^i mod 31, check value 31 - sum mod 31 (31 → 0). */
export function creditCheck(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (let index = 0; index < 17; index += 1) {
    sum += CREDIT_ALPHABET.indexOf(first17[index]) * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714: weights 3,7,9,10,5,8,4,2 over digits and letters (A = 10); 10 → X, 11 → 0. */
export function organisationCheck(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (character: string) =>
    /\d/.test(character) ? Number(character) : character.charCodeAt(0) - 'A'.charCodeAt(0) + 10;
  const sum = [...first8].reduce((total, character, index) => total + value(character) * weights[index], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** A valid credit code from its first 8 characters and the organisation code's 8-character body. */
export function creditCodeFor(prefix8: string, organisationBody: string): string {
  const body = prefix8 + organisationBody + organisationCheck(organisationBody);
  return body + creditCheck(body);
}
