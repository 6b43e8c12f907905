import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../../bot/store/sqlite-store.ts';
import { loadWorkingCalendar } from '../../../../bot/calendar/working-calendar.ts';
import { createCaseService } from '../../../../bot/cases/case-service.ts';
import { nextStatus } from '../../../../bot/cases/case-status.ts';
import { formatCaseNumber, normalizeCaseNumber } from '../../../../bot/cases/case-number.ts';

const policy = { replyDays: 5, specialDays: 10, rectifyDays: 15 };

function setup(now: { value: Date }) {
  const store = openSqliteStore({ dataDir: ':memory:' });
  const cases = createCaseService({
    store,
    calendar: loadWorkingCalendar(),
    policy,
    timeZone: 'Asia/Shanghai',
    clock: () => now.value,
  });
  return { store, cases };
}

describe('case numbers and status machine', () => {
  it('formats readable numbers and normalises what citizens type', () => {
    expect(formatCaseNumber('办不成事反映', '2026-11-27', 1, 'K7QM')).toBe('BCS20261127-0001-K7QM');
    expect(formatCaseNumber('投诉', '2026-11-27', 2)).toMatch(/^TS20261127-0002-[A-Z][A-Z2-9]{3}$/);
    expect(normalizeCaseNumber(' bcs20261127－0001 ')).toBe('BCS20261127-0001');
  });

  it('allows only the hall workflow order', () => {
    expect(nextStatus('受理', 'transfer')).toBe('分办');
    expect(nextStatus('分办', 'claim')).toBe('办理中');
    expect(nextStatus('办理中', 'resolve')).toBe('办结');
    expect(nextStatus('办结', 'follow-up')).toBe('回访');
    expect(nextStatus('回访', 'archive')).toBe('归档');
    expect(() => nextStatus('受理', 'archive')).toThrow(
      expect.objectContaining({ code: 'CASE_INVALID_TRANSITION' }),
    );
    expect(() => nextStatus('归档', 'reply')).toThrow(
      expect.objectContaining({ code: 'CASE_INVALID_TRANSITION' }),
    );
  });
});

describe('case service', () => {
  it('numbers cases per day, computes working-day deadlines and flags overdue cases', () => {
    const now = { value: new Date('2026-09-29T02:00:00Z') }; // Tue 29 Sep 2026, Beijing morning
    const { cases } = setup(now);
    const first = cases.open({
      conversationId: 'conversation-a',
      category: '办不成事反映',
      consent: true,
      phone: '13800138000',
      actor: 'citizen',
    });
    const second = cases.open({
      conversationId: 'conversation-b',
      category: '办不成事反映',
      consent: false,
      phone: '13900139000',
      actor: 'citizen',
    });
    expect(first.number).toMatch(/^BCS20260929-0001-[A-Z][A-Z2-9]{3}$/);
    expect(second.number).toMatch(/^BCS20260929-0002-[A-Z][A-Z2-9]{3}$/);
    expect(second.phone).toBeUndefined(); // no consent, not stored
    // 1–7 Oct are off and Sat 10 Oct is a make-up day: 30 Sep, 8, 9, 10 and 12 Oct.
    expect(first.deadline).toBe('2026-10-12');

    // Special cases get 10 working days from acceptance.
    const special = cases.transfer(first.number, 'li', '市场监管', '跨部门', true);
    expect(special.deadline).toBe(loadWorkingCalendar().addWorkingDays('2026-09-29', 10));

    now.value = new Date('2026-10-13T02:00:00Z');
    const overdue = cases.list({ overdue: true });
    expect(overdue.map((record) => record.number)).toEqual([second.number]);
    expect(overdue[0].overdue).toBe(true);
  });

  it('lets the citizen look a case up only with the right phone digits', () => {
    const { cases } = setup({ value: new Date('2026-03-02T02:00:00Z') });
    const record = cases.open({
      conversationId: 'conversation-c',
      category: '投诉',
      consent: true,
      phone: '13700001234',
      actor: 'citizen',
    });
    cases.reply(record.number, 'zhang', '已联系窗口核实。');
    expect(cases.lookup(record.number, { phoneLast4: '1234' }).replies).toEqual([
      expect.objectContaining({ text: '已联系窗口核实。' }),
    ]);
    expect(() => cases.lookup(record.number, { phoneLast4: '0000' })).toThrow(
      expect.objectContaining({ code: 'CASE_NOT_FOUND' }),
    );
    expect(() => cases.lookup('TS20260302-9999', { phoneLast4: '1234' })).toThrow(
      expect.objectContaining({ code: 'CASE_NOT_FOUND' }),
    );
    expect(cases.detail(record.number).case.phoneMasked).toBe('137****1234');
  });
});
