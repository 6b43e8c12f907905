import { describe, expect, it } from 'vitest';
import { maskFields, maskIdNumber, maskOther } from '../../../../../bot/precheck/uploads/mask-reading.ts';

describe('masked readings', () => {
  it('keeps the first four and last four of an identity number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('12345678')).toBe('********');
  });

  it('keeps only the last four of other numbers', () => {
    expect(maskOther('91350100M000100Y43')).toBe('**************0Y43');
    expect(maskOther('123')).toBe('***');
  });

  it('masks every number of a reading and leaves the expiry date as read', () => {
    expect(
      maskFields({ idNumber: '11010519491231002X', creditCode: '91350100M000100Y43', idExpiry: '长期' }),
    ).toEqual({ idNumber: '1101**********002X', creditCode: '**************0Y43', idExpiry: '长期' });
    expect(maskFields({})).toEqual({});
  });
});
