/**
 * Reproduction of issue 9, finding 6: the citizen's case lookup (件号 + the phone's last four digits)
 * could be brute-forced — 10 tries a minute per IP, no lockout per case, sequential numbers — and
 * rotating source addresses found the four digits in 732 tries. Here the per-IP budget is lifted
 * (as rotating addresses would), so only the per-number lockout and the random part of the number
 * stand in the way. Responses must not tell an existing number from a made-up one.
 */
import { describe, expect, it } from 'vitest';
import { startHarness, useHarness, type Harness } from '../../helpers/server-harness.ts';
import { requestJson } from '../../helpers/server-clients.ts';

const now = { value: new Date('2026-11-27T02:00:00Z') };
const options = {
  clock: () => now.value,
  settings: { limits: { loginPerMinute: 1_000_000, ipPerMinute: 1_000_000, sessionPerMinute: 1_000_000 } },
};
const harness = useHarness(options);

const lookup = (number: string, phoneLast4: string, server: Harness = harness) =>
  requestJson<{ error?: { code: string; message: string }; number?: string }>(
    `${server.url}/api/v1/cases/lookup?number=${encodeURIComponent(number)}&phoneLast4=${phoneLast4}`,
  );

async function openCase(sessionId: string, phone: string, server: Harness = harness): Promise<string> {
  const opened = await requestJson<{ number: string }>(`${server.url}/api/v1/cases`, {
    body: { sessionId, category: '办不成事反映', phone, consent: true, description: '窗口说材料不全' },
  });
  expect(opened.status).toBe(201);
  return opened.body.number;
}

const WRONG_GUESSES = ['0000', '0001', '0002', '0003', '0004', '0005', '0006', '0007'];

describe('case lookup brute force', () => {
  it('locks a number after 5 wrong tries, even for the right digits, and unlocks after 15 minutes', async () => {
    const number = await openCase('lookup-lock-session-1', '13812345678');
    expect((await lookup(number, '5678')).status).toBe(200);

    const answers = [];
    for (const guess of WRONG_GUESSES) answers.push(await lookup(number, guess));
    expect(answers.slice(0, 5).map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404]);
    expect(answers.slice(5).map((answer) => answer.body.error?.code)).toEqual([
      'CASE_LOOKUP_LOCKED',
      'CASE_LOOKUP_LOCKED',
      'CASE_LOOKUP_LOCKED',
    ]);
    const locked = await lookup(number, '5678');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
    expect(locked.body.error?.message).toContain('15 分钟后再试');

    now.value = new Date(now.value.getTime() + 15 * 60_000 + 1000);
    expect((await lookup(number, '5678')).status).toBe(200);
  });

  it('answers a made-up number exactly as an existing one with wrong digits', async () => {
    const number = await openCase('lookup-lock-session-2', '13900001111');
    const madeUp = number.replace(/-[A-Z0-9]{4}$/, '-QQQQ');
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const [real, fake] = [await lookup(number, '9999'), await lookup(madeUp, '9999')];
      expect({ status: fake.status, body: fake.body }).toEqual({ status: real.status, body: real.body });
    }
  });

  it('gives numbers a random part: the next or the bare sequential number does not find a case', async () => {
    const first = await openCase('lookup-lock-session-3', '13700002222');
    const second = await openCase('lookup-lock-session-4', '13700003333');
    expect(first).toMatch(/^BCS\d{8}-\d{4}-[A-Z][A-Z2-9]{3}$/);
    // Without its code (the old, counted form) the number is not a case, even with the right digits.
    const bare = second.replace(/-[A-Z][A-Z2-9]{3}$/, '');
    expect(bare).not.toBe(second);
    expect((await lookup(bare, '3333')).status).toBe(404);
    expect((await lookup(second, '3333')).status).toBe(200);
  });

  it('shares the lock between servers on one database and keeps it across a restart', async () => {
    // Two servers on the same data folder: nothing is shared between them but the database.
    const first = await startHarness(options);
    const second = await startHarness({ ...options, dataDir: first.dataDir });
    let restarted: Harness | undefined;
    try {
      const number = await openCase('lookup-lock-shared-1', '13512348888', first);
      const statuses = [];
      for (const guess of WRONG_GUESSES.slice(0, 3)) {
        statuses.push((await lookup(number, guess, first)).status);
      }
      for (const guess of WRONG_GUESSES.slice(3, 5)) {
        statuses.push((await lookup(number, guess, second)).status);
      }
      expect(statuses).toEqual([404, 404, 404, 404, 404]);
      expect((await lookup(number, '8888', first)).status).toBe(429);
      expect((await lookup(number, '8888', second)).status).toBe(429);

      // Both stop; the one started again on the same folder still refuses the number.
      await Promise.all([first.stop(), second.stop()]);
      now.value = new Date(now.value.getTime() + 10 * 60_000);
      restarted = await first.restart();
      const locked = await lookup(number, '8888', restarted);
      expect(locked.status).toBe(429);
      expect(locked.body.error?.code).toBe('CASE_LOOKUP_LOCKED');
      expect(locked.headers.get('retry-after')).toBe('300');

      now.value = new Date(now.value.getTime() + 5 * 60_000 + 1000);
      expect((await lookup(number, '8888', restarted)).status).toBe(200);
    } finally {
      await Promise.all([first.stop(), second.stop(), restarted?.stop()]);
    }
  });

  it('keeps numbers issued before the random part working', async () => {
    const store = harness.server.services.store;
    const at = now.value.toISOString();
    store.insertCase({
      number: 'BCS20251103-0007',
      conversationId: 'lookup-legacy-session',
      category: '办不成事反映',
      status: '受理',
      phone: '13600004444',
      createdAt: at,
      updatedAt: at,
      acceptedDate: '2025-11-03',
      deadline: '2025-11-10',
      special: false,
    });
    const found = await lookup('bcs20251103-0007', '4444');
    expect(found.status).toBe(200);
    expect(found.body.number).toBe('BCS20251103-0007');
  });
});
