/**
 * Working days as Chinese public bodies count them: Monday to Friday, minus the public holidays the
 * State Council announces each year, plus the weekend make-up working days (调休上班). Case deadlines
 * ("5 个工作日内答复") are computed here. The holiday file is data, so a hall updates it each
 * December without a code change.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { addCalendarDays, dayOfWeek, isLocalDate, type LocalDate } from './local-date.ts';
import { CalendarFileError } from './calendar-file-error.ts';

const localDate = z.string().refine(isLocalDate, { message: 'expected a date YYYY-MM-DD' });

const holidayFileSchema = z.object({
  description: z.string().optional(),
  sources: z.array(z.string()).optional(),
  festivals: z.array(
    z.object({ name: z.string(), from: localDate, to: localDate, workdays: z.array(localDate).default([]) }),
  ),
});

export type HolidayFile = z.infer<typeof holidayFileSchema>;

export const DEFAULT_HOLIDAYS_FILE = fileURLToPath(new URL('./data/cn-holidays.json', import.meta.url));

export interface WorkingCalendar {
  isWorkingDay(date: LocalDate): boolean;
  /** Name of the holiday on `date`, if it is one. */
  holidayName(date: LocalDate): string | undefined;
  /** The `count`-th working day after `start` (the start day itself is not counted). */
  addWorkingDays(start: LocalDate, count: number): LocalDate;
  /** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  /** Years the holiday data covers; outside them only weekends count as days off. */
  readonly coveredYears: number[];
}

export function createWorkingCalendar(data: HolidayFile): WorkingCalendar {
  const holidays = new Map<LocalDate, string>();
  const workdays = new Set<LocalDate>();
  const years = new Set<number>();
  for (const festival of data.festivals) {
    if (festival.to < festival.from) {
      throw new CalendarFileError(
        `Holiday "${festival.name}" ends (${festival.to}) before it starts (${festival.from}).`,
      );
    }
    for (let date = festival.from; date <= festival.to; date = addCalendarDays(date, 1)) {
      holidays.set(date, festival.name);
      years.add(Number(date.slice(0, 4)));
    }
    for (const date of festival.workdays) workdays.add(date);
  }
  const isWorkingDay = (date: LocalDate) => {
    if (workdays.has(date)) return true;
    if (holidays.has(date)) return false;
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6;
  };
  return {
    isWorkingDay,
    holidayName: (date) => holidays.get(date),
    addWorkingDays(start, count) {
      let date = start;
      let remaining = count;
      while (remaining > 0) {
        date = addCalendarDays(date, 1);
        if (isWorkingDay(date)) remaining -= 1;
      }
      return date;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
        if (isWorkingDay(date)) count += 1;
      }
      return count;
    },
    coveredYears: [...years].sort(),
  };
}

/** Reads and validates a holiday file (the shipped one by default). */
export function loadWorkingCalendar(file: string = DEFAULT_HOLIDAYS_FILE): WorkingCalendar {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CalendarFileError(`Cannot read holiday file ${file}: ${(error as Error).message}`);
  }
  const parsed = holidayFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new CalendarFileError(`Holiday file ${file} is invalid: ${issues}`);
  }
  return createWorkingCalendar(parsed.data);
}
