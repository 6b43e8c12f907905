import { describe, expect, it } from 'vitest';
import { normalizeForMatch, normalizeText } from '../../../../knowledge/text/normalize.ts';

describe('normalizeText', () => {
  it('turns traditional characters into simplified ones', () => {
    expect(normalizeText('請問結婚登記要帶甚麼證件')).toBe('请问结婚登记要带什么证件');
  });
  it('turns full-width letters and digits into half-width and lower case', () => {
    expect(normalizeText('ＡＰＰ　１２３')).toBe('app 123');
  });
});

describe('normalizeForMatch', () => {
  it('drops punctuation and spaces between Han characters but keeps latin word breaks', () => {
    expect(normalizeForMatch('社保卡 ， 丢了！ Business  License?')).toBe('社保卡丢了business license');
  });
});
