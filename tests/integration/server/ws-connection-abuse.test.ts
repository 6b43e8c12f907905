/**
 * Issue 9, findings 3 and 6 on the websocket: one address cannot hold more sockets than its cap
 * (another address still gets in), sockets that never say hello are closed, junk frames are answered
 * only up to the refusal budget and then the socket is closed, chat messages over websockets spend
 * the address's budget like HTTP requests, and a spoofed X-Forwarded-For does not make a new address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../config/settings.ts';
import { removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { ChatClient } from '../../helpers/server-clients.ts';

const PER_ADDRESS = 3;
const REFUSALS = 4;
const IP_PER_MINUTE = 30;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    // A still clock: token buckets do not refill during the test, so the limits are exact.
    clock: () => new Date('2026-11-02T09:00:00+08:00'),
    settings: {
      limits: {
        wsMaxConnectionsPerIp: PER_ADDRESS,
        wsMaxRefusalsPerMinute: REFUSALS,
        wsHelloTimeoutSeconds: 1,
        ipPerMinute: IP_PER_MINUTE,
        sessionPerMinute: 100,
      },
      // The test client stands for the hall's reverse proxy on loopback.
      server: { trustProxy: loadSettings({ TRUST_PROXY: 'loopback' }).server.trustProxy },
    },
  });
});
afterAll(async () => {
  await harness?.stop();
  removeTemporaryFolders();
});

/** What a proxy on loopback forwards for a client at `address` that wrote `spoofed` itself. */
const forwarded = (address: string, spoofed?: string) => ({
  'x-forwarded-for': spoofed ? `${spoofed}, ${address}` : address,
});

describe('websocket connections per address', () => {
  it('admits sockets up to the cap, refuses one more with 429, and still admits another address', async () => {
    const address = '203.0.113.10';
    const open = await Promise.all(
      Array.from({ length: PER_ADDRESS }, (_, index) =>
        ChatClient.open(harness.url, `cap-session-${index}-x`, forwarded(address)),
      ),
    );
    for (const client of open) client.send({ type: 'hello' });
    await Promise.all(open.map((client) => client.next((event) => event.type === 'message')));

    const refused = await ChatClient.refusal(harness.url, forwarded(address, '198.51.100.99, 127.0.0.1'));
    expect(refused).toMatchObject({ status: 429 });
    expect(Number((refused as { retryAfter?: string }).retryAfter)).toBeGreaterThanOrEqual(1);
    expect(await ChatClient.refusal(harness.url, forwarded('203.0.113.11'))).toBe('open');

    await Promise.all(open.map((client) => client.close()));
  });

  it('closes a socket that says no hello (1008)', async () => {
    const idle = await ChatClient.open(harness.url, 'idle-session-x', forwarded('203.0.113.20'));
    const closed = await idle.closed();
    expect(closed.code).toBe(1008);
    expect(closed.reason).toContain('问候');
  });

  it('answers junk frames up to the refusal budget, then closes the socket', async () => {
    const junk = await ChatClient.open(harness.url, 'junk-session-x', forwarded('203.0.113.30'));
    const closed = junk.closed();
    for (let index = 0; index < 200; index += 1) junk.socket.send(`{junk ${index}`);
    const { code } = await closed;
    expect(code).toBe(1008);
    const errors = junk.all.filter((event) => event.type === 'error');
    expect(errors).toHaveLength(REFUSALS);
    expect(errors[0]).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
  });

  it('refuses frames before the greeting and a second greeting', async () => {
    const chat = await ChatClient.open(harness.url, 'greeting-session', forwarded('203.0.113.40'));
    chat.send({ type: 'message', text: '护照怎么办' });
    expect((await chat.next((event) => event.type === 'error')).error).toMatchObject({
      code: 'HELLO_REQUIRED',
    });
    chat.send({ type: 'hello' });
    await chat.next((event) => event.type === 'message');
    chat.send({ type: 'welcome_back' });
    expect((await chat.next((event) => event.type === 'error')).error).toMatchObject({
      code: 'ALREADY_GREETED',
    });
    await chat.close();
  });

  it('counts websocket chat messages against the address budget, spoofed header or not', async () => {
    const address = '203.0.113.50';
    // The upgrades spend two tokens of the address's budget; each session asks within its own budget.
    const first = await ChatClient.open(harness.url, 'ip-budget-one', forwarded(address, '10.9.8.7'));
    const second = await ChatClient.open(harness.url, 'ip-budget-two', forwarded(address, '10.9.8.6'));
    for (const client of [first, second]) {
      client.send({ type: 'hello' });
      await client.next((event) => event.type === 'message');
    }
    const budget = IP_PER_MINUTE - 2;
    for (let index = 0; index < budget; index += 1) {
      await (index % 2 === 0 ? first : second).ask(`营业执照怎么办（${index}）`);
    }
    second.send({ type: 'message', text: '营业执照怎么办' });
    const limited = await second.next((event) => event.type === 'error');
    expect(limited.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('发送过于频繁'),
    });
    expect((limited.error as { retryAfter: number }).retryAfter).toBeGreaterThanOrEqual(1);
    await Promise.all([first.close(), second.close()]);
  });
});
