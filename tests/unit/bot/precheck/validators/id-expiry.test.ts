import { describe, expect, it } from 'vitest';
import { idExpiryReason } from '../../../../../bot/precheck/validators/id-expiry.ts';

const today = '2026-12-02';

describe('身份证有效期', () => {
  it('accepts 长期 and end dates from today on, however they are written', () => {
    for (const value of [
      '长期',
      '2016.05.01-长期',
      '2026-12-02',
      '2036.05.01',
      '20361231',
      '2030年5月1日',
      '2016.05.01-2036.05.01',
    ]) {
      expect(idExpiryReason(value, today), value).toBeUndefined();
    }
  });

  it('says the card has expired, with its end date, from the day after', () => {
    expect(idExpiryReason('2026-12-01', today)).toBe(
      '身份证已过期（有效期至2026年12月1日），请先换领新证再来办理。',
    );
    expect(idExpiryReason('2006.03.15-2026.03.15', today)).toContain('有效期至2026年3月15日');
    expect(idExpiryReason('2026-12-02', '2026-12-03')).toContain('已过期');
  });

  it('asks for a real date when the value is not one', () => {
    expect(idExpiryReason('2030-02-30', today)).toBe(
      '身份证有效期“2030-02-30”不是有效日期，请按证件背面填写截止日期（如2030-05-01）或“长期”。',
    );
    expect(idExpiryReason('明年', today)).toContain('不是有效日期');
  });
});
