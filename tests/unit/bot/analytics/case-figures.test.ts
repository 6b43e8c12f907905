/**
 * 首问负责 / 限时办结 figures over the 2026 National Day holiday (国庆节 1–7 Oct, make-up working
 * day Sat 10 Oct) with fixed clocks: first response and resolution times per case, working days to
 * conclusion by the hall calendar, the deadline met or missed, and the weekly medians and shares,
 * also as CSV.
 */
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../../bot/store/sqlite-store.ts';
import { loadWorkingCalendar } from '../../../../bot/calendar/working-calendar.ts';
import { createCaseService } from '../../../../bot/cases/case-service.ts';
import { createAnalyticsService } from '../../../../bot/analytics/analytics-service.ts';
import { median, weekStartOf } from '../../../../bot/analytics/case-times.ts';

const TIME_ZONE = 'Asia/Shanghai';
/** A Beijing wall-clock time as an instant. */
const beijing = (local: string) => new Date(`${local}+08:00`);

function setup() {
  const now = { value: beijing('2026-09-29T10:00:00') };
  const store = openSqliteStore({ dataDir: ':memory:' });
  const calendar = loadWorkingCalendar();
  const clock = () => now.value;
  const cases = createCaseService({
    store,
    calendar,
    policy: { replyDays: 5, specialDays: 10, rectifyDays: 15 },
    timeZone: TIME_ZONE,
    clock,
  });
  const analytics = createAnalyticsService({ store, timeZone: TIME_ZONE, calendar, clock });
  const at = (local: string) => (now.value = beijing(local));
  const open = (conversationId: string) =>
    cases.open({ conversationId, category: '办不成事反映', consent: false, actor: 'citizen' }).number;
  return { store, cases, analytics, at, open };
}

describe('case figures', () => {
  it('counts times, working days and deadlines per case and per week across the holiday', () => {
    const { cases, analytics, at, open } = setup();

    at('2026-09-29T10:00:00');
    const a = open('conversation-a');
    at('2026-09-29T10:30:00');
    cases.reply(a, 'wang', '已收到，正在核实。');
    at('2026-10-09T10:00:00');
    cases.resolve(a, 'wang', '已办结');

    at('2026-09-29T11:00:00');
    const b = open('conversation-b');
    at('2026-09-29T13:00:00');
    cases.reply(b, 'li', '已收到。');
    at('2026-10-13T11:00:00');
    cases.resolve(b, 'li', '已办结');

    at('2026-09-30T09:00:00');
    const c = open('conversation-c');

    at('2026-10-14T09:00:00');
    const d = open('conversation-d');

    at('2026-10-20T16:00:00');
    const report = analytics.report(analytics.rangeOf('2026-09-28', '2026-10-20'));
    const byNumber = new Map(report.caseTimes.map((entry) => [entry.caseNumber, entry]));

    // 5 working days after 29 Sep skip 1–7 Oct and count Sat 10 Oct: 30 Sep, 8, 9, 10, 12 Oct.
    expect(byNumber.get(a)).toMatchObject({
      deadline: '2026-10-12',
      firstResponseMinutes: 30,
      resolutionHours: 240,
      workingDaysToClose: 3,
      metDeadline: true,
    });
    expect(byNumber.get(b)).toMatchObject({
      deadline: '2026-10-12',
      firstResponseMinutes: 120,
      resolutionHours: 336,
      workingDaysToClose: 6,
      metDeadline: false,
    });
    // Open and past its deadline (13 Oct): missed. Open and not yet due: not decided.
    expect(byNumber.get(c)).toMatchObject({ deadline: '2026-10-13', metDeadline: false });
    expect(byNumber.get(c)?.firstResponseMinutes).toBeUndefined();
    expect(byNumber.get(d)).toMatchObject({ deadline: '2026-10-21' });
    expect(byNumber.get(d)?.metDeadline).toBeUndefined();

    expect(report.weeklyCases).toEqual([
      {
        weekStart: '2026-09-28',
        casesOpened: 3,
        responded: 2,
        resolved: 2,
        medianFirstResponseMinutes: 75,
        medianResolutionHours: 288,
        withinDeadlineShare: 0.3333,
        within5WorkingDaysShare: 0.3333,
        within10WorkingDaysShare: 0.6667,
      },
      {
        weekStart: '2026-10-12',
        casesOpened: 1,
        responded: 0,
        resolved: 0,
        medianFirstResponseMinutes: undefined,
        medianResolutionHours: undefined,
        withinDeadlineShare: 0,
        within5WorkingDaysShare: 0,
        within10WorkingDaysShare: 0,
      },
    ]);

    const weekly = analytics.csv('weekly', report.range).split('\r\n');
    expect(weekly[0]).toContain('5个工作日内办结占比');
    expect(weekly[1]).toBe('2026-09-28,3,2,2,75,288,33.3%,33.3%,66.7%');
    const perCase = analytics.csv('cases', report.range);
    expect(perCase).toContain(`${a},办不成事反映,办结,2026-09-29,2026-10-12,30,240,3,是`);
    expect(perCase).toContain(`${d},办不成事反映,受理,2026-10-14,2026-10-21,,,,办理中`);
  });

  it('keeps to the date range', () => {
    const { analytics, at, open } = setup();
    at('2026-09-29T10:00:00');
    open('conversation-a');
    at('2026-10-14T10:00:00');
    open('conversation-b');
    const october = analytics.report(analytics.rangeOf('2026-10-01', '2026-10-31'));
    expect(october.caseTimes).toHaveLength(1);
    expect(october.weeklyCases.map((week) => week.weekStart)).toEqual(['2026-10-12']);
  });

  it('takes Monday as the start of the week and the middle of sorted values as the median', () => {
    expect(weekStartOf('2026-10-04')).toBe('2026-09-28'); // a Sunday
    expect(weekStartOf('2026-10-05')).toBe('2026-10-05'); // a Monday
    expect(median([])).toBeUndefined();
    expect(median([9, 1, 5])).toBe(5);
  });
});
