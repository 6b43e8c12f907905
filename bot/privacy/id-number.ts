/**
 * Checks for mainland resident identity numbers (GB 11643-1999): the birth date must be a real,
 * past date and the 18th character must match the ISO 7064 MOD 11-2 check. Shared by the personal
 * data masker (to tell ID numbers from other long numbers) and the pre-check (to catch typos).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The expected 18th character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * WEIGHTS[index];
  return CHECK_CHARACTERS[sum % 11];
}

/** True when year, month and day form a real date between 1900 and today. */
export function isPlausibleBirthDate(year: number, month: number, day: number, today = new Date()): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return false;
  }
  return date.getTime() <= today.getTime();
}

export type IdNumberProblem = 'format' | 'legacy' | 'birthDate' | 'checksum';

/** Why an ID number is not valid, or undefined when it is (spaces and lower-case x are tolerated). */
export function idNumberProblem(value: string, today = new Date()): IdNumberProblem | undefined {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{15}$/.test(compact)) return 'legacy';
  if (!/^\d{17}[\dX]$/.test(compact)) return 'format';
  const year = Number(compact.slice(6, 10));
  const month = Number(compact.slice(10, 12));
  const day = Number(compact.slice(12, 14));
  if (!isPlausibleBirthDate(year, month, day, today)) return 'birthDate';
  if (idNumberCheckCharacter(compact) !== compact[17]) return 'checksum';
  return undefined;
}

export const isValidIdNumber = (value: string): boolean => idNumberProblem(value) === undefined;

/** A 15-digit first-generation ID carries a YYMMDD birth date (19YY) at positions 7–12. */
export function isPlausibleLegacyIdNumber(digits: string): boolean {
  if (!/^\d{15}$/.test(digits)) return false;
  return isPlausibleBirthDate(
    1900 + Number(digits.slice(6, 8)),
    Number(digits.slice(8, 10)),
    Number(digits.slice(10, 12)),
  );
}
