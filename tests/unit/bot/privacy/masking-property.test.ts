/**
 * Property test of the masker: 10,000 generated writings of random personal numbers (groupings,
 * separators, full-width digits, Chinese numerals, zero-width characters, inside Chinese sentences)
 * must leave no 8 consecutive digits of any number legible, and the ordinary numbers beside them
 * (dates, amounts, 20个工作日, case numbers) must stay as written.
 */
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../../../bot/privacy/personal-data.ts';
import { maskPersonalText } from '../../../../bot/logging/personal-data-masker.ts';
import { randomWriting, seededRandom, survivingNumber } from '../../../helpers/number-writings.ts';

const WRITINGS = 10_000;

describe('masking by normalisation (property)', () => {
  it('the oracle sees numbers in every writing it generates', () => {
    const random = seededRandom(7);
    for (let index = 0; index < 1000; index += 1) {
      const writing = randomWriting(random);
      expect(survivingNumber(writing.text, writing.number.digits), writing.text).toBeDefined();
    }
  });

  it(`leaves 0 of ${WRITINGS} generated numbers legible, and keeps the ordinary numbers`, () => {
    const random = seededRandom(20261127);
    const survivors: string[] = [];
    const damaged: string[] = [];
    for (let index = 0; index < WRITINGS; index += 1) {
      const writing = randomWriting(random);
      const masked = maskPersonalData(writing.text);
      if (survivingNumber(masked, writing.number.digits)) survivors.push(`${writing.text} → ${masked}`);
      if (!masked.includes(writing.ordinary)) damaged.push(`${writing.text} → ${masked}`);
      // The staff-facing masker (with its backstop) agrees.
      if (survivingNumber(maskPersonalText(writing.text), writing.number.digits)) {
        survivors.push(writing.text);
      }
    }
    expect(survivors.slice(0, 10)).toEqual([]);
    expect(damaged.slice(0, 10)).toEqual([]);
  });

  it('keeps the rest of the message as written', () => {
    expect(maskPersonalData('电话一三九 一二三四 〇〇〇三，两天内联系我')).toBe(
      '电话139****0003，两天内联系我',
    );
    expect(maskPersonalData('身份证440103\u200b1995.0620.2222号')).toBe('身份证440103********2222号');
    expect(maskPersonalData('卡号6222-0212-3456-7891，2026年5月1日办的')).toBe(
      '卡号6222********7891，2026年5月1日办的',
    );
  });
});
