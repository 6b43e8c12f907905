/** A time limit the catalog does not set (null) is said as 无法定时限, never as a number, in every answer. */
import { describe, expect, it } from 'vitest';
import { composeItemAnswer } from '../../../../bot/compose/compose-item.ts';
import { timeSummary } from '../../../../bot/compose/item-aspect-text.ts';
import { itemSchema, type ServiceItem } from '../../../../knowledge/catalog/schema.ts';
import { companyItem, hall } from './fixtures.ts';

const variant = (changes: Record<string, unknown>): ServiceItem =>
  itemSchema.parse({ ...companyItem, ...changes });

describe('null time limits', () => {
  it('says 无法定时限 in the summary for each combination, and numbers only where the record has them', () => {
    const promised = { kind: '承诺件', promisedDays: 5 };
    expect(timeSummary(variant({ ...promised, legalDays: null }))).toBe('承诺5个工作日内办结（无法定时限）');
    expect(timeSummary(variant({ kind: '承诺件', legalDays: 20, promisedDays: null }))).toBe(
      '法定时限20个工作日（事项清单未设承诺时限）',
    );
    expect(timeSummary(variant({ kind: '承诺件', legalDays: null, promisedDays: null }))).toBe(
      '无法定时限，事项清单也未设承诺时限',
    );
  });

  it('answers the time question without a made-up number', () => {
    const both = composeItemAnswer({
      item: variant({ kind: '承诺件', legalDays: null, promisedDays: null }),
      aspect: 'time',
      hall,
    });
    expect(both.answer).toContain('法定时限：无法定时限。');
    expect(both.answer).toContain('承诺时限：事项清单未设承诺时限。');
    expect(both.answer).toContain('具体办理时间请向办理窗口咨询。');
    expect(both.answer).not.toMatch(/\d+个工作日/);
    expect(both.card).toMatchObject({ legalDays: null, promisedDays: null });
    const sameDay = composeItemAnswer({
      item: variant({ kind: '即办件', legalDays: null, promisedDays: 0 }),
      aspect: 'time',
      hall,
    });
    expect(sameDay.answer).toContain('本事项无法定时限。');
    for (const aspect of ['overview', 'process', 'fee', 'where'] as const) {
      expect(() =>
        composeItemAnswer({ item: variant({ legalDays: null, promisedDays: null }), aspect, hall }),
      ).not.toThrow();
    }
  });
});
