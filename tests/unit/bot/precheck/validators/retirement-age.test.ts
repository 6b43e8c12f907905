import { describe, expect, it } from 'vitest';
import { ageRuleReason, parseAgeRules } from '../../../../../bot/precheck/validators/age-rules.ts';
import {
  completedMonths,
  retirementAgeMonths,
  sayAgeInMonths,
} from '../../../../../bot/precheck/validators/retirement-age.ts';

const date = (year: number, month: number, day: number) => ({ year, month, day });

describe('the statutory retirement age by birth month', () => {
  it('follows the annexed tables of the 2024 decision for men', () => {
    expect(retirementAgeMonths(date(1964, 12, 31), '男')).toBe(60 * 12);
    expect(retirementAgeMonths(date(1965, 1, 1), '男')).toBe(60 * 12 + 1);
    expect(retirementAgeMonths(date(1965, 4, 30), '男')).toBe(60 * 12 + 1);
    expect(retirementAgeMonths(date(1965, 5, 1), '男')).toBe(60 * 12 + 2);
    expect(retirementAgeMonths(date(1970, 1, 1), '男')).toBe(60 * 12 + 16);
    expect(retirementAgeMonths(date(1976, 9, 1), '男')).toBe(63 * 12);
    expect(retirementAgeMonths(date(1990, 1, 1), '男')).toBe(63 * 12);
  });

  it('uses the later of the two ages for women, whose post the ID number does not tell', () => {
    expect(retirementAgeMonths(date(1969, 12, 1), '女')).toBe(55 * 12);
    expect(retirementAgeMonths(date(1970, 1, 1), '女')).toBe(55 * 12 + 1);
    expect(retirementAgeMonths(date(1981, 9, 1), '女')).toBe(58 * 12);
  });

  it('counts completed months and says an age in years and months', () => {
    expect(completedMonths(date(1965, 3, 15), date(2025, 4, 14))).toBe(60 * 12);
    expect(completedMonths(date(1965, 3, 15), date(2025, 4, 15))).toBe(60 * 12 + 1);
    expect(sayAgeInMonths(61 * 12 + 3)).toBe('61周岁3个月');
    expect(sayAgeInMonths(63 * 12)).toBe('63周岁');
  });
});

describe('未达到法定退休年龄 as an item rule', () => {
  const rules = parseAgeRules(['申请人年满18周岁，尚未达到法定退休年龄']);

  it('reads the rule, and not when it speaks of another person or opens a case', () => {
    expect(rules).toEqual([{ min: 18 }, { belowRetirement: true }]);
    expect(parseAgeRules(['配偶未达到法定退休年龄的，需提供其就业情况'])).toEqual([]);
  });

  it('refuses a man past his raised retirement age and accepts one just before it', () => {
    const birth = date(1965, 2, 10); // retires at 60 years and 1 month
    const before = ageRuleReason(rules, 60, '男', { birth, today: date(2025, 3, 9) });
    expect(before).toBeUndefined();
    const after = ageRuleReason(rules, 60, '男', { birth, today: date(2025, 3, 10) });
    expect(after).toContain('法定退休年龄为60周岁1个月');
  });

  it('never refuses a woman between the two possible ages', () => {
    const birth = date(1972, 6, 1); // 55 + 8 months on the later schedule
    expect(ageRuleReason(rules, 55, '女', { birth, today: date(2028, 1, 1) })).toBeUndefined();
    expect(ageRuleReason(rules, 56, '女', { birth, today: date(2028, 3, 1) })).toContain('55周岁8个月');
  });
});
