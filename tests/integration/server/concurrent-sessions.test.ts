/**
 * 200 chat sessions at once over real websockets: every message is answered, and every answer
 * reaches the session that asked — checked against the database, where each answer's message id
 * must belong to that session and follow that session's own question.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { ChatClient } from '../../helpers/server-clients.ts';

const SESSIONS = 200;
const MESSAGES_PER_SESSION = 3;
const QUESTIONS = [
  '营业执照怎么办',
  '社保卡补办要带什么',
  '结婚登记在哪里办',
  '护照多久能办好',
  '不动产登记收费吗',
  '养犬登记怎么办',
];

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    settings: {
      limits: {
        maxMessageChars: 500,
        maxBodyBytes: 65536,
        ipPerMinute: 10_000,
        sessionPerMinute: 1000,
        loginPerMinute: 10,
        wsMaxConnections: 5000,
        // 200 sessions from one address: the per-address caps are raised for this test.
        wsMaxConnectionsPerIp: 1000,
        historyIpPerMinute: 10_000,
      },
    },
  });
});
afterAll(async () => {
  await harness?.stop();
  removeTemporaryFolders();
});

describe('200 concurrent websocket sessions', () => {
  it('answers every message, each to the session that asked', async () => {
    const clients = await Promise.all(
      Array.from({ length: SESSIONS }, (_, index) =>
        ChatClient.open(harness.url, `load-session-${String(index).padStart(4, '0')}`),
      ),
    );
    const sent = new Map<string, string[]>();
    await Promise.all(
      clients.map(async (client, index) => {
        client.send({ type: 'hello' });
        const questions: string[] = [];
        for (let turn = 0; turn < MESSAGES_PER_SESSION; turn += 1) {
          // A question unique to this session and turn, so a misdelivered answer is detectable.
          const question = `${QUESTIONS[(index + turn) % QUESTIONS.length]}（${index}-${turn}）`;
          questions.push(question);
          client.send({ type: 'message', text: question });
        }
        sent.set(client.user, questions);
      }),
    );

    const answers = await Promise.all(
      clients.map(async (client) => {
        const received = [];
        for (let turn = 0; turn < MESSAGES_PER_SESSION; turn += 1) {
          received.push(await client.next((event) => event.type === 'message' && 'answer' in event, 60_000));
        }
        return { client, received };
      }),
    );

    const store = harness.server.services.store;
    let checked = 0;
    for (const { client, received } of answers) {
      const questions = sent.get(client.user) ?? [];
      received.forEach((event, turn) => {
        const reply = store.getMessage(event.messageId as number);
        expect(reply?.conversationId).toBe(client.user);
        expect(reply?.text).toBe(event.text);
        // The question right before this answer in the session is the one this session sent.
        const history = store.listMessages(client.user);
        const position = history.findIndex((message) => message.id === reply?.id);
        expect(history[position - 1].text).toBe(questions[turn]);
        checked += 1;
      });
      // No extra answers arrived for anyone else's questions.
      expect(client.all.filter((event) => event.type === 'message' && 'answer' in event)).toHaveLength(
        MESSAGES_PER_SESSION,
      );
      expect(client.all.filter((event) => event.type === 'error')).toHaveLength(0);
    }
    expect(checked).toBe(SESSIONS * MESSAGES_PER_SESSION);
    await Promise.all(clients.map((client) => client.close()));
  });
});
