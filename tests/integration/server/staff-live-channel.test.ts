/**
 * The console's live channel over real HTTP: a signed-in staff member's event stream receives new
 * cases, status changes (with the case as staff see it and the actions now allowed), citizen and
 * staff messages (masked) and the citizen's typing; streams are capped per session and in all,
 * carry heartbeats, and end at logout or when an administrator revokes the session. Staff typing
 * reaches the citizen's open chat.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, useHarness } from '../../helpers/server-harness.ts';
import { ChatClient, StaffClient, requestJson } from '../../helpers/server-clients.ts';
import { SseClient, isEvent } from '../../helpers/sse-client.ts';

const PER_SESSION = 2;
const MAX_STREAMS = 4;
const TYPING_PER_MINUTE = 3;

const harness = useHarness({
  settings: {
    limits: {
      staffStreamsPerSession: PER_SESSION,
      staffStreamsMax: MAX_STREAMS,
      staffStreamHeartbeatSeconds: 1,
      typingPerMinute: TYPING_PER_MINUTE,
    },
  },
});

const streams: SseClient[] = [];
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
});

async function signedIn(): Promise<StaffClient> {
  const staff = new StaffClient(harness.url);
  expect((await staff.login(ADMIN.username, ADMIN.password)).status).toBe(200);
  return staff;
}

async function stream(staff: StaffClient): Promise<SseClient> {
  const opened = await SseClient.open(harness.url, staff.cookieHeader);
  streams.push(opened);
  return opened;
}

/** A citizen who asked a question and opened a case with consent; returns the chat and the number. */
async function openCase(user: string, question: string): Promise<{ citizen: ChatClient; number: string }> {
  const citizen = await ChatClient.open(harness.url, user);
  citizen.send({ type: 'hello' });
  await citizen.next((event) => event.type === 'message');
  await citizen.ask(question);
  citizen.send({ type: 'escalate', category: '办不成事反映', consent: true, description: '材料被退回' });
  const opened = await citizen.next((event) => event.type === 'case_opened');
  return { citizen, number: (opened.case as { number: string }).number };
}

