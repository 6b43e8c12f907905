/**
 * `POST /api/v1/ratings` has its own budget (RATE_LIMIT_RATINGS_PER_MINUTE per session,
 * RATE_LIMIT_RATINGS_IP_PER_MINUTE per address), the same buckets as the websocket `rate` frame:
 * a rating costs the same on either channel, switching channels gains nothing, and ratings no
 * longer eat into the chat budget of questions. The clock stands still, so no bucket refills.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { ChatClient, requestJson, type ChatEvent } from '../../helpers/server-clients.ts';

const RATINGS_PER_MINUTE = 3;
const RATINGS_IP_PER_MINUTE = 6;
const QUESTIONS_PER_MINUTE = 5;

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    clock: () => new Date('2026-11-02T09:00:00+08:00'),
    settings: {
      limits: {
        ratingsPerMinute: RATINGS_PER_MINUTE,
        ratingsIpPerMinute: RATINGS_IP_PER_MINUTE,
        sessionPerMinute: QUESTIONS_PER_MINUTE,
        ipPerMinute: 10_000,
        wsMaxRefusalsPerMinute: 50,
      },
    },
  });
});
afterAll(async () => {
  await harness?.stop();
  removeTemporaryFolders();
});

const ask = async (sessionId: string, question: string) => {
  const asked = await requestJson<{ messageId: number }>(`${harness.url}/api/v1/ask`, {
    body: { question, sessionId },
  });
  expect(asked.status).toBe(200);
  return asked.body.messageId;
};

const rateOverHttp = (sessionId: string, messageId: unknown) =>
  requestJson<{ error?: { code: string; message: string } }>(`${harness.url}/api/v1/ratings`, {
    body: { sessionId, target: 'answer', targetId: messageId, level: '满意' },
  });

const rateOverSocket = async (chat: ChatClient, messageId: unknown) => {
  chat.send({ type: 'rate', target: 'answer', targetId: messageId, level: '满意' });
  const event: ChatEvent = await chat.next((frame) => frame.type === 'rated' || frame.type === 'error');
  return event.type === 'error' ? (event.error as { code: string }).code : 'rated';
};

describe('the HTTP ratings budget', () => {
  it('limits ratings per session, apart from the chat budget, with 429 and Retry-After', async () => {
    const answers = [];
    for (let turn = 0; turn <= RATINGS_PER_MINUTE; turn += 1) {
      answers.push(await ask('http-rating-0001', `护照多久能办好（${turn}）`));
    }
    const statuses = [];
    for (const messageId of answers) statuses.push(await rateOverHttp('http-rating-0001', messageId));
    expect(statuses.map((response) => response.status)).toEqual([
      ...Array(RATINGS_PER_MINUTE).fill(201),
      429,
    ]);
    const refused = statuses[RATINGS_PER_MINUTE];
    expect(refused.body.error?.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Four questions and three ratings fit in five questions a minute only because ratings are not
    // questions: the fifth question is still answered.
    await ask('http-rating-0001', '护照可以加急吗');
  });

  it('shares the buckets with the websocket rate frame, per session and per address', async () => {
    const chat = await ChatClient.open(harness.url, 'http-rating-0002');
    chat.send({ type: 'hello' });
    const answers = [];
    for (let turn = 0; turn <= RATINGS_PER_MINUTE; turn += 1) {
      answers.push((await chat.ask(`社保卡补办要带什么（${turn}）`)).messageId);
    }
    // One session, both channels: three ratings in all, then refused on either.
    expect(await rateOverSocket(chat, answers[0])).toBe('rated');
    expect((await rateOverHttp('http-rating-0002', answers[1])).status).toBe(201);
    expect((await rateOverHttp('http-rating-0002', answers[2])).status).toBe(201);
    expect(await rateOverSocket(chat, answers[3])).toBe('RATE_LIMITED');
    expect((await rateOverHttp('http-rating-0002', answers[3])).status).toBe(429);
    await chat.close();

    // The address has spent its six (three per session above): a fresh session is refused too.
    const fresh = await ask('http-rating-0003', '结婚登记要带什么');
    const overAddress = await rateOverHttp('http-rating-0003', fresh);
    expect(overAddress.status).toBe(429);
    expect(overAddress.body.error?.code).toBe('RATE_LIMITED');
  });
});
