/**
 * 身份证有效期: the end date printed on the card (YYYY-MM-DD, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日, the
 * card's own "2016.05.01-2036.05.01" span, or 长期). The card is valid through its end date, so it
 * has expired only when that date is before today.
 */
import type { LocalDate } from '../../calendar/local-date.ts';
import { type CalendarDate, formatChineseDate, isRealDate, toIsoDate } from './calendar-date.ts';

const DATE = /(\d{4})\s*[-./年]?\s*(\d{1,2})\s*[-./月]?\s*(\d{1,2})\s*日?/g;

function endDate(value: string): CalendarDate | 'permanent' | undefined {
  const text = value.normalize('NFKC').trim();
  if (/长期|永久/.test(text)) return 'permanent';
  const dates = [...text.matchAll(DATE)];
  if (dates.length === 0 || dates.length > 2) return undefined;
  const last = dates[dates.length - 1];
  return { year: Number(last[1]), month: Number(last[2]), day: Number(last[3]) };
}

/** Why the card cannot be used, in words for the citizen, or undefined when it is still valid. */
export function idExpiryReason(value: string, today: LocalDate): string | undefined {
  const end = endDate(value);
  if (end === 'permanent') return undefined;
  if (end === undefined || !isRealDate(end)) {
    return `身份证有效期“${value.trim()}”不是有效日期，请按证件背面填写截止日期（如2030-05-01）或“长期”。`;
  }
  if (toIsoDate(end) < today) {
    return `身份证已过期（有效期至${formatChineseDate(end)}），请先换领新证再来办理。`;
  }
  return undefined;
}
