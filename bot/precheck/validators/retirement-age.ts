/**
 * The statutory retirement age (法定退休年龄) by birth month, for conditions such as "未达到法定退休
 * 年龄": under the gradual raise in force since 1 January 2025, the original age grows by one month
 * every few months of birth, up to a cap.
 *
 * Provenance: 《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》 (2024-09-13) and its
 * annexed tables — men 60 → 63 (one month per four months of birth from January 1965, at most 36
 * months); women originally retiring at 55 → 58 (one month per four months from January 1970, at most
 * 36); women originally retiring at 50 → 55 (one month per two months from January 1975, at most 60).
 * Which of the two ages applies to a woman depends on her post, which an ID number does not tell; a
 * check that must never wrongly refuse uses the later one.
 */
import type { CalendarDate } from './calendar-date.ts';
import type { Sex } from './id-number-check.ts';

interface Schedule {
  /** Retirement age before the raise, in years. */
  baseYears: number;
  /** The first birth month (year, month) whose retirement is raised. */
  from: { year: number; month: number };
  /** Months of birth per month of raise. */
  every: number;
  /** The largest raise, in months. */
  cap: number;
}

const MEN: Schedule = { baseYears: 60, from: { year: 1965, month: 1 }, every: 4, cap: 36 };
const WOMEN_55: Schedule = { baseYears: 55, from: { year: 1970, month: 1 }, every: 4, cap: 36 };

function raiseMonths(birth: CalendarDate, schedule: Schedule): number {
  const since = (birth.year - schedule.from.year) * 12 + (birth.month - schedule.from.month);
  if (since < 0) return 0;
  return Math.min(schedule.cap, Math.floor(since / schedule.every) + 1);
}

/** The retirement age, in months of age, under the schedule that applies (the later one for women). */
export function retirementAgeMonths(birth: CalendarDate, sex: Sex): number {
  const schedule = sex === '男' ? MEN : WOMEN_55;
  return schedule.baseYears * 12 + raiseMonths(birth, schedule);
}

/** Completed months of age on `today` (a month completes on the day of the birth date). */
export function completedMonths(birth: CalendarDate, today: CalendarDate): number {
  const months = (today.year - birth.year) * 12 + (today.month - birth.month);
  return today.day < birth.day ? months - 1 : months;
}

/** "60周岁" or "61周岁3个月": an age in months the way it is said. */
export function sayAgeInMonths(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0 ? `${years}周岁` : `${years}周岁${rest}个月`;
}
