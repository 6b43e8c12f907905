/**
 * An open case view follows the conversation live, in Chromium against the real server: a
 * colleague's reply appears without a reload (once, by message id); with the hand-over's
 * conversation modes, the citizen's next message appears too, "群众正在输入…" shows on the citizen's
 * typing, staff can settle the case's 事项 among the candidates, and 交还智能导办 gives the
 * conversation back to the bot. The hand-over parts run only against a server that reports the
 * conversation's `mode` in its case views (the contract of issue 10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { STAFF_PASSWORD, STAFF_USERNAME, startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { citizenWithCase, signInToConsole } from '../helpers/console-session.ts';
import { StaffClient } from '../helpers/server-clients.ts';
import type { ChatClient } from '../helpers/server-clients.ts';

const COLLEAGUE_REPLY = '您好，我是综合窗口的工作人员，正在为您核实。';
const CITIZEN_FOLLOW_UP = '好的，那我几点去合适？';

let server: TestServer;
let staff: BrowserSession;
let citizen: ChatClient;
let colleague: StaffClient;
let number = '';
let handover = false;

interface CaseView {
  mode?: string | null;
  topic?: { itemId: string; itemName?: string } | null;
  topicCandidates?: { id: string; name: string }[];
}

const caseView = async (): Promise<CaseView> =>
  (await colleague.get<{ case: CaseView }>(`/api/v1/staff/cases/${number}`)).body.case;

beforeAll(async () => {
  server = await startTestServer();
  staff = await openBrowser({ viewport: { width: 1366, height: 1000 } });
  ({ citizen, number } = await citizenWithCase(server.url, 'console-live-case-01', '营业执照怎么办'));
  colleague = new StaffClient(server.url);
  await colleague.login(STAFF_USERNAME, STAFF_PASSWORD);
  handover = 'mode' in (await caseView());
});

afterAll(async () => {
  await citizen?.close();
  await staff?.close();
  await server?.close();
});

const transcript = () => staff.page.getByRole('list', { name: '对话记录' });

describe('live case view', () => {
  it('shows a colleague’s reply without a reload, once', async () => {
    const { page } = staff;
    await signInToConsole(page, server.url);
    await page.locator(`tr[data-case="${number}"]`).getByRole('link', { name: number }).click();
    await page.getByRole('heading', { name: `工单 ${number}` }).waitFor();
    expect(await transcript().getAttribute('tabindex')).toBe('0');

    const sent = await colleague.post<{ messageId: number }>(`/api/v1/staff/cases/${number}/reply`, {
      text: COLLEAGUE_REPLY,
    });
    expect(sent.status).toBe(201);
    const line = transcript().locator(`li[data-message="${sent.body.messageId}"]`);
    await line.waitFor();
    expect(await line.textContent()).toContain(COLLEAGUE_REPLY);
    // The reply moved the case to 办理中; the facts follow.
    await expect.poll(() => page.locator('.case-facts').textContent()).toContain('办理中');
    expect(await transcript().locator('li', { hasText: COLLEAGUE_REPLY }).count()).toBe(1);
  });

  it('shows the citizen’s typing and next message live', async (context) => {
    if (!handover) return context.skip();
    const { page } = staff;
    citizen.send({ type: 'typing' });
    await expect.poll(() => page.locator('.typing').textContent()).toBe('群众正在输入…');
    citizen.send({ type: 'message', text: CITIZEN_FOLLOW_UP });
    await transcript().locator('li.from-citizen', { hasText: CITIZEN_FOLLOW_UP }).waitFor();
    await expect.poll(() => page.locator('.typing').textContent()).toBe('');
  });

  it('lets staff settle the case’s 事项 among the candidates', async (context) => {
    if (!handover) return context.skip();
    const { page } = staff;
    const view = await caseView();
    const facts = page.locator('.case-facts div', { hasText: '事项' });
    expect(await facts.locator('dd').textContent()).toBe(view.topic ? (view.topic.itemName ?? '') : '未确定');
    const select = page.getByLabel('更改事项');
    const options = await select
      .locator('option')
      .evaluateAll((elements) => elements.map((element) => (element as HTMLOptionElement).value));
    expect(options).toEqual([
      '',
      ...new Set([
        ...(view.topic ? [view.topic.itemId] : []),
        ...(view.topicCandidates ?? []).map((c) => c.id),
      ]),
    ]);
    const next = options.find((value) => value !== (view.topic?.itemId ?? ''))!;
    await select.selectOption(next);
    await page.getByRole('button', { name: '保存事项' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('事项已更新');
    const changed = await caseView();
    expect(changed.topic?.itemId ?? '').toBe(next);
    expect(await facts.locator('dd').textContent()).not.toBe(
      view.topic ? (view.topic.itemName ?? '') : '未确定',
    );
    expect(await seriousAxeFindings(page)).toEqual([]);
    await saveScreenshot(page, 'console-live-case');
  });

  it('交还智能导办 gives the conversation back to the bot', async (context) => {
    if (!handover) return context.skip();
    const { page } = staff;
    expect(['waiting', 'staff']).toContain((await caseView()).mode);
    await page.getByRole('button', { name: '交还智能导办' }).click();
    const mode = await citizen.next((event) => event.type === 'mode' && event.mode === 'bot');
    expect(mode.mode).toBe('bot');
    await expect.poll(() => page.getByRole('button', { name: '交还智能导办' }).count()).toBe(0);
    expect(['bot', null]).toContain((await caseView()).mode);
  });
});
