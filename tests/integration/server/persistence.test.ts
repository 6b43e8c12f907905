/**
 * Nothing acknowledged is lost across a restart: the conversation and its dialogue context, an
 * open case, a staff reply waiting for the citizen, and staff-published knowledge all come back.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN, removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { ChatClient, StaffClient, isStaffMessage, requestJson } from '../../helpers/server-clients.ts';

const running: Harness[] = [];
afterAll(async () => {
  for (const harness of running) await harness.stop();
  removeTemporaryFolders();
});

describe('persistence across a restart', () => {
  it('restores conversations, context, cases, pending staff replies and knowledge', async () => {
    const first = await startHarness();
    running.push(first);
    const user = 'citizen-restart-0001';
    const chat = await ChatClient.open(first.url, user);
    chat.send({ type: 'hello' });
    const answered = await chat.ask('营业执照怎么办理');
    const itemId = (answered.answer as { items: Array<{ id: string }> }).items[0].id;
    chat.send({ type: 'escalate', category: '办不成事反映', phone: '13712345678', consent: true });
    const number = ((await chat.next((event) => event.type === 'case_opened')).case as { number: string })
      .number;
    await chat.close();

    const staff = new StaffClient(first.url);
    await staff.login(ADMIN.username, ADMIN.password);
    await staff.post(`/api/v1/staff/cases/${number}/reply`, { text: '请携带股东身份证明到A02窗口。' });
    await staff.post('/api/v1/staff/knowledge', {
      question: '大厅哪里可以给手机充电',
      answer: '综合咨询台提供免费充电宝，请向工作人员领取。',
    });
    await first.stop();

    const second = await first.restart();
    running.push(second);
    const back = await ChatClient.open(second.url, user);
    back.send({ type: 'welcome_back' });
    const history = (await back.next((event) => event.type === 'history')).messages as Array<{
      role: string;
      text: string;
    }>;
    expect(history.map((message) => message.text)).toContain('营业执照怎么办理');
    expect(history.some((message) => message.role === 'system' && message.text.includes(number))).toBe(true);
    expect((await back.next(isStaffMessage)).text).toContain('A02窗口');

    // The hand-over survived: staff still hold the conversation until they hand it back.
    expect((await back.next((event) => event.type === 'mode')).mode).toBe('staff');
    const staffAgain = new StaffClient(second.url);
    await staffAgain.login(ADMIN.username, ADMIN.password);
    expect((await staffAgain.post(`/api/v1/staff/cases/${number}/hand-back`, {})).status).toBe(200);
    expect((await back.next((event) => event.type === 'mode' && event.mode === 'bot')).mode).toBe('bot');

    // The dialogue state survived: a follow-up is about the same item.
    const followUp = await back.ask('那要带什么材料');
    expect((followUp.answer as { items: Array<{ id: string }> }).items[0].id).toBe(itemId);
    await back.close();

    const lookup = await requestJson<{ status: string }>(
      `${second.url}/api/v1/cases/lookup?number=${number}&phoneLast4=5678`,
    );
    expect(lookup.body.status).toBe('办理中');

    const knowledge = await requestJson<{ answer: string }>(`${second.url}/api/v1/ask`, {
      body: { question: '大厅哪里可以给手机充电' },
    });
    expect(knowledge.body.answer).toContain('充电宝');
  });
});
