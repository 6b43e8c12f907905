/**
 * Issue 9, finding 1 (memory): a client that asks and never reads made the server buffer every
 * frame for it (318 MB → 981 MB). Now a socket whose unsent output passes WS_MAX_BUFFERED_BYTES is
 * sent nothing more and closed with 1013. Budgets are raised here so only the cap stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { ChatClient } from '../../helpers/server-clients.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    settings: {
      limits: {
        historyPageBytes: 16 * 1024,
        historyPerMinute: 1_000_000,
        historyIpPerMinute: 1_000_000,
        wsMaxBufferedBytes: 64 * 1024,
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

describe('backpressure on the websocket', () => {
  it('closes a socket that stops reading (1013) instead of buffering for it', async () => {
    const chat = await ChatClient.open(harness.url, 'backpressure-reader-01');
    chat.send({ type: 'hello' });
    await chat.next((event) => event.type === 'message');
    for (let turn = 0; turn < 4; turn += 1) await chat.ask(`社保卡补办要带什么（${turn}）`);
    const closed = chat.closed();
    // Stop reading, and ask for far more than the kernel's socket buffers and the cap hold.
    chat.socket.pause();
    const requests = 4000;
    for (let index = 0; index < requests; index += 1) chat.send({ type: 'history', before: 1_000_000_000 });
    await expect
      .poll(() => harness.logs.some((line) => line.includes('client not reading')), { timeout: 30_000 })
      .toBe(true);
    chat.socket.resume();
    const { code, reason } = await closed;
    expect(code).toBe(1013);
    expect(reason).toContain('接收过慢');
    const pages = chat.all.filter((event) => event.type === 'history_page').length;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThan(requests);
  });
});
