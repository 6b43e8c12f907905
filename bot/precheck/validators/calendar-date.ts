/**
 * Calendar dates for the field checks: the hall's "today", real-date checks and completed years
 * (周岁). Dates are `YYYY-MM-DD` strings so they compare as text and carry no time zone.
 */
import { toLocalDate, type LocalDate } from '../../calendar/local-date.ts';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The hall's time zone when the caller names none (settings default TIME_ZONE to the same). */
export const DEFAULT_HALL_TIME_ZONE = 'Asia/Shanghai';

/** Today's date on the hall's wall calendar. */
export function hallToday(now = new Date(), timeZone = DEFAULT_HALL_TIME_ZONE): LocalDate {
  return toLocalDate(now, timeZone);
}

/** True when year, month and day name a day that exists (30 February does not). */
export function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const toIsoDate = ({ year, month, day }: CalendarDate): LocalDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function parseIsoDate(value: LocalDate): CalendarDate {
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

/** "2026年5月1日", the way dates are written to citizens. */
export const formatChineseDate = ({ year, month, day }: CalendarDate): string =>
  `${year}年${month}月${day}日`;

/**
 * Completed years (周岁) on `today`. The birthday itself completes the year; someone born on
 * 29 February completes it on 1 March in common years, since 28 February still comes before it.
 */
export function completedYears(birth: CalendarDate, today: CalendarDate): number {
  const beforeBirthday = today.month < birth.month || (today.month === birth.month && today.day < birth.day);
  return today.year - birth.year - (beforeBirthday ? 1 : 0);
}
