import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, idNumberProblem } from '../../../../bot/privacy/id-number.ts';
import { passesLuhn } from '../../../../bot/privacy/luhn.ts';
import { findPersonalData, maskPersonalData } from '../../../../bot/privacy/personal-data.ts';

// A valid ID number built with the real check character, so the test does not depend on a fixed sample.
const ID_BODY = '11010119900307123';
const VALID_ID = ID_BODY + idNumberCheckCharacter(ID_BODY);
const WRONG_CHECK_ID = ID_BODY + (idNumberCheckCharacter(ID_BODY) === '0' ? '1' : '0');
const CARD = '6222021234567890128'; // 19 digits, Luhn-valid

describe('personal data', () => {
  it('builds valid fixtures (GB 11643 check character, Luhn)', () => {
    expect(idNumberProblem(VALID_ID)).toBeUndefined();
    expect(idNumberProblem(WRONG_CHECK_ID)).toBe('checksum');
    expect(idNumberProblem('110101199002301234')).toBe('birthDate');
    expect(idNumberProblem('11010119900307')).toBe('format');
    expect(passesLuhn(CARD)).toBe(true);
    expect(passesLuhn('6222021234567890123')).toBe(false);
  });

  it('finds ID numbers, mobiles and bank cards with their kinds and offsets', () => {
    const text = `我的身份证号是${VALID_ID}，手机13812345678，银行卡${CARD}。`;
    const found = findPersonalData(text);
    expect(found.map((match) => match.kind)).toEqual(['idNumber', 'phone', 'bankCard']);
    expect(text.slice(found[0].start, found[0].end)).toBe(VALID_ID);
    expect(text.slice(found[1].start, found[1].end)).toBe('13812345678');
    expect(text.slice(found[2].start, found[2].end)).toBe(CARD);
  });

  it('masks in the 110101********1234 and 138****5678 styles, never leaving the full number', () => {
    const masked = maskPersonalData(`身份证${VALID_ID}，电话13812345678`);
    expect(masked).toBe(`身份证110101********${VALID_ID.slice(-4)}，电话138****5678`);
    expect(maskPersonalData(`卡号${CARD}`)).toBe(`卡号6222***********0128`);
  });

  it('masks an 18-character look-alike with a wrong check digit, an X-ending ID and a 15-digit old ID', () => {
    expect(maskPersonalData(WRONG_CHECK_ID)).toBe(`110101********${WRONG_CHECK_ID.slice(-4)}`);
    expect(findPersonalData(WRONG_CHECK_ID)[0]).toMatchObject({ kind: 'idNumber', valid: false });
    expect(maskPersonalData('号码11010519491231002x')).toBe('号码110105********002X');
    expect(maskPersonalData('老身份证110105491231002')).toBe('老身份证110105*****1002');
  });

  it('recognises +86, spaced and dashed mobiles and grouped or full-width numbers', () => {
    expect(maskPersonalData('电话+86 138 1234 5678')).toBe('电话+86 138****5678');
    expect(maskPersonalData('电话138-1234-5678')).toBe('电话138****5678');
    expect(maskPersonalData('卡号 6222 0212 3456 7890 128')).toBe('卡号 6222***********0128');
    expect(maskPersonalData('手机１３８１２３４５６７８')).toBe('手机138****5678');
    expect(maskPersonalData(`身份证 110101 19900307 123${VALID_ID.slice(-1)}`)).toBe(
      `身份证 110101********123${VALID_ID.slice(-1)}`,
    );
  });

  it('masks landlines with their area code and 16–19 digit runs that fail Luhn (a mistyped card)', () => {
    expect(maskPersonalData('电话0531-12345678')).toBe('电话0531****5678');
    expect(maskPersonalData('卡号1234567890123456')).toBe('卡号1234********3456');
  });

  it('leaves ordinary numbers alone', () => {
    for (const text of [
      '事项编码QYKB-001',
      '法定15个工作日',
      '2026年10月15日',
      '12345热线',
      '编号123456789012345',
    ]) {
      expect(maskPersonalData(text), text).toBe(text);
    }
  });
});