describe('staff live channel', () => {
  it('needs a staff session', async () => {
    const refused = await SseClient.open(harness.url, '');
    expect(refused.status).toBe(401);
  });

  it('streams new cases, status changes, messages and typing with what the console shows', async () => {
    const staff = await signedIn();
    const events = await stream(staff);
    expect(events.status).toBe(200);
    const ready = await events.next(isEvent('ready'));
    expect(ready.data.user).toBe(ADMIN.username);

    const { citizen, number } = await openCase('citizen-live-0001', '我的电话13812345678，营业执照怎么办');
    const opened = await events.next(isEvent('case_opened', number));
    expect(opened.data.case).toMatchObject({ number, status: '受理' });
    expect((opened.data.case as { actions: string[] }).actions).toEqual(['claim', 'reply', 'transfer']);

    // The citizen's message as the hand-over publishes it: the console gets it masked.
    const detail = await staff.get<{ transcript: Array<{ id: number; role: string; text: string }> }>(
      `/api/v1/staff/cases/${number}`,
    );
    const question = detail.body.transcript.find(
      (line) => line.role === 'citizen' && line.text.includes('营业执照'),
    );
    expect(question).toBeDefined();
    harness.server.services.events.publish({
      type: 'citizen_message',
      caseNumber: number,
      messageId: question!.id,
    });
    const message = await events.next(isEvent('citizen_message', number));
    const told = message.data.message as { id: number; role: string; text: string };
    expect(told).toMatchObject({ id: question!.id, role: 'citizen' });
    expect(told.text).toContain('营业执照');
    expect(told.text).not.toContain('13812345678');
    expect(JSON.stringify(message.data)).not.toContain('13812345678');

    harness.server.services.events.publish({ type: 'citizen_typing', caseNumber: number });
    expect((await events.next(isEvent('citizen_typing', number))).data).toEqual({
      type: 'citizen_typing',
      caseNumber: number,
    });

    const transferred = await staff.post(`/api/v1/staff/cases/${number}/transfer`, {
      department: '市场监管局',
    });
    expect(transferred.status).toBe(200);
    const changed = await events.next(isEvent('case_changed', number));
    expect(changed.data.action).toBe('transfer');
    expect(changed.data.case).toMatchObject({ status: '分办', department: '市场监管局' });
    expect((changed.data.case as { actions: string[] }).actions).toEqual([
      'claim',
      'reply',
      'transfer',
      'return',
    ]);

    const reply = await staff.post(`/api/v1/staff/cases/${number}/reply`, {
      text: '您好，请到A05窗口，电话13900001111。',
    });
    expect(reply.status).toBe(201);
    const staffMessage = await events.next(isEvent('staff_message', number));
    expect(staffMessage.data.staff).toBe(ADMIN.username);
    expect((staffMessage.data.message as { text: string }).text).toContain('A05窗口');
    expect(JSON.stringify(staffMessage.data)).not.toContain('13900001111');
    await citizen.close();
  });

  it('sends heartbeats and ends the stream when the session is revoked or logged out', async () => {
    const admin = await signedIn();
    const revoked = await signedIn();
    const first = await stream(revoked);
    await first.next(isEvent('ready'));
    await first.heartbeats(1);
    expect(first.comments).toBeGreaterThanOrEqual(1);

    expect((await admin.post(`/api/v1/admin/users/${ADMIN.username}/revoke-sessions`)).status).toBeLessThan(
      300,
    );
    await first.whenEnded();
    expect(first.all.at(-1)?.event).toBe('session_ended');

    const again = await signedIn();
    const second = await stream(again);
    await second.next(isEvent('ready'));
    expect((await again.post('/api/v1/staff/logout')).status).toBe(204);
    await second.whenEnded();
    expect(second.all.at(-1)?.event).toBe('session_ended');
    // The ended session cannot open a new one.
    expect((await SseClient.open(harness.url, again.cookieHeader)).status).toBe(401);
  });

  it('caps the streams per session and in all', async () => {
    const one = await signedIn();
    for (let index = 0; index < PER_SESSION; index += 1) {
      await (await stream(one)).next(isEvent('ready'));
    }
    const over = await SseClient.open(harness.url, one.cookieHeader);
    expect(over.status).toBe(429);
    expect(over.body?.error?.code).toBe('STREAM_LIMIT');
    expect(over.body?.error?.message).toContain(`最多同时打开 ${PER_SESSION} 个`);

    const two = await signedIn();
    for (let index = PER_SESSION; index < MAX_STREAMS; index += 1) {
      await (await stream(two)).next(isEvent('ready'));
    }
    const three = await signedIn();
    const full = await SseClient.open(harness.url, three.cookieHeader);
    expect(full.status).toBe(503);
    expect(full.body?.error?.code).toBe('STREAM_CAPACITY');

    // A closed stream frees its place.
    streams[0].close();
    await expect
      .poll(async () => {
        const retry = await SseClient.open(harness.url, three.cookieHeader);
        if (retry.status === 200) streams.push(retry);
        return retry.status;
      })
      .toBe(200);
  });

  it("tells the citizen's chat that staff are typing, within the typing budget", async () => {
    const staff = await signedIn();
    const { citizen, number } = await openCase('citizen-live-0002', '开饭店要办什么证');
    expect((await staff.post(`/api/v1/staff/cases/${number}/typing`, {}, { csrf: false })).status).toBe(403);
    expect((await staff.post(`/api/v1/staff/cases/${number}/typing`)).status).toBe(204);
    expect(await citizen.next((event) => event.type === 'typing' && event.from === 'staff')).toEqual({
      type: 'typing',
      from: 'staff',
    });
    expect((await staff.post('/api/v1/staff/cases/BCS20990101-0001-AAAA/typing')).status).toBe(404);
    const statuses: number[] = [];
    for (let index = 0; index < TYPING_PER_MINUTE; index += 1) {
      statuses.push((await staff.post(`/api/v1/staff/cases/${number}/typing`)).status);
    }
    expect(statuses).toContain(429);
    expect(
      (await requestJson(`${harness.url}/api/v1/staff/cases/${number}/typing`, { body: {} })).status,
    ).toBe(401);
    await citizen.close();
  });
});
