/**
 * The HTTP edge: malformed JSON, oversized bodies, invalid UTF-8, wrong media type, unknown routes,
 * over-long questions, rate limits with Retry-After, security headers, and masked logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { ChatClient, requestJson } from '../../helpers/server-clients.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    settings: {
      limits: {
        maxMessageChars: 50,
        maxBodyBytes: 2048,
        ipPerMinute: 1000,
        sessionPerMinute: 3,
        loginPerMinute: 10,
        wsMaxConnections: 100,
      },
    },
  });
});
afterAll(async () => {
  await harness?.stop();
  removeTemporaryFolders();
});

const post = (body: BodyInit, contentType = 'application/json') =>
  fetch(`${harness.url}/api/v1/ask`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('public hall layout', () => {
  it('serves the hall of the index for the kiosk map', async () => {
    const response = await fetch(`${harness.url}/api/v1/hall`);
    expect(response.status).toBe(200);
    const { hall } = (await response.json()) as {
      hall: { name: string; windows: Array<{ special?: string }> };
    };
    expect(hall.name).toBe('济南新旧动能转换起步区政务服务中心');
    expect(hall.windows.some((window) => window.special === '办不成事反映')).toBe(true);
  });
});

describe('HTTP protection', () => {
  it('rejects malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await post('{"question": "营业执照');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
  });

  it('rejects invalid UTF-8 instead of guessing', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"question":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}'),
    ]);
    const response = await post(bytes);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'INVALID_UTF8' } });
  });

  it('rejects bodies over the limit with 413', async () => {
    const response = await post(JSON.stringify({ question: '办'.repeat(3000) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
  });

  it('rejects a question over the character limit and a non-JSON body', async () => {
    const long = await requestJson(`${harness.url}/api/v1/ask`, { body: { question: '营'.repeat(51) } });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const form = await post('question=x', 'application/x-www-form-urlencoded');
    expect(form.status).toBe(415);
  });

  it('answers unknown routes with a JSON 404 and security headers', async () => {
    const response = await fetch(`${harness.url}/api/v1/no-such-route`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('limits messages per session with 429 and Retry-After', async () => {
    const sessionId = 'rate-limited-session-01';
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 4; index += 1) {
      const response = await requestJson(`${harness.url}/api/v1/ask`, {
        body: { question: '营业执照怎么办', sessionId },
      });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another session is not affected.
    const other = await requestJson(`${harness.url}/api/v1/ask`, {
      body: { question: '营业执照怎么办', sessionId: 'another-session-0001' },
    });
    expect(other.status).toBe(200);
  });

  it('limits websocket messages per session too, and rejects malformed frames', async () => {
    const chat = await ChatClient.open(harness.url, 'ws-rate-session-01');
    chat.socket.send('{not json');
    expect((await chat.next((event) => event.type === 'error')).error).toMatchObject({
      code: 'MALFORMED_JSON',
    });
    chat.send({ type: 'hello' });
    for (let index = 0; index < 3; index += 1) await chat.ask('护照怎么办');
    chat.send({ type: 'message', text: '护照怎么办' });
    const limited = await chat.next((event) => event.type === 'error');
    expect(limited.error).toMatchObject({ code: 'RATE_LIMITED' });
    await chat.close();
  });

  it('keeps phone numbers out of the logs', async () => {
    await requestJson(`${harness.url}/api/v1/ask`, {
      body: { question: '我的电话13812345678能查进度吗', sessionId: 'log-mask-session-01' },
    });
    const audit = harness.server.services.store.listAudit({ limit: 50 });
    expect(JSON.stringify(harness.logs)).not.toContain('13812345678');
    expect(JSON.stringify(audit)).not.toContain('13812345678');
  });

  it('answers sensitive words politely and records the hit in the audit log', async () => {
    const response = await requestJson<{ answer: string }>(`${harness.url}/api/v1/ask`, {
      body: { question: '能帮我办假证吗', sessionId: 'sensitive-session-01' },
    });
    expect(response.status).toBe(200);
    expect(response.body.answer).toContain('违法违规');
    const hits = harness.server.services.store
      .listAudit({ limit: 50 })
      .filter((entry) => entry.action === 'safety.sensitive-word');
    expect(hits.some((entry) => (entry.detail?.categories as string[]).includes('违法'))).toBe(true);
  });
});
