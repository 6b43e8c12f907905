import { describe, expect, it } from 'vitest';
import { phoneReason } from '../../../../../bot/precheck/validators/phone.ts';

describe('联系电话', () => {
  it('accepts mainland mobiles however they are written, and landlines with an area code', () => {
    for (const phone of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
      '+8613812345678',
      '008613812345678',
      '8613812345678',
      '１３８１２３４５６７８',
      '19912345678',
      '0531-88889999',
      '(0531) 8888999',
      '010-12345678',
    ]) {
      expect(phoneReason(phone), phone).toBeUndefined();
    }
  });

  it('says what is wrong with the others', () => {
    expect(phoneReason('1381234567')).toBe('应填写11位手机号码，您填写的是10位，请核对。');
    expect(phoneReason('138123456789')).toBe('应填写11位手机号码，您填写的是12位，请核对。');
    expect(phoneReason('12812345678')).toBe('手机号码第二位应为3至9，“12”开头的不是手机号码，请核对。');
    expect(phoneReason('+86 12812345678')).toContain('第二位应为3至9');
    expect(phoneReason('138l2345678')).toBe('联系电话只能填写数字，您填写的号码里有“l”，请核对。');
    expect(phoneReason('12345')).toContain('11位手机号码');
    expect(phoneReason('88889999')).toBe('请填写11位手机号码，或带区号的固定电话（如0531-12345678）。');
    expect(phoneReason('0531-888')).toBe('固定电话应为区号加7至8位号码（如0531-12345678），请核对。');
  });
});
