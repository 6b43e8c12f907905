/**
 * Pre-check records on a real (in-memory) SQLite store: a number drawn twice is drawn again, the key
 * opens only its own record, personal numbers are masked before they are stored, and expired
 * records are neither opened nor kept after the sweep.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../../../bot/store/sqlite-store.ts';
import type { Store } from '../../../../../bot/store/store.ts';
import { createPrecheckRecords } from '../../../../../bot/precheck/records/precheck-records.ts';
import { maskFields } from '../../../../../bot/precheck/records/mask-precheck.ts';
import type { PrecheckResult } from '../../../../../bot/precheck/precheck-types.ts';

const ID_NUMBER = '11010519491231002X';

const result: PrecheckResult & { where: NonNullable<PrecheckResult['where']> } = {
  item: { id: 'SHMS-001', name: '社会保障卡申领' },
  missing: [{ name: '居民身份证' }],
  invalid: [],
  deferrable: [],
  exempt: [],
  matched: [{ said: `身份证${ID_NUMBER}`, material: '居民身份证' }],
  unrecognised: [`户口本 13812345678`],
  notice: `请核对 ${ID_NUMBER}`,
  where: { zone: '二楼社会民生专区', window: 'C01号窗口', ticketCategory: '社会民生', hours: '9:00-17:00' },
};

let store: Store | undefined;
afterEach(() => store?.close());

function setUp(options: { newNumber?: (date: string) => string } = {}) {
  store = openSqliteStore({ dataDir: ':memory:' });
  let now = new Date('2026-12-02T02:00:00Z');
  const records = createPrecheckRecords({
    records: store.prechecks,
    retentionDays: 30,
    timeZone: 'Asia/Shanghai',
    clock: () => now,
    ...options,
  });
  return { records, store, advance: (days: number) => (now = new Date(now.getTime() + days * 86_400_000)) };
}

describe('pre-check records', () => {
  it('draws another number when one is taken', () => {
    const draws = ['YS261202-AAAAA', 'YS261202-AAAAA', 'YS261202-BBBBB'];
    const { records } = setUp({ newNumber: () => draws.shift() ?? 'YS261202-CCCCC' });
    expect(records.save(result, { hallName: '大厅' }).notice.precheckNo).toBe('YS261202-AAAAA');
    expect(records.save(result, { hallName: '大厅' }).notice.precheckNo).toBe('YS261202-BBBBB');
  });

  it('opens a record with its own key only, and staff by the number', () => {
    const { records } = setUp();
    const first = records.save(result, { hallName: '大厅' });
    const second = records.save(result, { hallName: '大厅' });
    expect(records.openWithKey(first.notice.precheckNo, first.noticeKey)?.precheckNo).toBe(
      first.notice.precheckNo,
    );
    expect(records.openWithKey(first.notice.precheckNo, second.noticeKey)).toBeUndefined();
    expect(records.openWithKey(first.notice.precheckNo, '')).toBeUndefined();
    expect(records.open(second.notice.precheckNo)?.item).toEqual(result.item);
  });

  it('stores no key and no personal number in the clear', () => {
    const { records, store } = setUp();
    const { notice, noticeKey } = records.save(result, {
      hallName: '大厅',
      fields: { idNumber: ID_NUMBER, phone: '13812345678', creditCode: '91350100M000100Y43' },
    });
    const row = store.prechecks.get(notice.precheckNo);
    expect(row?.keyHash).not.toContain(noticeKey);
    expect(row?.resultJson).not.toContain(noticeKey);
    expect(row?.resultJson).not.toContain(ID_NUMBER);
    expect(row?.resultJson).not.toContain('13812345678');
    expect(notice.fields).toEqual({
      idNumber: '110105********002X',
      phone: '138****5678',
      creditCode: '9135**********0Y43',
    });
  });

  it('neither opens nor keeps an expired record', () => {
    const { records, store, advance } = setUp();
    const kept = records.save(result, { hallName: '大厅' });
    advance(29);
    const younger = records.save(result, { hallName: '大厅' });
    expect(records.sweep()).toBe(0);
    advance(1);
    expect(records.open(kept.notice.precheckNo)).toBeUndefined();
    expect(records.openWithKey(kept.notice.precheckNo, kept.noticeKey)).toBeUndefined();
    expect(records.sweep()).toBe(1);
    expect(store.prechecks.get(kept.notice.precheckNo)).toBeUndefined();
    expect(records.open(younger.notice.precheckNo)).toBeDefined();
  });
});

describe('masking typed numbers', () => {
  it('keeps the ends of each number and hides what is too short to keep ends of', () => {
    expect(maskFields({ idNumber: ' 110105 19491231 002X', phone: '138 1234 5678' })).toEqual({
      idNumber: '110105********002X',
      phone: '138****5678',
    });
    expect(maskFields({ idNumber: '12345', phone: '123' })).toEqual({ idNumber: '*****', phone: '****' });
    expect(maskFields(undefined)).toEqual({});
  });
});
