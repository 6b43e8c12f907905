/**
 * Ending a conversation ends it on the server (issue 9, finding 8, second half): 结束并清除对话 in the
 * widget sends `{ type: "end" }`, the kiosk going home `POST /api/v1/conversations/end`. Afterwards
 * the session key resumes nothing — `welcome_back` with it gets an empty history and a new
 * conversation — every open tab of the session is told and closed, and staff still have the
 * transcript and the case, marked ended. Ending spends its own budget per session and per address,
 * on both channels together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { ChatClient, StaffClient, requestJson, type ChatEvent } from '../../helpers/server-clients.ts';

const END_PER_MINUTE = 2;
const END_IP_PER_MINUTE = 4;
const now = { value: new Date('2026-11-02T09:00:00+08:00') };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    clock: () => now.value,
    settings: {
      limits: {
        endPerMinute: END_PER_MINUTE,
        endIpPerMinute: END_IP_PER_MINUTE,
        historyPerMinute: 100,
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

type HistoryFrame = { messages: Array<{ text: string }>; more: boolean };
type CaseDetail = {
  case: { conversationRef: string; conversationEndedAt?: string };
  transcript: Array<{ text: string }>;
};

/** A later visitor who presents the same key: what does the server give back? */
async function historyFor(user: string): Promise<HistoryFrame> {
  const chat = await ChatClient.open(harness.url, user);
  chat.send({ type: 'welcome_back' });
  const history = (await chat.next((event) => event.type === 'history')) as unknown as HistoryFrame;
  await chat.close();
  return history;
}

const endedOrError = (event: ChatEvent) => event.type === 'ended' || event.type === 'error';

describe('ending a conversation', () => {
  it('retires the session key over the websocket; every tab is closed; staff keep the case', async () => {
    const user = 'end-session-0001';
    const chat = await ChatClient.open(harness.url, user);
    chat.send({ type: 'hello' });
    await chat.ask('社保卡丢了怎么补办');
    chat.send({ type: 'escalate', category: '办不成事反映', phone: '13812345678', consent: true });
    const opened = await chat.next((event) => event.type === 'case_opened');
    const number = (opened.case as { number: string }).number;
    const staff = new StaffClient(harness.url);
    await staff.login(ADMIN.username, ADMIN.password);
    const before = await staff.get<CaseDetail>(`/api/v1/staff/cases/${number}`);
    expect(before.body.case.conversationEndedAt).toBeUndefined();

    // A second tab of the same session, and a question still being answered when the end arrives.
    const tab = await ChatClient.open(harness.url, user);
    tab.send({ type: 'welcome_back' });
    expect(
      ((await tab.next((event) => event.type === 'history')) as unknown as HistoryFrame).messages,
    ).not.toEqual([]);
    const [chatClosed, tabClosed] = [chat.closed(), tab.closed()];
    // Handed over: the question goes to the case (acknowledged), not to the bot.
    chat.send({ type: 'message', text: '还要带户口本吗', clientId: 'end-question-1' });
    chat.send({ type: 'end' });
    expect((await chat.next((event) => event.type === 'ack')).clientId).toBe('end-question-1');
    await chat.next((event) => event.type === 'ended');
    await tab.next((event) => event.type === 'ended');
    expect(await chatClosed).toEqual({ code: 1000, reason: '对话已结束' });
    expect(await tabClosed).toEqual({ code: 1000, reason: '对话已结束' });

    // The key resumes nothing: an empty history, and what it says now is a new conversation.
    expect(await historyFor(user)).toEqual({ type: 'history', messages: [], more: false });
    const again = await ChatClient.open(harness.url, user);
    again.send({ type: 'welcome_back' });
    await again.next((event) => event.type === 'history');
    await again.ask('结婚登记要带什么');
    await again.close();
    expect((await historyFor(user)).messages.map((message) => message.text)).toEqual([
      '结婚登记要带什么',
      expect.any(String),
    ]);

    // Staff: the same case, the same conversation reference, the whole transcript, marked ended.
    const after = await staff.get<CaseDetail>(`/api/v1/staff/cases/${number}`);
    expect(after.status).toBe(200);
    expect(after.body.case.conversationRef).toBe(before.body.case.conversationRef);
    expect(after.body.case.conversationEndedAt).toBe(now.value.toISOString());
    const texts = after.body.transcript.map((line) => line.text);
    expect(texts).toEqual(expect.arrayContaining(['社保卡丢了怎么补办', '还要带户口本吗']));
    expect(texts).not.toContain('结婚登记要带什么');
    // The citizen's own lookup still finds the case.
    const lookup = await requestJson(`${harness.url}/api/v1/cases/lookup?number=${number}&phoneLast4=5678`);
    expect(lookup.status).toBe(200);
  });

  it('ends a kiosk session over HTTP in the same way', async () => {
    const sessionId = 'kiosk-end-session-0001';
    const asked = await requestJson(`${harness.url}/api/v1/ask`, {
      body: { question: '新生儿怎么上户口', sessionId },
    });
    expect(asked.status).toBe(200);
    const publicId = harness.server.services.store.getConversation(sessionId)?.publicId ?? '';
    const ended = await requestJson(`${harness.url}/api/v1/conversations/end`, { body: { sessionId } });
    expect(ended.status).toBe(204);
    expect(await historyFor(sessionId)).toMatchObject({ messages: [], more: false });
    const kept = harness.server.services.store.getConversation(publicId);
    expect(kept?.endedAt).toBe(now.value.toISOString());
    expect(harness.server.services.store.listMessages(publicId).map((message) => message.text)).toContain(
      '新生儿怎么上户口',
    );
    // A key that is not a session key is refused before anything is ended.
    const refused = await requestJson(`${harness.url}/api/v1/conversations/end`, {
      body: { sessionId: publicId },
    });
    expect(refused.status).toBe(400);
  });

  it('spends an end budget per session and per address, websocket and HTTP together', async () => {
    now.value = new Date(now.value.getTime() + 10 * 60_000);
    const endOverSocket = async (user: string) => {
      const chat = await ChatClient.open(harness.url, user);
      chat.send({ type: 'hello' });
      await chat.next((event) => event.type === 'message');
      chat.send({ type: 'end' });
      const event = await chat.next(endedOrError);
      await chat.close();
      return event.type === 'error' ? (event.error as { code: string; retryAfter: number }) : event.type;
    };
    const endOverHttp = (sessionId: string) =>
      requestJson(`${harness.url}/api/v1/conversations/end`, { body: { sessionId } });

    // Per session: at the limit ended, one over refused on either channel.
    expect(await endOverSocket('end-budget-0001')).toBe('ended');
    expect(await endOverSocket('end-budget-0001')).toBe('ended');
    expect(await endOverSocket('end-budget-0001')).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfter: expect.any(Number),
    });
    const overSession = await endOverHttp('end-budget-0001');
    expect(overSession.status).toBe(429);
    expect(Number(overSession.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // Per address: two more sessions from here may end, the next is refused whatever its key.
    expect((await endOverHttp('end-budget-0002')).status).toBe(204);
    expect(await endOverSocket('end-budget-0003')).toBe('ended');
    expect((await endOverHttp('end-budget-0004')).status).toBe(429);
    expect(await endOverSocket('end-budget-0005')).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
