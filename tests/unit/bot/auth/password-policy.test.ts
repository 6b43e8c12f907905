import { describe, expect, it } from 'vitest';
import { brokenPasswordRule, MIN_PASSWORD_LENGTH } from '../../../../bot/auth/password-policy.ts';

describe('password policy', () => {
  it('names the rule each trivial password breaks', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(brokenPasswordRule('abc-12345')).toBe('length');
    expect(brokenPasswordRule('aaaaaaaaaa')).toBe('repeated');
    expect(brokenPasswordRule('abababababab')).toBe('repeated');
    for (const run of [
      '1234567890',
      '0987654321',
      'qwertyuiop',
      'qwerty1234',
      '1qaz2wsx3edc',
      'qazwsxedcrfv',
    ]) {
      expect(brokenPasswordRule(run), run).toBe('sequence');
    }
    expect(brokenPasswordRule('hello-li.ming-1', 'li.ming')).toBe('username');
    expect(brokenPasswordRule('HELLO-LI.MING-1', 'li.ming')).toBe('username');
    expect(brokenPasswordRule('password123')).toBe('common');
    expect(brokenPasswordRule('woaini1314520')).toBe('common');
    expect(brokenPasswordRule('!!iloveyou2024')).toBe('common');
  });

  it('accepts passwords that break none', () => {
    for (const password of [
      'window-staff-pass',
      'correct horse battery',
      'Zhang-2026-hall',
      '窗口服务认真负责2026',
    ]) {
      expect(brokenPasswordRule(password, 'wang.li'), password).toBeUndefined();
    }
  });
});
