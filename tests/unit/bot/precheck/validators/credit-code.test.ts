import { describe, expect, it } from 'vitest';
import {
  creditCodeProblem,
  creditCodeReason,
  organisationCodeCheckDigit,
} from '../../../../../bot/precheck/credit-code.ts';
import { creditCheck, creditCodeFor, organisationCheck } from './check-digits.ts';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** `code` with the character at `index` replaced and the final check character recomputed. */
function withCharacter(code: string, index: number, character: string): string {
  const body = (code.slice(0, index) + character + code.slice(index + 1)).slice(0, 17);
  return body + creditCheck(body);
}

describe('统一社会信用代码', () => {
  it('accepts published codes and codes built with both check formulas', () => {
    // Published on the business licences of two Shenzhen companies; the second one's organisation
    // code check digit is X (GB 11714: 11 - 199 mod 11 = 10).
    expect(creditCodeProblem('914403001922038216')).toBeUndefined();
    expect(creditCodeProblem('9144030071526726XG')).toBeUndefined();
    // Constructed: a Jinan company, a Shandong public institution (12), a sole trader (92).
    for (const code of ['91370112MA3C5L2X0B', '12370100004188717G', '92370112MA7K8B3W24']) {
      expect(creditCodeProblem(code), code).toBeUndefined();
    }
    expect(creditCodeFor('91370112', 'MA3C5L2X')).toBe('91370112MA3C5L2X0B');
    for (const body of ['00418871', 'MA3C5L2X', '71526726', 'MA7K8B3W', '19220382', 'MA01ABCD']) {
      expect(organisationCodeCheckDigit(body)).toBe(organisationCheck(body));
    }
    // Typed in lower case, with spaces, or in full-width characters.
    expect(creditCodeReason('91370112 ma3c5l2x 0b')).toBeUndefined();
    expect(creditCodeReason('９１３７０１１２ＭＡ３Ｃ５Ｌ２Ｘ０Ｂ')).toBeUndefined();
  });

  it('catches every wrong check character', () => {
    const valid = '91370112MA3C5L2X0B';
    for (const character of ALPHABET.replace(valid[17], '')) {
      expect(creditCodeReason(valid.slice(0, 17) + character)).toBe(
        '统一社会信用代码最后一位校验码不对，可能有一位输错了，请对照营业执照逐位核对。',
      );
    }
  });

  it('catches a wrong organisation code digit even when the final check character fits', () => {
    const valid = '914403001922038216';
    for (const digit of '0123456789X'.replace(valid[16], '')) {
      const code = withCharacter(valid, 16, digit);
      expect(creditCodeProblem(code), code).toBe('organisation');
    }
    // A mistyped digit inside the organisation code (1922 → 1972), outer check recomputed.
    expect(creditCodeReason(withCharacter(valid, 11, '7'))).toBe(
      '统一社会信用代码第9至17位（组织机构代码）的校验位不对，可能有一位输错了，请对照营业执照核对。',
    );
  });

  it('explains letters the code never uses and the wrong length', () => {
    expect(creditCodeReason('91370112MA3C5L2XOB')).toBe(
      '统一社会信用代码不使用字母O，您填写的代码里有“O”，可能是数字0，请核对。',
    );
    expect(creditCodeReason('9137O112MA3C5L2X0B')).toContain('可能是数字0');
    expect(creditCodeReason('91370112MA3C5L2XIB')).toContain('可能是数字1');
    expect(creditCodeReason('91370112MA3C5L2XVB')).toBe(
      '统一社会信用代码只含数字和大写字母（不含I、O、Z、S、V），您填写的代码里有“V”，请核对。',
    );
    expect(creditCodeReason('91370112MA3C5L2X0')).toBe(
      '统一社会信用代码应为18位，您填写的是17位，请对照营业执照核对。',
    );
    expect(creditCodeReason('91370112-MA3C5L2X-0B')).toBeUndefined();
  });
});
