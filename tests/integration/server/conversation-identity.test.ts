/**
 * Reproduction of issue 9, finding 5: the case list and ratings gave staff the citizen's
 * `conversationId`, which was also the session key — `welcome_back` with it on `/ws` returned the
 * whole conversation unmasked, without an audit entry. Case search over raw descriptions was an
 * oracle for the hidden digits of an ID number. Staff now see a public id that cannot resume a
 * session, and search reads descriptions masked. Conversations stored before keep working.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, startHarness, temporaryFolder, useHarness } from '../../helpers/server-harness.ts';
import { ChatClient, StaffClient, requestJson, type ChatEvent } from '../../helpers/server-clients.ts';
import { MIGRATIONS, migrate } from '../../../bot/store/migrations.ts';

const harness = useHarness();
const SECRET = 'identity-secret-session-01';
const ID_NUMBER = '110105199003071234';

/** What a `welcome_back` as `user` gives: the history event's texts, or an error code. */
async function resumeAs(url: string, user: string): Promise<{ texts: string[]; error?: string }> {
  const client = await ChatClient.open(url, user);
  client.send({ type: 'welcome_back' });
  const event: ChatEvent = await client.next((next) => next.type === 'history' || next.type === 'error');
  await client.close();
  if (event.type === 'error') return { texts: [], error: (event.error as { code: string }).code };
  return { texts: (event.messages as Array<{ text: string }>).map((message) => message.text) };
}

const stringsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(stringsOf)
      : [];

describe('conversation identity', () => {
  it('gives staff an id that cannot resume the citizen session', async () => {
    const chat = await ChatClient.open(harness.url, SECRET);
    chat.send({ type: 'hello' });
    await chat.ask(`我的身份证号${ID_NUMBER}，社保卡丢了怎么补`);
    chat.send({ type: 'escalate', category: '办不成事反映', description: '窗口说办不了', consent: true });
    const opened = await chat.next((event) => event.type === 'case_opened');
    chat.send({ type: 'rate', target: 'conversation', level: '不满意', comment: '没解决' });
    await chat.next((event) => event.type === 'rated');
    await chat.close();

    // The citizen's own key resumes the conversation, unmasked (it is theirs).
    expect((await resumeAs(harness.url, SECRET)).texts.join('\n')).toContain(ID_NUMBER);

    const staff = new StaffClient(harness.url);
    await staff.login(ADMIN.username, ADMIN.password);
    const list = await staff.get<{ cases: Array<Record<string, unknown>> }>('/api/v1/staff/cases');
    const number = (opened.case as { number: string }).number;
    const entry = list.body.cases.find((record) => record.number === number);
    const detail = await staff.get(`/api/v1/staff/cases/${number}`);
    const ratings = await staff.get<{ ratings: Array<Record<string, unknown>> }>('/api/v1/staff/ratings');
    const audit = await staff.get('/api/v1/staff/audit');
    expect(entry?.conversationRef).toMatch(/^cv~[0-9a-f]{24}$/);
    expect(ratings.body.ratings[0].conversationRef).toBe(entry?.conversationRef);

    const staffText = JSON.stringify([list.body, detail.body, ratings.body, audit.body]);
    expect(staffText).not.toContain(SECRET);
    // Nothing staff can read works as a session key.
    const candidates = [
      ...new Set([entry, ratings.body.ratings[0]].flatMap(stringsOf).filter((text) => text.length >= 8)),
    ];
    for (const candidate of candidates) {
      const resumed = await resumeAs(harness.url, candidate);
      expect({ candidate, texts: resumed.texts }).toEqual({ candidate, texts: [] });
    }
    expect((await resumeAs(harness.url, entry?.conversationRef as string)).error).toBe('BAD_MESSAGE');
    const asked = await requestJson(`${harness.url}/api/v1/ask`, {
      body: { question: '你好', sessionId: entry?.conversationRef },
    });
    expect(asked.status).toBe(400);
  });

  it('searches cases over masked text, so digits hidden by the mask find nothing', async () => {
    const sessionId = 'identity-search-session';
    const opened = await requestJson<{ number: string }>(`${harness.url}/api/v1/cases`, {
      body: { sessionId, category: '投诉', description: `身份证${ID_NUMBER}办不了社保卡挂失`, consent: true },
    });
    const staff = new StaffClient(harness.url);
    await staff.login(ADMIN.username, ADMIN.password);
    const search = async (query: string) =>
      (
        await staff.get<{ cases: Array<{ number: string }> }>(
          `/api/v1/staff/cases?q=${encodeURIComponent(query)}`,
        )
      ).body.cases.map((record) => record.number);

    // Words and the visible part of the mask still find the case.
    expect(await search('社保卡挂失')).toContain(opened.body.number);
    expect(await search('110105********1234')).toContain(opened.body.number);
    // The hidden digits do not: no answer confirms a guess.
    for (const fragment of ['19900307', '1101051990', ID_NUMBER, '0307']) {
      expect({ fragment, found: await search(fragment) }).toEqual({ fragment, found: [] });
    }
  });

  it('keeps conversations stored before public ids working, and gives them one', async () => {
    const dataDir = temporaryFolder('daoban-identity-');
    const database = new Database(path.join(dataDir, 'daoban.sqlite'));
    migrate(database, MIGRATIONS.slice(0, 1));
    const at = '2026-11-20T02:00:00.000Z';
    database
      .prepare('INSERT INTO conversations (id, created_at, updated_at, state_json) VALUES (?, ?, ?, ?)')
      .run('legacy-session-0001', at, at, JSON.stringify({ previousItemIds: [], turns: 1 }));
    database
      .prepare(
        `INSERT INTO messages (conversation_id, role, text, created_at, local_date) VALUES (?, 'citizen', ?, ?, '2026-11-20')`,
      )
      .run('legacy-session-0001', '护照怎么办', at);
    database
      .prepare(
        `INSERT INTO cases (number, conversation_id, category, status, created_at, updated_at, accepted_date, deadline)
         VALUES ('ZX20261120-0001', 'legacy-session-0001', '咨询转人工', '受理', ?, ?, '2026-11-20', '2026-11-27')`,
      )
      .run(at, at);
    database.close();

    const legacy = await startHarness({ dataDir });
    try {
      expect((await resumeAs(legacy.url, 'legacy-session-0001')).texts).toEqual(['护照怎么办']);
      const staff = new StaffClient(legacy.url);
      await staff.login(ADMIN.username, ADMIN.password);
      const detail = await staff.get<{ case: { conversationRef?: string; conversationId?: string } }>(
        '/api/v1/staff/cases/ZX20261120-0001',
      );
      expect(detail.body.case.conversationRef).toMatch(/^cv~[0-9a-f]{24}$/);
      expect(detail.body.case.conversationId).toBeUndefined();
    } finally {
      await legacy.stop();
    }
  });
});
