/**
 * The promised reply time: minutes while staff are on duty, otherwise the next start of duty on the
 * holiday calendar (lunch break, evening, weekend, a public holiday, a make-up working day).
 */
import { describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../../../bot/calendar/working-calendar.ts';
import { expectedReply, zonedInstant } from '../../../../bot/handover/reply-time.ts';

const calendar = loadWorkingCalendar();
const at = (iso: string) =>
  expectedReply({ now: new Date(iso), calendar, timeZone: 'Asia/Shanghai', replyMinutes: 15 });

describe('expected reply time', () => {
  it('promises the minutes while staff are on duty', () => {
    const reply = at('2026-12-02T02:00:00Z'); // Wednesday 10:00
    expect(reply.onDuty).toBe(true);
    expect(reply.text).toContain('15 分钟');
    expect(reply.replyBy.toISOString()).toBe('2026-12-02T02:15:00.000Z');
  });

  it('waits for the afternoon during the lunch break', () => {
    const reply = at('2026-12-02T04:30:00Z'); // 12:30
    expect(reply.onDuty).toBe(false);
    expect(reply.text).toContain('今天 13:30');
    expect(reply.replyBy.toISOString()).toBe('2026-12-02T05:45:00.000Z');
  });

  it('names the next working day in the evening and at the weekend', () => {
    expect(at('2026-12-02T11:00:00Z').text).toContain('明天（12月3日）09:00'); // Wednesday 19:00
    const weekend = at('2026-12-05T03:00:00Z'); // Saturday 11:00
    expect(weekend.text).toContain('12月7日 09:00');
    expect(weekend.replyBy.toISOString()).toBe('2026-12-07T01:15:00.000Z');
  });

  it('skips public holidays and counts make-up working days', () => {
    // 2026-10-01 is National Day; the holiday runs to 10-07 and 10-10 (Saturday) is a make-up day.
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(at('2026-10-02T02:00:00Z').text).toMatch(/10月8日 09:00/);
    expect(at('2026-10-10T02:00:00Z').onDuty).toBe(true);
  });

  it('converts a wall-clock time in a zone to the instant', () => {
    expect(zonedInstant('2026-12-03', '09:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-12-03T01:00:00.000Z',
    );
    expect(zonedInstant('2026-07-01', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
  });
});
