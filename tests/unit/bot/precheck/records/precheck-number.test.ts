import { describe, expect, it } from 'vitest';
import {
  PRECHECK_NO_PATTERN,
  newPrecheckNo,
  normalisePrecheckNo,
} from '../../../../../bot/precheck/records/precheck-number.ts';

describe('pre-check numbers', () => {
  it('are YS, the hall date and five characters without look-alikes', () => {
    const number = newPrecheckNo('2026-12-02');
    expect(number).toMatch(/^YS261202-[2-9A-HJ-NP-Z]{5}$/);
    expect(number).toMatch(PRECHECK_NO_PATTERN);
    for (let index = 0; index < 200; index += 1) {
      expect(newPrecheckNo('2026-12-02').split('-')[1]).not.toMatch(/[01OIL]/);
    }
  });

  it('differ from draw to draw', () => {
    const numbers = new Set(Array.from({ length: 1000 }, () => newPrecheckNo('2026-12-02')));
    expect(numbers.size).toBeGreaterThan(990);
  });

  it('are read as a clerk types them', () => {
    expect(normalisePrecheckNo('ys261202k7m3q')).toBe('YS261202-K7M3Q');
    expect(normalisePrecheckNo(' YS 261202 K7M3Q ')).toBe('YS261202-K7M3Q');
    expect(normalisePrecheckNo('YS261202-K7M3Q')).toBe('YS261202-K7M3Q');
    expect(normalisePrecheckNo('YS261202-K7M30')).toBeUndefined();
    expect(normalisePrecheckNo('YS2612-K7M3Q')).toBeUndefined();
    expect(normalisePrecheckNo('20261202K7M3Q')).toBeUndefined();
  });
});
