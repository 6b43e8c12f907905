/**
 * 首问负责 and 限时办结 in figures. Per case: the first response time (first staff reply − opened),
 * the time to resolution (concluded − opened), the working days it took (hall calendar) and whether
 * it met its working-day deadline. Per week (Monday to Sunday, by the day the case was accepted):
 * cases opened, the medians of both times, and the shares of the week's cases concluded within
 * their deadline, within 5 and within 10 working days. A case still open is not "within" anything;
 * its deadline is only missed once the deadline day has passed.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { addCalendarDays, dayOfWeek, toLocalDate } from '../calendar/local-date.ts';
import type { CaseTimesRow } from '../store/analytics-queries.ts';

export interface CaseTimes {
  caseNumber: string;
  category: string;
  status: string;
  acceptedDate: string;
  deadline: string;
  firstResponseMinutes?: number;
  resolutionHours?: number;
  /** Working days from acceptance to conclusion (0 when concluded the same day). */
  workingDaysToClose?: number;
  /** true / false once known; undefined while open and not yet past the deadline. */
  metDeadline?: boolean;
}

export interface WeeklyCaseFigures {
  /** Monday of the week (hall calendar). */
  weekStart: string;
  casesOpened: number;
  responded: number;
  resolved: number;
  medianFirstResponseMinutes?: number;
  medianResolutionHours?: number;
  /** Shares of the week's opened cases (0–1). */
  withinDeadlineShare: number;
  within5WorkingDaysShare: number;
  within10WorkingDaysShare: number;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Monday of the week `date` falls in. */
export const weekStartOf = (date: string): string => addCalendarDays(date, -((dayOfWeek(date) + 6) % 7));

export function caseTimesOf(
  row: CaseTimesRow,
  context: { calendar: WorkingCalendar; timeZone: string; today: string },
): CaseTimes {
  const opened = Date.parse(row.createdAt);
  const closedDate = row.closedAt ? toLocalDate(new Date(row.closedAt), context.timeZone) : undefined;
  return {
    caseNumber: row.caseNumber,
    category: row.category,
    status: row.status,
    acceptedDate: row.acceptedDate,
    deadline: row.deadline,
    firstResponseMinutes: row.firstReplyAt
      ? round((Date.parse(row.firstReplyAt) - opened) / 60_000)
      : undefined,
    resolutionHours: row.closedAt ? round((Date.parse(row.closedAt) - opened) / 3_600_000) : undefined,
    workingDaysToClose: closedDate
      ? context.calendar.workingDaysBetween(row.acceptedDate, closedDate)
      : undefined,
    metDeadline: closedDate ? closedDate <= row.deadline : context.today > row.deadline ? false : undefined,
  };
}

export function weeklyCaseFigures(cases: CaseTimes[]): WeeklyCaseFigures[] {
  const weeks = new Map<string, CaseTimes[]>();
  for (const entry of cases) {
    const week = weekStartOf(entry.acceptedDate);
    weeks.set(week, [...(weeks.get(week) ?? []), entry]);
  }
  return [...weeks]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, entries]) => {
      const share = (test: (entry: CaseTimes) => boolean) =>
        round(entries.filter(test).length / entries.length, 4);
      const responses = entries.flatMap((entry) => entry.firstResponseMinutes ?? []);
      const resolutions = entries.flatMap((entry) => entry.resolutionHours ?? []);
      const closedWithin = (days: number) => (entry: CaseTimes) =>
        entry.workingDaysToClose !== undefined && entry.workingDaysToClose <= days;
      const firstMedian = median(responses);
      const resolutionMedian = median(resolutions);
      return {
        weekStart,
        casesOpened: entries.length,
        responded: responses.length,
        resolved: resolutions.length,
        medianFirstResponseMinutes: firstMedian === undefined ? undefined : round(firstMedian),
        medianResolutionHours: resolutionMedian === undefined ? undefined : round(resolutionMedian),
        withinDeadlineShare: share((entry) => entry.metDeadline === true),
        within5WorkingDaysShare: share(closedWithin(5)),
        within10WorkingDaysShare: share(closedWithin(10)),
      };
    });
}
