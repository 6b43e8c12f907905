import { describe, expect, it } from 'vitest';
import { historyPage } from '../../../../bot/server/ws/history-page.ts';
import type { HistoryEntry } from '../../../../bot/server/services/conversation-service.ts';

const entries = (count: number, text = '办'): HistoryEntry[] =>
  Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    role: 'citizen' as const,
    text,
    at: '2026-11-02T01:00:00.000Z',
  }));
const reader = (all: HistoryEntry[]) => (limit: number) => all.slice(-limit);

describe('historyPage', () => {
  it('keeps the newest messages up to the page size and says whether older ones exist', () => {
    expect(historyPage(reader(entries(3)), { messages: 3, bytes: 10_000 })).toMatchObject({ more: false });
    const page = historyPage(reader(entries(5)), { messages: 3, bytes: 10_000 });
    expect(page.messages.map((entry) => entry.id)).toEqual([3, 4, 5]);
    expect(page.more).toBe(true);
  });

  it('caps a page in bytes, the newest kept', () => {
    const all = entries(10, '办'.repeat(100));
    const page = historyPage(reader(all), { messages: 10, bytes: 1024 });
    expect(Buffer.byteLength(JSON.stringify(page.messages))).toBeLessThanOrEqual(1024);
    expect(page.messages.at(-1)?.id).toBe(10);
    expect(page.more).toBe(true);
  });
});
