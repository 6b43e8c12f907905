/**
 * Issue 9, finding 2: 1,000 "非常不满意" over the websocket opened 1,000 整改 cases. Now each answer,
 * conversation or case is rated once (a repeat is refused, ALREADY_RATED, over HTTP 409 too), a
 * conversation is rated only after the citizen said something in it, and `rate` frames spend their
 * own budget per session and per address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { ChatClient, requestJson, type ChatEvent } from '../../helpers/server-clients.ts';

const RATINGS_PER_MINUTE = 3;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    clock: () => new Date('2026-11-02T09:00:00+08:00'),
    settings: {
      limits: {
        ratingsPerMinute: RATINGS_PER_MINUTE,
        ratingsIpPerMinute: 1000,
        wsMaxRefusalsPerMinute: 50,
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

const rectificationCases = (sessionId: string) =>
  harness.server.services.store
    .listCases({ conversationId: sessionId, limit: 1000 })
    .filter((record) => record.category === '整改');

const ratedOrError = (event: ChatEvent) => event.type === 'rated' || event.type === 'error';
const codeOf = (event: ChatEvent) =>
  event.type === 'error' ? (event.error as { code: string }).code : 'rated';

describe('ratings on the websocket', () => {
  it('rates a conversation once: a flood of 差评 opens one 整改 case', async () => {
    const chat = await ChatClient.open(harness.url, 'rating-flood-0001');
    chat.send({ type: 'hello' });
    await chat.ask('结婚登记要带什么');
    const rate = async () => {
      chat.send({ type: 'rate', target: 'conversation', level: '非常不满意' });
      return codeOf(await chat.next(ratedOrError));
    };
    const results = [await rate()];
    // A different spelling of the same target is the same target, over HTTP too (which spends the
    // same rating budget as the frames).
    const http = await requestJson(`${harness.url}/api/v1/ratings`, {
      body: { sessionId: 'rating-flood-0001', target: 'conversation', targetId: 'x1', level: '不满意' },
    });
    expect(http.status).toBe(409);
    expect(http.body).toMatchObject({ error: { code: 'ALREADY_RATED' } });
    for (let index = 1; index < 20; index += 1) results.push(await rate());
    expect(results[0]).toBe('rated');
    expect(results.slice(1, RATINGS_PER_MINUTE - 1)).toEqual(
      Array(RATINGS_PER_MINUTE - 2).fill('ALREADY_RATED'),
    );
    expect(results.slice(RATINGS_PER_MINUTE - 1).every((code) => code === 'RATE_LIMITED')).toBe(true);
    expect(rectificationCases('rating-flood-0001')).toHaveLength(1);
    await chat.close();
  });

  it('spends the rating budget per session: at the limit accepted, one over refused', async () => {
    const chat = await ChatClient.open(harness.url, 'rating-budget-0001');
    chat.send({ type: 'hello' });
    const answers: unknown[] = [];
    for (let turn = 0; turn <= RATINGS_PER_MINUTE; turn += 1) {
      answers.push((await chat.ask(`护照多久能办好（${turn}）`)).messageId);
    }
    const results: string[] = [];
    for (const messageId of answers) {
      chat.send({ type: 'rate', target: 'answer', targetId: messageId, level: '满意' });
      const event = await chat.next(ratedOrError);
      results.push(codeOf(event));
      if (event.type === 'error') expect(event.error).toMatchObject({ retryAfter: expect.any(Number) });
    }
    expect(results).toEqual([...Array(RATINGS_PER_MINUTE).fill('rated'), 'RATE_LIMITED']);
    await chat.close();
  });

  it('refuses to rate a conversation without citizen turns, and opens no case for it', async () => {
    const opened = await requestJson(`${harness.url}/api/v1/cases`, {
      body: { sessionId: 'rating-empty-0001', category: '咨询转人工', consent: true },
    });
    expect(opened.status).toBe(201);
    const rated = await requestJson(`${harness.url}/api/v1/ratings`, {
      body: { sessionId: 'rating-empty-0001', target: 'conversation', level: '非常不满意' },
    });
    expect(rated.status).toBe(404);
    expect(rectificationCases('rating-empty-0001')).toHaveLength(0);
  });
});
