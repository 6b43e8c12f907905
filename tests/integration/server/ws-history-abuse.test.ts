/**
 * Issue 9, finding 1: `welcome_back` resent the whole history on every frame, to a client that did
 * not read. Now the history goes once per socket, in pages capped in messages and bytes; greetings
 * and pages spend a budget per session and per address (`ws-backpressure.test.ts`: a socket that
 * stops reading).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { ChatClient, type ChatEvent } from '../../helpers/server-clients.ts';

const PAGE_MESSAGES = 4;
const PAGE_BYTES = 6000;
const HISTORY_PER_MINUTE = 5;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    clock: () => new Date('2026-11-02T09:00:00+08:00'),
    settings: {
      limits: {
        historyPageMessages: PAGE_MESSAGES,
        historyPageBytes: PAGE_BYTES,
        historyPerMinute: HISTORY_PER_MINUTE,
        historyIpPerMinute: 1000,
        wsMaxConnectionsPerIp: 100,
        ipPerMinute: 10_000,
        sessionPerMinute: 1000,
      },
    },
  });
});
afterAll(async () => {
  await harness?.stop();
  removeTemporaryFolders();
});

type Page = { messages: Array<{ id: number; text: string }>; more: boolean };

/** A session with `turns` questions and answers (two messages each). */
async function conversation(user: string, turns: number): Promise<void> {
  const chat = await ChatClient.open(harness.url, user);
  chat.send({ type: 'hello' });
  await chat.next((event) => event.type === 'message');
  for (let turn = 0; turn < turns; turn += 1) await chat.ask(`社保卡补办要带什么（${turn}）`);
  await chat.close();
}

const bytesOf = (event: ChatEvent) => Buffer.byteLength(JSON.stringify((event as unknown as Page).messages));

describe('history on the websocket', () => {
  it('sends the history once per socket, in pages capped in messages and bytes', async () => {
    await conversation('history-pages-01', 3);
    const back = await ChatClient.open(harness.url, 'history-pages-01');
    back.send({ type: 'welcome_back' });
    const first = await back.next((event) => event.type === 'history');
    const page = first as unknown as Page;
    expect(page.more).toBe(true);
    expect(page.messages.length).toBeGreaterThan(0);
    expect(page.messages.length).toBeLessThanOrEqual(PAGE_MESSAGES);
    expect(bytesOf(first)).toBeLessThanOrEqual(PAGE_BYTES);

    // A second welcome_back on the same socket is refused, not answered with the history again.
    back.send({ type: 'welcome_back' });
    expect((await back.next((event) => event.type === 'error')).error).toMatchObject({
      code: 'ALREADY_GREETED',
    });

    // Older pages, walked back to the first message.
    const seen = [...page.messages];
    let more = page.more;
    while (more) {
      back.send({ type: 'history', before: seen[0].id });
      const older = (await back.next((event) => event.type === 'history_page')) as unknown as Page;
      expect(older.messages.length).toBeGreaterThan(0);
      seen.unshift(...older.messages);
      more = older.more;
    }
    const ids = seen.map((message) => message.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.filter((message) => message.text.startsWith('社保卡补办要带什么'))).toHaveLength(3);
    await back.close();
  });

  it('spends a history budget per session: at the limit answered, one over refused', async () => {
    await conversation('history-budget-01', 1);
    const results: string[] = [];
    for (let index = 0; index <= HISTORY_PER_MINUTE; index += 1) {
      const back = await ChatClient.open(harness.url, 'history-budget-01');
      back.send({ type: 'welcome_back' });
      const event = await back.next((frame) => frame.type === 'history' || frame.type === 'error');
      results.push(event.type === 'error' ? (event.error as { code: string }).code : event.type);
      if (event.type === 'error') {
        expect((event.error as { retryAfter: number }).retryAfter).toBeGreaterThanOrEqual(1);
      }
      await back.close();
    }
    // The hello of the conversation spent one token already.
    expect(results).toEqual([
      ...Array(HISTORY_PER_MINUTE - 1).fill('history'),
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
  });
});
