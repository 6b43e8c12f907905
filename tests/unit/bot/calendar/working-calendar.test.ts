import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, loadWorkingCalendar } from '../../../../bot/calendar/working-calendar.ts';
import { toLocalDate } from '../../../../bot/calendar/local-date.ts';

const calendar = loadWorkingCalendar();

describe('working calendar (shipped 2025–2026 holidays)', () => {
  it('skips the Spring Festival holiday and counts its make-up Saturday', () => {
    expect(calendar.isWorkingDay('2025-01-29')).toBe(false); // 春节
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true); // Sunday, 调休上班
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true); // Saturday, 调休上班
    // Accepted Mon 27 Jan 2025 (the day itself not counted), 28 Jan–4 Feb off:
    // 5 Feb, 6 Feb, 7 Feb, 8 Feb (Saturday make-up day), 10 Feb.
    expect(calendar.addWorkingDays('2025-01-27', 5)).toBe('2025-02-10');
  });

  it('handles National Day 2025 and an ordinary week', () => {
    expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2025-03-03', 5)).toBe('2025-03-10');
    expect(calendar.holidayName('2026-02-17')).toBe('春节');
    expect(calendar.workingDaysBetween('2025-03-03', '2025-03-10')).toBe(5);
  });

  it('falls back to weekends outside the covered years and rejects a bad file', () => {
    const empty = createWorkingCalendar({ festivals: [] });
    expect(empty.addWorkingDays('2027-01-01', 1)).toBe('2027-01-04');
    expect(() =>
      createWorkingCalendar({
        festivals: [{ name: 'x', from: '2025-02-02', to: '2025-02-01', workdays: [] }],
      }),
    ).toThrow(/ends/);
  });

  it('dates instants on the hall calendar, not UTC', () => {
    expect(toLocalDate(new Date('2026-11-26T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-27');
  });
});
