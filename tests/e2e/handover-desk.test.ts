/**
 * The hand-over desk end to end, in two Chromium profiles against the real server: a citizen in the
 * website widget and a staff member in the console. A typed complaint asks for consent; declined,
 * no case exists; with consent the case appears live in the console with its topic; the citizen's
 * next message reaches staff and gets no bot answer; staff typing and the reply reach the citizen;
 * staff hand back and the bot answers again; only the allowed actions are offered and the API
 * refuses others; a reply turned into knowledge is found by a rewording; the kiosk shows the case
 * number and a QR code. axe finds nothing serious on the pages on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from '../helpers/browser.ts';
import {
  startTestServer,
  STAFF_PASSWORD,
  STAFF_USERNAME,
  type TestServer,
} from '../helpers/browser-server.ts';
import { signInToConsole } from '../helpers/console-session.ts';
import { StaffClient, requestJson } from '../helpers/server-clients.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';

let server: TestServer;
let citizen: BrowserSession;
let staff: BrowserSession;
let api: StaffClient;
let number = '';

const widget = (page: Page, selector: string) => page.locator(`daoban-widget ${selector}`);

async function ask(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: '输入您的问题' });
  await input.fill(text);
  await input.press('Enter');
}

async function caseCount(): Promise<number> {
  const list = await api.get<{ cases: unknown[] }>('/api/v1/staff/cases?status=all');
  return list.body.cases.length;
}

beforeAll(async () => {
  server = await startTestServer();
  citizen = await openBrowser();
  staff = await openBrowser();
  api = new StaffClient(server.url);
  expect((await api.login(STAFF_USERNAME, STAFF_PASSWORD)).status).toBe(200);
});

afterAll(async () => {
  await citizen?.close();
  await staff?.close();
  await server?.close();
});

describe('the hand-over desk, citizen and staff side by side', () => {
  it('asks for consent on a typed complaint and opens nothing without it', async () => {
    await signInToConsole(staff.page, server.url);
    const { page } = citizen;
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: '在线导办' }).click();
    await page.getByRole('dialog').waitFor();
    await ask(page, '社保卡丢了怎么补办');
    await widget(page, '.from-bot').nth(1).waitFor();
    await ask(page, '窗口说我的材料不全，已经跑了好几趟还是办不了，我要投诉');
    const form = page.getByRole('form', { name: '转人工服务' });
    await form.waitFor();
    await expect.poll(() => form.textContent()).toContain('全部对话');
    expect(await seriousAxeFindings(page)).toEqual([]);

    const before = await caseCount();
    await form.getByRole('button', { name: '提交' }).click();
    await expect
      .poll(() => widget(page, '.from-system').last().textContent())
      .toContain('不会把对话转给工作人员');
    expect(await caseCount()).toBe(before);
  });

  it('opens the case with consent; it appears live in the console with its topic', async () => {
    const { page } = citizen;
    await page.getByRole('toolbar', { name: '更多服务' }).getByRole('button', { name: '转人工' }).click();
    const form = page.getByRole('form', { name: '转人工服务' });
    await form.getByRole('radio', { name: '投诉建议' }).check();
    await form.getByLabel('联系电话', { exact: true }).fill('13912345678');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: '提交' }).click();
    const confirmation = widget(page, '[data-case]').last();
    await confirmation.waitFor();
    number = (await confirmation.locator('.case-number').textContent()) ?? '';
    expect(number).toMatch(/^TS\d{8}-\d{4}-/);
    expect(await confirmation.textContent()).toContain('手机号后四位');
    await expect.poll(() => widget(page, '.mode-status').textContent()).toContain('排队第1位');

    // The console shows it without a reload, with the item the citizen was asking about.
    const row = staff.page.locator(`tr[data-case="${number}"]`);
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('社会保障卡挂失与补换');
    expect(await seriousAxeFindings(staff.page)).toEqual([]);
  });

  it('sends the citizen’s next message to staff with no bot answer; typing and the reply come back', async () => {
    const { page } = citizen;
    await staff.page.locator(`tr[data-case="${number}"]`).getByRole('link', { name: number }).click();
    await staff.page.getByRole('heading', { name: `工单 ${number}` }).waitFor();
    const transcript = staff.page.getByRole('list', { name: '对话记录' });

    const botAnswers = await widget(page, '.from-bot').count();
    await ask(page, '我明天上午能过去吗？');
    await transcript.locator('li.from-citizen', { hasText: '我明天上午能过去吗' }).waitFor();
    await expect
      .poll(() => widget(page, '.from-citizen').last().locator('.delivery').textContent())
      .toBe('已送达工作人员');

    await staff.page.locator('#reply-text').pressSequentially('可以，上午九点后', { delay: 20 });
    await expect.poll(() => widget(page, '.staff-typing').textContent()).toBe('工作人员正在输入…');
    await staff.page
      .locator('#reply-text')
      .fill('可以，上午九点后到二楼社会民生专区C01窗口，带上身份证即可补办社保卡。');
    await staff.page.getByRole('button', { name: '发送回复' }).click();
    await expect.poll(() => widget(page, '.from-staff').last().textContent()).toContain('C01窗口');
    await expect.poll(() => widget(page, '.mode-status').textContent()).toBe('工作人员已接手');

    await ask(page, '好的，那我几点去合适？');
    await transcript.locator('li.from-citizen', { hasText: '几点去合适' }).waitFor();
    expect(await widget(page, '.from-bot').count()).toBe(botAnswers);
    expect(await seriousAxeFindings(staff.page)).toEqual([]);
  });

  it('offers only the allowed actions, and the API refuses the others', async () => {
    const detail = await api.get<{ case: { status: string; actions: string[] } }>(
      `/api/v1/staff/cases/${number}`,
    );
    expect(detail.body.case.status).toBe('办理中');
    const shown = await staff.page
      .locator('[data-action]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-action')));
    expect([...new Set(shown)].sort()).toEqual([...detail.body.case.actions].sort());
    expect(shown).not.toContain('archive');
    expect((await api.post(`/api/v1/staff/cases/${number}/archive`)).status).toBe(409);
  });

  it('hands the conversation back to the bot, which answers again', async () => {
    const { page } = citizen;
    await staff.page.getByRole('button', { name: '交还智能导办' }).click();
    await expect.poll(() => widget(page, '.mode-status').isVisible()).toBe(false);
    const botAnswers = await widget(page, '.from-bot').count();
    await ask(page, '补办社保卡要带什么材料');
    await widget(page, '.from-bot').nth(botAnswers).waitFor();
    await expect.poll(() => widget(page, '.from-bot').last().textContent()).toContain('社会保障卡');
  });

  it('turns the staff reply into knowledge that a rewording finds', async () => {
    await staff.page.getByRole('button', { name: '将这条答复转为知识' }).first().click();
    const form = staff.page.getByRole('form', { name: '新建知识' });
    await form.waitFor();
    // The citizen's question straight before the reply is its example; not the earlier ones.
    const examples = form.getByRole('textbox', { name: '例句' });
    expect(await examples.count()).toBe(1);
    expect(await examples.first().inputValue()).toBe('我明天上午能过去吗？');
    await form.getByRole('button', { name: '发布到知识库' }).click();
    await staff.page.locator('.knowledge-entry').filter({ hasText: '我明天上午能过去吗' }).waitFor();
    const asked = await requestJson<{ answer: string }>(`${server.url}/api/v1/ask`, {
      body: { question: '明天早上过去可以吗' },
    });
    expect(asked.body.answer).toContain('C01窗口');
  });

  it('shows the case number and a QR code on the kiosk', async () => {
    const kiosk = await openBrowser({ viewport: { width: 1080, height: 1920 } });
    try {
      const { page } = kiosk;
      await page.goto(`${server.url}/kiosk`);
      await page.getByRole('button', { name: '找工作人员' }).first().click();
      await page.getByRole('checkbox', { name: '我同意把以上内容交给工作人员处理' }).check();
      await page.getByRole('button', { name: '提交' }).click();
      const shown = page.locator('.case-number');
      await shown.waitFor();
      expect(await shown.textContent()).toMatch(/^ZX\d{8}-\d{4}-/);
      expect(await page.locator('.case-qr-block svg').count()).toBe(1);
      expect(await seriousAxeFindings(page)).toEqual([]);
    } finally {
      await kiosk.close();
    }
  });
});
