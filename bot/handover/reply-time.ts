/**
 * The reply time a citizen handed over to a person is promised: within HANDOVER_REPLY_MINUTES while
 * staff are on duty (the hall's staff hours on working days of the holiday calendar), otherwise that
 * long after duty next begins — said as the citizen would want to hear it.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { addCalendarDays, toLocalClock, toLocalDate, type LocalDate } from '../calendar/local-date.ts';
import type { StaffHours } from '../../knowledge/hall/schema.ts';

export const DEFAULT_STAFF_HOURS: StaffHours = [
  { from: '09:00', to: '12:00' },
  { from: '13:30', to: '17:00' },
];

export interface ExpectedReply {
  replyBy: Date;
  /** Whether staff are on duty now. */
  onDuty: boolean;
  /** The sentence the citizen reads, e.g. "预计 15 分钟内回复". */
  text: string;
}

/** The instant at wall-clock `time` on `date` in `timeZone` (offset read from the zone itself). */
export function zonedInstant(date: LocalDate, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at about that moment: format the UTC guess in the zone and compare.
  const guess = new Date(asUtc);
  const [gh, gm] = toLocalClock(guess, timeZone).split(':').map(Number);
  const guessDate = toLocalDate(guess, timeZone);
  const dayShift = guessDate === date ? 0 : guessDate > date ? 1 : -1;
  const offsetMinutes = dayShift * 1440 + gh * 60 + gm - (hour * 60 + minute);
  return new Date(asUtc - offsetMinutes * 60_000);
}

const monthDay = (date: LocalDate) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export function expectedReply(options: {
  now: Date;
  calendar: WorkingCalendar;
  timeZone: string;
  replyMinutes: number;
  staffHours?: StaffHours;
}): ExpectedReply {
  const { now, calendar, timeZone, replyMinutes } = options;
  const hours = options.staffHours ?? DEFAULT_STAFF_HOURS;
  const today = toLocalDate(now, timeZone);
  const clock = toLocalClock(now, timeZone);
  if (calendar.isWorkingDay(today) && hours.some((period) => period.from <= clock && clock < period.to)) {
    return {
      replyBy: new Date(now.getTime() + replyMinutes * 60_000),
      onDuty: true,
      text: `工作人员正在值守，预计 ${replyMinutes} 分钟内回复您。`,
    };
  }
  // The next start of duty: later today, or the first period of the next working day.
  let date = today;
  let start = calendar.isWorkingDay(today) ? hours.find((period) => period.from > clock)?.from : undefined;
  for (let step = 0; start === undefined && step < 60; step += 1) {
    date = addCalendarDays(date, 1);
    if (calendar.isWorkingDay(date)) start = hours[0].from;
  }
  const from = start ?? hours[0].from;
  const when =
    date === today
      ? `今天 ${from}`
      : date === addCalendarDays(today, 1)
        ? `明天（${monthDay(date)}）${from}`
        : `${monthDay(date)} ${from}`;
  return {
    replyBy: new Date(zonedInstant(date, from, timeZone).getTime() + replyMinutes * 60_000),
    onDuty: false,
    text: `现在是非工作时间，工作人员将在${when}上班后尽快回复您。`,
  };
}
