/**
 * 居民身份证号 (GB 11643-1999) checked field by field, so the reason tells the citizen which part to
 * look at: length and characters, the province code, the birth date (positions 7–14, a real day
 * between 1900 and today) and the ISO 7064 MOD 11-2 check character. A valid number also yields the
 * birth date and sex (17th digit: odd for men) for the item's age rules.
 */
import type { LocalDate } from '../../calendar/local-date.ts';
import { idNumberCheckCharacter } from '../../privacy/id-number.ts';
import { type CalendarDate, formatChineseDate, isRealDate, toIsoDate } from './calendar-date.ts';

/** Province-level codes of GB/T 2260, plus 71/81/82 (Taiwan, Hong Kong, Macao) and 83 (台湾居民居住证). */
const PROVINCE_CODES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
    ' ',
  ),
);

export type Sex = '男' | '女';

export type IdNumberCheck =
  { ok: true; number: string; birth: CalendarDate; sex: Sex } | { ok: false; reason: string };

/** Full-width digits and letters become ASCII; spaces and dashes people type to group digits go. */
export const compactIdNumber = (value: string): string =>
  value
    .normalize('NFKC')
    .replace(/[\s\-－]/g, '')
    .toUpperCase();

const fail = (reason: string): IdNumberCheck => ({ ok: false, reason });

export function checkIdNumber(value: string, today: LocalDate): IdNumberCheck {
  const number = compactIdNumber(value);
  if (/^\d{15}$/.test(number)) {
    return fail('这是15位的旧身份证号码，请填写18位的居民身份证号码。');
  }
  const stray = [...number].find((character) => !/[\dX]/.test(character));
  if (stray !== undefined) {
    return fail(`身份证号只能由数字组成（最后一位可以是X），您填写的号码里有“${stray}”，请核对。`);
  }
  if (number.length !== 18) return fail(`身份证号应为18位，您填写的是${number.length}位，请核对。`);
  if (number.slice(0, 17).includes('X')) return fail('身份证号中的字母X只能出现在最后一位，请核对。');

  const province = number.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) {
    return fail(`身份证号前两位是省份代码，“${province}”不是有效的省份代码，请核对。`);
  }

  const birth = {
    year: Number(number.slice(6, 10)),
    month: Number(number.slice(10, 12)),
    day: Number(number.slice(12, 14)),
  };
  const written = `${number.slice(6, 10)}年${number.slice(10, 12)}月${number.slice(12, 14)}日`;
  if (!isRealDate(birth)) {
    return fail(`身份证号第7至14位是出生日期，${written}这一天不存在，请核对。`);
  }
  if (birth.year < 1900) return fail(`身份证号中的出生日期${formatChineseDate(birth)}早于1900年，请核对。`);
  if (toIsoDate(birth) > today) {
    return fail(`身份证号中的出生日期${formatChineseDate(birth)}晚于今天，请核对。`);
  }

  if (idNumberCheckCharacter(number) !== number[17]) {
    return fail('身份证号最后一位校验码不对，可能有一位输错了，请逐位核对。');
  }
  return { ok: true, number, birth, sex: Number(number[16]) % 2 === 1 ? '男' : '女' };
}
