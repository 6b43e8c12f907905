import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../../../../bot/precheck/validators/id-number-check.ts';
import { idCheck, idFor } from './check-digits.ts';

const today = '2026-12-02';
const reasonOf = (value: string, on = today) => {
  const result = checkIdNumber(value, on);
  return result.ok ? undefined : result.reason;
};

/** The same number with its last character replaced by every wrong one. */
const withWrongChecks = (valid: string) =>
  [...'0123456789X']
    .filter((character) => character !== valid[17])
    .map((character) => valid.slice(0, 17) + character);

describe('居民身份证号', () => {
  it('accepts the standard example and numbers built with the check formula, with birth date and sex', () => {
    // The worked example of GB 11643-1999 (a woman born 31 December 1949), check character X.
    expect(checkIdNumber('11010519491231002X', today)).toEqual({
      ok: true,
      number: '11010519491231002X',
      birth: { year: 1949, month: 12, day: 31 },
      sex: '女',
    });
    // Hand-built: Jinan (370112), born 1 March 1990, sequence 123 (odd: a man); weighted sum 224, 224 mod 11 = 4 → 8.
    expect(checkIdNumber('370112199003011238', today)).toMatchObject({ ok: true, sex: '男' });
    for (const birth of ['19000101', '19491001', '19720229', '20000229', '20261202']) {
      for (const sex of ['男', '女'] as const) {
        expect(checkIdNumber(idFor(birth, sex), today)).toMatchObject({ ok: true, sex });
      }
    }
    // How people type it: spaces, a lower-case x, full-width digits.
    expect(checkIdNumber('110105 19491231 002x', today).ok).toBe(true);
    expect(checkIdNumber('１１０１０５１９４９１２３１００２Ｘ', today).ok).toBe(true);
  });

  it('says the check character is wrong for every other last character', () => {
    for (const valid of ['11010519491231002X', idFor('19850615', '女'), idFor('20010911', '男')]) {
      for (const wrong of withWrongChecks(valid)) {
        expect(reasonOf(wrong)).toBe('身份证号最后一位校验码不对，可能有一位输错了，请逐位核对。');
      }
    }
    // One digit mistyped in the middle (a 3 for an 8) breaks the check as well.
    const valid = idFor('19880808', '男');
    expect(reasonOf(valid.slice(0, 9) + '3' + valid.slice(10))).toContain('校验码不对');
  });

  it('rejects birth dates that do not exist, are before 1900 or are still to come', () => {
    const impossible = '370112' + '19990230' + '123';
    expect(reasonOf(impossible + idCheck(impossible))).toBe(
      '身份证号第7至14位是出生日期，1999年02月30日这一天不存在，请核对。',
    );
    for (const birth of ['19991301', '19990000', '19900431', '19000229', '20230229']) {
      const body = `370112${birth}123`;
      expect(reasonOf(body + idCheck(body))).toContain('这一天不存在');
    }
    // The second example of GB 11643 has a valid check character, but 1880 is before 1900.
    expect(reasonOf('440524188001010014')).toBe('身份证号中的出生日期1880年1月1日早于1900年，请核对。');
    expect(reasonOf(idFor('20261203', '女'))).toBe('身份证号中的出生日期2026年12月3日晚于今天，请核对。');
    expect(reasonOf(idFor('20261203', '女'), '2026-12-03')).toBeUndefined();
  });

  it('names the length, the stray character, a misplaced X and a province code that does not exist', () => {
    expect(reasonOf('11010519491231002')).toBe('身份证号应为18位，您填写的是17位，请核对。');
    expect(reasonOf('11010519491231002X1')).toBe('身份证号应为18位，您填写的是19位，请核对。');
    expect(reasonOf('110105491231002')).toBe('这是15位的旧身份证号码，请填写18位的居民身份证号码。');
    expect(reasonOf('11010519491231OO2X')).toBe(
      '身份证号只能由数字组成（最后一位可以是X），您填写的号码里有“O”，请核对。',
    );
    expect(reasonOf('1101051949123100X2')).toBe('身份证号中的字母X只能出现在最后一位，请核对。');
    expect(reasonOf(idFor('19900301', '男', '990101'))).toBe(
      '身份证号前两位是省份代码，“99”不是有效的省份代码，请核对。',
    );
    expect(reasonOf(idFor('19900301', '男', '010101'))).toContain('不是有效的省份代码');
  });
});
