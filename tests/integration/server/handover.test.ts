/**
 * The hand-over to a person over a real websocket and HTTP, as a citizen and a staff member live it:
 * a typed complaint asks for consent and opens nothing; declining opens nothing and names the
 * 办不成事 window; consenting opens one case, puts the conversation in the queue and silences the
 * bot; the citizen's messages reach the staff stream, staff typing and replies reach the citizen;
 * staff hand the conversation back and the bot answers again; a resent message is taken once; a
 * citizen without a phone follows the case with a one-time code; a long wait brings a notice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, useHarness } from '../../helpers/server-harness.ts';
import {
  ChatClient,
  StaffClient,
  isStaffMessage,
  requestJson,
  type ChatEvent,
} from '../../helpers/server-clients.ts';
import { SseClient, isEvent } from '../../helpers/sse-client.ts';

// Wednesday 2 December 2026, 10:00 in Beijing: a working day, staff on duty.
let now = new Date('2026-12-02T02:00:00.000Z');
const harness = useHarness({ clock: () => now, settings: { cases: { handoverNoticeMinutes: 10 } } });

const streams: SseClient[] = [];
const chats: ChatClient[] = [];
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  for (const chat of chats.splice(0)) await chat.close();
});

async function citizen(user: string): Promise<ChatClient> {
  const chat = await ChatClient.open(harness.url, user);
  chats.push(chat);
  chat.send({ type: 'hello' });
  await chat.next((event) => event.type === 'message');
  return chat;
}

async function staffWithStream(): Promise<{ staff: StaffClient; stream: SseClient }> {
  const staff = new StaffClient(harness.url);
  expect((await staff.login(ADMIN.username, ADMIN.password)).status).toBe(200);
  const stream = await SseClient.open(harness.url, staff.cookieHeader);
  streams.push(stream);
  await stream.next(isEvent('ready'));
  return { staff, stream };
}

async function casesOf(staff: StaffClient, ref?: string) {
  const list = await staff.get<{ cases: Array<{ number: string; conversationRef?: string }> }>(
    '/api/v1/staff/cases?status=all',
  );
  return list.body.cases.filter((record) => ref === undefined || record.conversationRef === ref);
}

const isMode = (mode: string) => (event: ChatEvent) => event.type === 'mode' && event.mode === mode;

describe('hand-over to a person', () => {
  it('asks for consent before any case; declining opens nothing and names the window', async () => {
    const { staff } = await staffWithStream();
    const before = (await casesOf(staff)).length;
    const chat = await citizen('handover-consent-0001');
    const answer = await chat.ask('窗口的人让我跑了三趟还没办成，我要投诉');
    expect((answer.answer as { escalate: boolean }).escalate).toBe(true);
    expect(answer.text).toContain('需要您的同意');
    expect(chat.all.some((event) => event.type === 'case_opened')).toBe(false);
    expect(await casesOf(staff)).toHaveLength(before);

    chat.send({ type: 'escalate', category: '投诉', consent: false });
    const declined = await chat.next((event) => event.type === 'message' && event.from === 'system');
    expect(declined.text).toContain('不会把对话转给工作人员');
    expect(declined.text).toContain('Z03');
    expect(await casesOf(staff)).toHaveLength(before);

    // Declined: the bot still answers.
    const next = await chat.ask('社保卡丢了怎么补办');
    expect((next.answer as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it('takes the conversation to staff and back, live both ways', async () => {
    const { staff, stream } = await staffWithStream();
    const chat = await citizen('handover-live-000001');
    await chat.ask('社保卡丢了怎么补办');
    chat.send({ type: 'escalate', category: '咨询转人工', consent: true, phone: '13912345678' });
    const opened = await chat.next((event) => event.type === 'case_opened');
    const confirmation = opened.case as {
      number: string;
      lookup: string;
      phoneMasked: string;
      lookupCode?: string;
    };
    expect(confirmation).toMatchObject({ lookup: 'phone', phoneMasked: '139****5678' });
    expect(confirmation.lookupCode).toBeUndefined();
    const number = confirmation.number;
    const waiting = await chat.next(isMode('waiting'));
    expect(waiting).toMatchObject({ case: { number }, queuePosition: 1 });
    expect(waiting.expectedReply).toContain('15 分钟');

    const live = await stream.next(isEvent('case_opened', number));
    expect(live.data.case).toMatchObject({
      mode: 'waiting',
      topic: { itemName: '社会保障卡挂失与补换' },
      actions: expect.arrayContaining(['claim']),
    });

    // Waiting: the bot is silent; the message goes to staff.
    chat.send({ type: 'message', text: '我明天上午能过去吗？', clientId: 'live-q-1' });
    await chat.next((event) => event.type === 'ack' && event.clientId === 'live-q-1');
    const forwarded = await stream.next(isEvent('citizen_message', number));
    expect(JSON.stringify(forwarded.data)).toContain('明天上午');

    // Typing both ways.
    chat.send({ type: 'typing' });
    await stream.next(isEvent('citizen_typing', number));
    expect((await staff.post(`/api/v1/staff/cases/${number}/typing`, {})).status).toBe(204);
    await chat.next((event) => event.type === 'typing' && event.from === 'staff');

    // The staff reply takes the conversation.
    await staff.post(`/api/v1/staff/cases/${number}/reply`, { text: '可以，上午九点后到C01窗口。' });
    expect((await chat.next(isStaffMessage)).text).toContain('C01');
    await chat.next(isMode('staff'));
    chat.send({ type: 'message', text: '好的，那我几点去合适？', clientId: 'live-q-2' });
    await chat.next((event) => event.type === 'ack' && event.clientId === 'live-q-2');
    await stream.next(
      (event) => event.event === 'citizen_message' && JSON.stringify(event.data).includes('几点'),
    );

    // Handed back: a notice, the bot mode, and the bot answers again.
    const handedBack = await staff.post<{ case: { mode: string | null } }>(
      `/api/v1/staff/cases/${number}/hand-back`,
      {},
    );
    expect(handedBack.body.case.mode).toBeNull();
    await chat.next(isMode('bot'));
    expect((await chat.next((event) => event.type === 'message' && event.from === 'system')).text).toContain(
      '继续向智能导办提问',
    );
    const again = await chat.ask('补办要带什么材料');
    expect((again.answer as { items: Array<{ name: string }> }).items[0].name).toBe('社会保障卡挂失与补换');

    // No bot answer was given while the case held the conversation.
    const detail = await staff.get<{ transcript: Array<{ role: string; text: string }> }>(
      `/api/v1/staff/cases/${number}`,
    );
    const texts = detail.body.transcript.map((message) => `${message.role}:${message.text}`);
    const asked = texts.findIndex((text) => text.startsWith('citizen:我明天上午'));
    const handBack = texts.findIndex((text) => text.includes('继续向智能导办提问'));
    expect(texts.slice(asked, handBack).some((text) => text.startsWith('assistant:'))).toBe(false);
  });

  it('takes a resent message once and acknowledges it again', async () => {
    const chat = await citizen('handover-resend-0001');
    chat.send({ type: 'message', text: '营业执照怎么办', clientId: 'resend-1' });
    const first = await chat.next((event) => event.type === 'ack');
    await chat.next((event) => event.type === 'message' && 'answer' in event);
    chat.send({ type: 'message', text: '营业执照怎么办', clientId: 'resend-1' });
    const second = await chat.next((event) => event.type === 'ack' && event !== first);
    expect(second.messageId).toBe(first.messageId);
    const other = await ChatClient.open(harness.url, 'handover-resend-0001');
    chats.push(other);
    other.send({ type: 'welcome_back' });
    const page = await other.next((event) => event.type === 'history');
    const questions = (page.messages as Array<{ role: string; text: string }>).filter(
      (message) => message.role === 'citizen',
    );
    expect(questions).toHaveLength(1);
  });

  it('gives a one-time lookup code when no phone is left, and follows the case with it', async () => {
    const chat = await citizen('handover-code-000001');
    await chat.ask('不动产登记要多久');
    chat.send({ type: 'escalate', category: '办不成事反映', consent: true });
    const opened = (await chat.next((event) => event.type === 'case_opened')).case as {
      number: string;
      lookup: string;
      lookupCode: string;
    };
    expect(opened.lookup).toBe('code');
    expect(opened.lookupCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    // The confirmation stays in the history, without the code (stored only as a hash).
    const other = await ChatClient.open(harness.url, 'handover-code-000001');
    chats.push(other);
    other.send({ type: 'welcome_back' });
    const history = JSON.stringify((await other.next((event) => event.type === 'history')).messages);
    expect(history).toContain(opened.number);
    expect(history).not.toContain(opened.lookupCode);

    const found = await requestJson<{ number: string; status: string }>(
      `${harness.url}/api/v1/cases/lookup?number=${opened.number}&code=${opened.lookupCode.toLowerCase()}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.status).toBe('受理');
    const wrong = await requestJson(`${harness.url}/api/v1/cases/lookup?number=${opened.number}&code=ZZZZZZ`);
    expect(wrong.status).toBe(404);
  });

  it('lets staff set the topic; an unknown item is refused', async () => {
    const { staff } = await staffWithStream();
    const opened = await requestJson<{ number: string }>(`${harness.url}/api/v1/cases`, {
      body: { sessionId: 'handover-topic-00001', category: '咨询转人工', consent: true },
    });
    expect(opened.status).toBe(201);
    const number = opened.body.number;
    const detail = await staff.get<{ case: { topic: unknown; topicCandidates: unknown[] } }>(
      `/api/v1/staff/cases/${number}`,
    );
    expect(detail.body.case.topic).toBeNull();
    const set = await staff.put<{ case: { topic: { itemId: string; itemName: string } } }>(
      `/api/v1/staff/cases/${number}/topic`,
      { itemId: 'SHMS-002' },
    );
    expect(set.status).toBe(200);
    expect(set.body.case.topic).toEqual({ itemId: 'SHMS-002', itemName: '社会保障卡挂失与补换' });
    expect((await staff.put(`/api/v1/staff/cases/${number}/topic`, { itemId: 'NO-SUCH-ITEM' })).status).toBe(
      400,
    );
    const cleared = await staff.put<{ case: { topic: unknown } }>(`/api/v1/staff/cases/${number}/topic`, {
      itemId: null,
    });
    expect(cleared.body.case.topic).toBeNull();
  });

  it('answers HTTP questions of a handed-over conversation without the bot, and says what the form shows', async () => {
    const info = await requestJson<{ shared: string; expectedReply: string; replyBy: string }>(
      `${harness.url}/api/v1/handover`,
      { method: 'GET' },
    );
    expect(info.body.shared).toContain('全部对话');
    expect(info.body.expectedReply).toContain('15 分钟');
    const sessionId = 'handover-http-000001';
    await requestJson(`${harness.url}/api/v1/cases`, {
      body: { sessionId, category: '投诉', consent: true },
    });
    const asked = await requestJson<{ forwarded: boolean; items: unknown[]; answer: string }>(
      `${harness.url}/api/v1/ask`,
      { body: { sessionId, question: '营业执照怎么办' } },
    );
    expect(asked.body.forwarded).toBe(true);
    expect(asked.body.items).toEqual([]);
    expect(asked.body.answer).toContain('转给工作人员');
  });

  it('tells a citizen who waited too long that the case is kept, once', async () => {
    const chat = await citizen('handover-wait-000001');
    chat.send({ type: 'escalate', category: '咨询转人工', consent: true });
    const number = ((await chat.next((event) => event.type === 'case_opened')).case as { number: string })
      .number;
    const { handover } = harness.server.services;
    now = new Date(now.getTime() + 5 * 60_000);
    expect(handover.sweep()).toBe(0);
    now = new Date(now.getTime() + 6 * 60_000);
    expect(handover.sweep()).toBeGreaterThanOrEqual(1);
    const notice = await chat.next(
      (event) => event.type === 'message' && event.from === 'system' && String(event.text).includes('久等'),
    );
    expect(notice.text).toContain(number);
    expect(handover.sweep()).toBe(0);
  });
});
