/**
 * The 办不成事 case workflow end to end over real HTTP and a real websocket: a citizen chats,
 * taps 办不成事 with a phone, staff work the case through every status, a staff reply arrives live
 * in the citizen's open chat, the citizen looks the case up, and every action is audited.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, useHarness } from '../../helpers/server-harness.ts';
import { ChatClient, StaffClient, isStaffMessage, requestJson } from '../../helpers/server-clients.ts';

const harness = useHarness();

describe('case lifecycle', () => {
  it('opens a case from the chat and takes it through 受理 → 分办 → 办理中 → 办结 → 回访 → 归档', async () => {
    const citizen = await ChatClient.open(harness.url, 'citizen-lifecycle-0001');
    citizen.send({ type: 'hello' });
    const welcome = await citizen.next((event) => event.type === 'message');
    expect(welcome.text).toContain('您好');

    const answer = await citizen.ask('开饭店要办什么证');
    expect(answer.quick_replies).toBeInstanceOf(Array);
    expect((answer.answer as { items: unknown[] }).items.length).toBeGreaterThan(0);

    citizen.send({
      type: 'escalate',
      category: '办不成事反映',
      phone: '138 0013 8000',
      consent: true,
      description: '材料被退回三次，说不清缺什么',
    });
    const opened = await citizen.next((event) => event.type === 'case_opened');
    const number = (opened.case as { number: string }).number;
    expect(number).toMatch(/^BCS\d{8}-\d{4}-[A-Z][A-Z2-9]{3}$/);
    expect((opened.case as { status: string }).status).toBe('受理');

    const staff = new StaffClient(harness.url);
    expect((await staff.login(ADMIN.username, ADMIN.password)).status).toBe(200);

    const list = await staff.get<{
      cases: Array<{ number: string; phoneMasked?: string; overdue: boolean }>;
    }>('/api/v1/staff/cases?status=受理');
    const listed = list.body.cases.find((record) => record.number === number);
    expect(listed?.phoneMasked).toBe('138****8000');
    expect(JSON.stringify(list.body)).not.toContain('13800138000');

    const detail = await staff.get<{
      transcript: Array<{ role: string; text: string }>;
      case: { topic: { itemName?: string } | null; topicCandidates: { name: string }[] };
    }>(`/api/v1/staff/cases/${number}`);
    expect(detail.status).toBe(200);
    expect(detail.body.transcript.map((message) => message.text)).toContain('开饭店要办什么证');
    // What the case is about: the item asked about, or (not sure) the items the bot considered.
    expect(detail.body.case.topic?.itemName ?? detail.body.case.topicCandidates[0]?.name).toBeTruthy();

    // Staff cannot conclude a case nobody has handled yet.
    expect((await staff.post(`/api/v1/staff/cases/${number}/resolve`, { note: '已办结' })).status).toBe(409);

    const transferred = await staff.post<{ case: { status: string; department: string } }>(
      `/api/v1/staff/cases/${number}/transfer`,
      {
        department: '行政审批服务部',
        note: '请核实退件原因',
      },
    );
    expect(transferred.body.case).toMatchObject({ status: '分办', department: '行政审批服务部' });

    const claimed = await staff.post<{ case: { status: string } }>(`/api/v1/staff/cases/${number}/claim`);
    expect(claimed.body.case.status).toBe('办理中');

    const reply = await staff.post<{ delivered: boolean }>(`/api/v1/staff/cases/${number}/reply`, {
      text: '您好，经核实缺少经营场所证明，请补充后到A03窗口办理。',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.delivered).toBe(true);
    const live = await citizen.next(isStaffMessage);
    expect(live.text).toContain('经营场所证明');
    expect((live.case as { number: string }).number).toBe(number);

    expect(
      (await staff.post(`/api/v1/staff/cases/${number}/resolve`, { note: '已告知补正材料' })).body,
    ).toMatchObject({ case: { status: '办结' } });
    expect(
      (
        await staff.post(`/api/v1/staff/cases/${number}/follow-up`, {
          result: '群众表示已办成',
          level: '满意',
        })
      ).body,
    ).toMatchObject({
      case: { status: '回访' },
    });
    expect((await staff.post(`/api/v1/staff/cases/${number}/archive`)).body).toMatchObject({
      case: { status: '归档' },
    });

    // The citizen looks the case up with its number and the phone's last four digits.
    const lookup = await requestJson<{ status: string; replies: Array<{ text: string }> }>(
      `${harness.url}/api/v1/cases/lookup?number=${number.toLowerCase()}&phoneLast4=8000`,
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body.status).toBe('归档');
    expect(lookup.body.replies[0].text).toContain('经营场所证明');
    const wrong = await requestJson(`${harness.url}/api/v1/cases/lookup?number=${number}&phoneLast4=1234`);
    expect(wrong.status).toBe(404);

    // Every staff action is in the audit log, newest first.
    const audit = await staff.get<{ entries: Array<{ action: string; target?: string }> }>(
      '/api/v1/staff/audit',
    );
    const actions = audit.body.entries
      .filter((entry) => entry.target === number)
      .map((entry) => entry.action);
    for (const action of [
      'case.open',
      'case.view',
      'case.transfer',
      'case.claim',
      'case.reply',
      'case.resolve',
      'case.follow-up',
      'case.archive',
    ]) {
      expect(actions).toContain(action);
    }
    await citizen.close();
  });

  it('keeps a staff reply for a citizen who is away and delivers it when they come back', async () => {
    const first = await ChatClient.open(harness.url, 'citizen-away-000001');
    first.send({ type: 'hello' });
    await first.ask('社保卡丢了怎么补办');
    first.send({ type: 'escalate', category: '咨询转人工', consent: true });
    const number = ((await first.next((event) => event.type === 'case_opened')).case as { number: string })
      .number;
    expect(number).toMatch(/^ZX/);
    await first.close();

    const staff = new StaffClient(harness.url);
    await staff.login(ADMIN.username, ADMIN.password);
    const reply = await staff.post<{ delivered: boolean }>(`/api/v1/staff/cases/${number}/reply`, {
      text: '补办可在社会民生专区办理，当场制卡。',
    });
    expect(reply.body.delivered).toBe(false);

    const back = await ChatClient.open(harness.url, 'citizen-away-000001');
    back.send({ type: 'welcome_back' });
    const history = await back.next((event) => event.type === 'history');
    expect(
      (history.messages as Array<{ text: string }>).some((message) => message.text === '社保卡丢了怎么补办'),
    ).toBe(true);
    const kept = await back.next(isStaffMessage);
    expect(kept.text).toContain('当场制卡');
    await back.close();

    // Delivered once: a later return does not repeat it.
    const again = await ChatClient.open(harness.url, 'citizen-away-000001');
    again.send({ type: 'welcome_back' });
    await again.next((event) => event.type === 'history');
    again.send({ type: 'message', text: '谢谢', clientId: 'away-thanks-1' });
    await again.next((event) => event.type === 'ack');
    expect(again.all.filter(isStaffMessage)).toHaveLength(0);
    await again.close();
  });

  it('opens a case over HTTP and refuses a phone without consent', async () => {
    const ask = await requestJson<{ sessionId: string }>(`${harness.url}/api/v1/ask`, {
      body: { question: '我要投诉窗口态度不好' },
    });
    expect(ask.status).toBe(200);
    const sessionId = ask.body.sessionId;
    const refused = await requestJson(`${harness.url}/api/v1/cases`, {
      body: { sessionId, category: '投诉', phone: '13900001111', consent: false },
    });
    expect(refused.status).toBe(400);
    const opened = await requestJson<{ number: string; deadline: string }>(`${harness.url}/api/v1/cases`, {
      body: { sessionId, category: '投诉', phone: '13900001111', consent: true },
    });
    expect([200, 201]).toContain(opened.status);
    expect(opened.body.number).toMatch(/^TS\d{8}-\d{4}-[A-Z][A-Z2-9]{3}$/);
    expect(opened.body.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('publishes a staff answer as knowledge that the next question finds, without a restart', async () => {
    const staff = new StaffClient(harness.url);
    await staff.login(ADMIN.username, ADMIN.password);
    const question = '大厅的自助复印机在哪里';
    const answerText = '自助复印机在一楼大厅东侧综合咨询台旁，可免费复印办事材料。';
    const before = await requestJson<{ answer: string }>(`${harness.url}/api/v1/ask`, { body: { question } });
    expect(before.body.answer).not.toContain('综合咨询台旁');
    const published = await staff.post(`/api/v1/staff/knowledge`, { question, answer: answerText });
    expect(published.status).toBe(201);
    const asked = await requestJson<{ answer: string }>(`${harness.url}/api/v1/ask`, { body: { question } });
    expect(asked.body.answer).toContain('综合咨询台旁');
  });
});
