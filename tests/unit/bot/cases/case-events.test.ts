import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../../bot/store/sqlite-store.ts';
import { loadWorkingCalendar } from '../../../../bot/calendar/working-calendar.ts';
import { createCaseService } from '../../../../bot/cases/case-service.ts';
import { createStaffEventBus, type StaffEvent } from '../../../../bot/live/staff-event-bus.ts';

describe('staff events from the case workflow', () => {
  it('tells the staff side of every committed change, and of nothing that failed', () => {
    const store = openSqliteStore({ dataDir: ':memory:' });
    const events = createStaffEventBus();
    const seen: StaffEvent[] = [];
    events.subscribe((event) => seen.push(event));
    const cases = createCaseService({
      store,
      calendar: loadWorkingCalendar(),
      policy: { replyDays: 5, specialDays: 10, rectifyDays: 15 },
      timeZone: 'Asia/Shanghai',
      clock: () => new Date('2026-09-29T02:00:00Z'),
      events,
    });
    const opened = cases.open({ conversationId: 'c-1', category: '投诉', consent: true, actor: 'citizen' });
    cases.transfer(opened.number, 'wang', '市场监管局');
    cases.claim(opened.number, 'li');
    const { message } = cases.reply(opened.number, 'li', '您好，已收到。');
    expect(() => cases.archive(opened.number, 'li')).toThrow();
    expect(seen).toEqual([
      { type: 'case_opened', caseNumber: opened.number },
      { type: 'case_changed', caseNumber: opened.number, action: 'transfer' },
      { type: 'case_changed', caseNumber: opened.number, action: 'claim' },
      { type: 'staff_message', caseNumber: opened.number, messageId: message.id, staff: 'li' },
    ]);
  });

  it('keeps telling the other listeners when one of them throws', () => {
    const errors: unknown[] = [];
    const bus = createStaffEventBus((error) => errors.push(error));
    const seen: string[] = [];
    bus.subscribe(() => {
      throw new Error('broken listener');
    });
    const unsubscribe = bus.subscribe((event) => seen.push(event.type));
    bus.publish({ type: 'citizen_typing', caseNumber: 'TS1' });
    unsubscribe();
    bus.publish({ type: 'citizen_typing', caseNumber: 'TS1' });
    expect(seen).toEqual(['citizen_typing']);
    expect(errors).toHaveLength(2);
  });
});
