import { describe, expect, it } from 'vitest';
import {
  findCreditCodes,
  findIdExpiry,
  findIdNumbers,
  readDocumentFields,
} from '../../../../../bot/precheck/documents/read-numbers.ts';

const TODAY = '2026-12-02';
// Constructed numbers with correct check characters (GB 11643, GB 32100).
const ID = '110105199003074528';
const ID_X = '11010519510811759X';
const CODE = '91110105MA01C7LT3N';

describe('findIdNumbers', () => {
  it('reads an 18-digit number after its caption, with spaces, full-width digits or a lower-case x', () => {
    expect(findIdNumbers([`公民身份号码${ID}`], TODAY)).toEqual([ID]);
    expect(findIdNumbers(['公民身份号码 110105 19900307 4528'], TODAY)).toEqual([ID]);
    expect(findIdNumbers(['１１０１０５１９９００３０７４５２８'], TODAY)).toEqual([ID]);
    expect(findIdNumbers(['11010519510811759x'], TODAY)).toEqual([ID_X]);
    expect(findIdNumbers(['11010519510811759×'], TODAY)).toEqual([ID_X]);
  });

  it('reads letters OCR mistakes for digits only when the number then passes its check', () => {
    expect(findIdNumbers(['公民身份号码 11O1O5199OO3O74528'], TODAY)).toEqual([ID]);
    expect(findIdNumbers(['11010519900307452B'], TODAY)).toEqual([ID]);
    expect(findIdNumbers(['11010519900307452S'], TODAY)).toEqual([]);
  });

  it('never corrects a wrong digit, a missing digit or an extra one it cannot place', () => {
    expect(findIdNumbers(['110105199003074529'], TODAY)).toEqual([]);
    expect(findIdNumbers(['11010519900307452'], TODAY)).toEqual([]);
    expect(findIdNumbers(['110105199003074528 440106198506123019'], TODAY)).toEqual([
      ID,
      '440106198506123019',
    ]);
  });

  it('finds a number with one stray character before it, when only one reading passes', () => {
    expect(findIdNumbers([`码${'1'}${ID}`], TODAY)).toEqual([ID]);
  });

  it('refuses a birth date after today', () => {
    expect(findIdNumbers(['110105202701014527'], TODAY)).toEqual([]);
  });
});

describe('findCreditCodes', () => {
  it('reads the code, in upper or lower case, with O, I, Z, S read as the digits they resemble when that passes', () => {
    expect(findCreditCodes([`统一社会信用代码${CODE}`])).toEqual([CODE]);
    expect(findCreditCodes(['91110105ma01c7lt3n'])).toEqual([CODE]);
    expect(findCreditCodes(['9III0IO5MAOIC7LT3N'])).toEqual([CODE]);
  });

  it('leaves out a code with a wrong character', () => {
    expect(findCreditCodes(['91110105MA01C7LT3P'])).toEqual([]);
    expect(findCreditCodes(['91110105MA01C7LT4N'])).toEqual([]);
  });
});

describe('findIdExpiry', () => {
  it('reads the end of the validity span, or 长期', () => {
    expect(findIdExpiry(['有效期限 2016.05.01-2036.05.01'])).toBe('2036-05-01');
    expect(findIdExpiry(['有效期限2016.05.012026.05.01'])).toBe('2026-05-01');
    expect(findIdExpiry(['有效期限 2018.03.09-长期'])).toBe('长期');
    // The dash is often recognised as 一 (one).
    expect(findIdExpiry(['有效期限2016.05.01一2036.05.01'])).toBe('2036-05-01');
    expect(findIdExpiry(['有效期限 2009,11,20-2019,11,20'])).toBe('2019-11-20');
  });

  it('leaves out spans the law does not allow and dates that do not exist', () => {
    expect(findIdExpiry(['有效期限 2016.05.01-2031.05.01'])).toBeUndefined();
    expect(findIdExpiry(['有效期限 2016.02.30-2036.02.30'])).toBeUndefined();
    expect(findIdExpiry(['签发机关 北京市公安局'])).toBeUndefined();
  });
});

describe('readDocumentFields', () => {
  it('takes the fields each document carries', () => {
    expect(
      readDocumentFields(['公民身份号码', ID, '有效期限 2016.05.01-2036.05.01'], '居民身份证', TODAY),
    ).toEqual({
      idNumber: ID,
      idExpiry: '2036-05-01',
    });
    expect(readDocumentFields([`统一社会信用代码 ${CODE}`], '营业执照', TODAY)).toEqual({ creditCode: CODE });
    expect(
      readDocumentFields([`身份证件号 ${ID}`, '身份证件号 440106198506123019'], '结婚证', TODAY),
    ).toEqual({
      idNumber: ID,
    });
  });

  it('never takes a bank card number or an expiry from another document', () => {
    expect(readDocumentFields(['6222021234567890128', ID], '银行卡', TODAY)).toEqual({});
    expect(readDocumentFields(['营业期限 2016.05.01-2036.05.01'], '营业执照', TODAY)).toEqual({});
  });
});
