/**
 * Working-day deadlines of cases: 5 working days to answer by default, 10 for special cases
 * (several departments, site visits), 15 for rectification after a poor rating. A case is overdue
 * when it is still open on a day after its deadline.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { CaseCategory, CaseStatus } from './case-types.ts';
import { isOpenStatus } from './case-status.ts';

export interface DeadlinePolicy {
  replyDays: number;
  specialDays: number;
  rectifyDays: number;
}

export function workingDaysFor(category: CaseCategory, special: boolean, policy: DeadlinePolicy): number {
  if (category === '整改') return policy.rectifyDays;
  return special ? policy.specialDays : policy.replyDays;
}

export function computeDeadline(
  calendar: WorkingCalendar,
  acceptedDate: string,
  category: CaseCategory,
  special: boolean,
  policy: DeadlinePolicy,
): string {
  return calendar.addWorkingDays(acceptedDate, workingDaysFor(category, special, policy));
}

export interface DeadlineStatus {
  overdue: boolean;
  /**
   * Working days left until the deadline (0 on the deadline day; negative days are not counted);
   * absent once the case is concluded, when no deadline runs any more.
   */
  workingDaysLeft?: number;
}

/** Only open cases (受理/分办/办理中) have a running deadline: a concluded case is never due or late. */
export function deadlineStatus(
  calendar: WorkingCalendar,
  deadline: string,
  status: CaseStatus,
  today: string,
): DeadlineStatus {
  if (!isOpenStatus(status)) return { overdue: false };
  return { overdue: today > deadline, workingDaysLeft: calendar.workingDaysBetween(today, deadline) };
}
