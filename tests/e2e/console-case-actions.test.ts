/**
 * A case through its whole life in the console, in Chromium against the real server: at every
 * status the 办理 panel offers exactly the actions the server lists for the case (受理 → 办理中 →
 * 转办 → 退回 with its required reason → 办结 → 回访 → 归档); staff typing reaches the citizen's chat;
 * the reply shows once in the transcript although it also comes back on the live channel; a
 * concluded case shows no deadline colour; the queue's filters (state, category, staff member,
 * overdue, zone) find it or not; the case view has no serious accessibility finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { STAFF_USERNAME, startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { citizenWithCase, signInToConsole } from '../helpers/console-session.ts';
import type { ChatClient } from '../helpers/server-clients.ts';

const REPLY = '您好，请携带身份证原件到二楼B03窗口补交材料。';

let server: TestServer;
let staff: BrowserSession;
let citizen: ChatClient;
let number = '';

beforeAll(async () => {
  server = await startTestServer();
  staff = await openBrowser({ viewport: { width: 1366, height: 1000 } });
});

afterAll(async () => {
  await citizen?.close();
  await staff?.close();
  await server?.close();
});

/** The actions the server allows now, read as the console reads them. */
async function serverActions(): Promise<string[]> {
  const response = await staff.page.request.get(`${server.url}/api/v1/staff/cases/${number}`);
  return ((await response.json()) as { case: { actions: string[] } }).case.actions;
}

const shownActions = () =>
  staff.page
    .locator('[data-action]:visible')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-action') ?? ''))
    .then((actions) => actions.sort());

async function expectStatus(status: string, actions: string[]): Promise<void> {
  const facts = staff.page.locator('.case-facts');
  await expect.poll(() => facts.locator('div', { hasText: '状态' }).first().textContent()).toContain(status);
  expect(await serverActions()).toEqual(actions);
  // The reply box sits under the transcript, the others in the panel: compared as sets.
  await expect.poll(shownActions).toEqual([...actions].sort());
}

describe('case actions that fit the state', () => {
  it('offers claim, reply and 分办 for a new case', async () => {
    ({ citizen, number } = await citizenWithCase(server.url, 'console-case-0001', '营业执照怎么办'));
    const { page } = staff;
    await signInToConsole(page, server.url);
    await page.locator(`tr[data-case="${number}"]`).getByRole('link', { name: number }).click();
    await page.getByRole('heading', { name: `工单 ${number}` }).waitFor();
    await expectStatus('受理', ['claim', 'reply', 'transfer']);
    const panel = page.getByRole('region', { name: '办理' });
    expect(await panel.getByRole('button', { name: '分办', exact: true }).count()).toBe(1);
    for (const absent of ['办结', '归档', '退回', '记录回访']) {
      expect(await panel.getByRole('button', { name: absent, exact: true }).count()).toBe(0);
    }
  });

  it('tells the citizen that staff are typing, and shows the reply once', async () => {
    const { page } = staff;
    const box = page.getByRole('textbox', { name: '回复群众' });
    await box.pressSequentially(REPLY);
    const typing = await citizen.next((event) => event.type === 'typing' && event.from === 'staff');
    expect(typing).toBeTruthy();
    // Far fewer signals than keystrokes: the console paces them.
    expect(
      citizen.all.filter((event) => event.type === 'typing' && event.from === 'staff').length,
    ).toBeLessThan(REPLY.length / 2);
    await page.getByRole('button', { name: '发送回复' }).click();
    const delivered = await citizen.next((event) => event.type === 'message' && event.from === 'staff');
    expect(delivered.text).toBe(REPLY);
    await expectStatus('办理中', ['reply', 'transfer', 'resolve']);
  });

  it('转办 and 退回 with a required reason', async () => {
    const { page } = staff;
    const panel = page.getByRole('region', { name: '办理' });
    await panel.getByLabel('转办到部门').selectOption('税务局');
    await panel.getByRole('button', { name: '转办', exact: true }).click();
    await expectStatus('分办', ['claim', 'reply', 'transfer', 'return']);
    expect(await page.locator('.case-facts').textContent()).toContain('税务局');

    await panel.getByRole('button', { name: '退回', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('请填写退回原因');
    expect(await serverActions()).toEqual(['claim', 'reply', 'transfer', 'return']);
    await panel.getByLabel('退回综合窗口').fill('不属于本部门职责');
    await panel.getByRole('button', { name: '退回', exact: true }).click();
    await expectStatus('受理', ['claim', 'reply', 'transfer']);
    expect(await page.locator('.history').textContent()).toContain('不属于本部门职责');
  });

  it('办结 hides the reply box and the deadline colour; 回访 and 归档 follow', async () => {
    const { page } = staff;
    const panel = page.getByRole('region', { name: '办理' });
    await panel.getByRole('button', { name: '认领', exact: true }).click();
    await expectStatus('办理中', ['reply', 'transfer', 'resolve']);
    await panel.locator('#resolve-note').fill('已指导群众补交材料，当场办结。');
    await panel.getByRole('button', { name: '办结', exact: true }).click();
    await expectStatus('办结', ['follow-up']);
    expect(await page.getByRole('form', { name: '回复群众' }).count()).toBe(0);
    const deadline = page.locator('.case-facts div', { hasText: '办理时限' });
    expect(await deadline.textContent()).not.toMatch(/工作日|今天到期/);
    expect(await deadline.getAttribute('class')).toBeFalsy();

    // The follow-up form's rating select is labelled and the transcript is reachable by keyboard.
    expect(await panel.getByLabel('群众评价').count()).toBe(1);
    await page.getByRole('list', { name: '对话记录' }).focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('对话记录');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await saveScreenshot(page, 'console-case-concluded');

    await panel.locator('#follow-result').fill('群众表示满意');
    await panel.getByLabel('群众评价').selectOption('满意');
    await panel.getByRole('button', { name: '记录回访' }).click();
    await expectStatus('回访', ['archive']);
    await panel.getByRole('button', { name: '归档', exact: true }).click();
    await expectStatus('归档', []);
    expect(await panel.textContent()).toContain('本件已无可办理的操作');

    // The reply came back on the live channel too, and is still shown once.
    const lines = page.getByRole('list', { name: '对话记录' }).locator('li', { hasText: REPLY });
    expect(await lines.count()).toBe(1);
  });

  it('the queue shows open cases by default and filters by state, category, staff, overdue and zone', async () => {
    const { page } = staff;
    const { citizen: other, number: openNumber } = await citizenWithCase(
      server.url,
      'console-case-0002',
      '社保卡怎么补办',
      '投诉',
    );
    await page.getByRole('link', { name: '← 返回工单队列' }).click();
    const row = (case_: string) => page.locator(`tr[data-case="${case_}"]`);
    await row(openNumber).waitFor();
    expect(await page.getByLabel('状态').inputValue()).toBe('open');
    expect(await row(number).count()).toBe(0);

    await page.getByLabel('状态').selectOption('all');
    await row(number).waitFor();
    expect(await row(number).getAttribute('class')).toBe('concluded');
    expect(await row(number).locator('.countdown').textContent()).toBe('归档');

    await page.getByLabel('状态').selectOption('归档');
    await expect.poll(() => row(openNumber).count()).toBe(0);
    expect(await row(number).count()).toBe(1);

    await page.getByLabel('状态').selectOption('all');
    await page.getByLabel('类别').selectOption('投诉');
    await expect.poll(() => row(number).count()).toBe(0);
    expect(await row(openNumber).count()).toBe(1);
    await page.getByLabel('类别').selectOption('');

    await page.getByLabel('承办人').fill(STAFF_USERNAME);
    await expect.poll(() => row(openNumber).count()).toBe(0);
    expect(await row(number).count()).toBe(1);
    await page.getByLabel('承办人').fill('');

    await page.getByLabel('只看超期').check();
    await expect.poll(() => page.locator('tr[data-case]').count()).toBe(0);
    await page.getByLabel('只看超期').uncheck();

    const zones = await page.getByLabel('专区').locator('option').count();
    expect(zones).toBeGreaterThan(1);
    await page.getByLabel('专区').selectOption({ index: 1 });
    await expect.poll(() => page.locator('tr[data-case]').count()).toBe(0);
    await page.getByLabel('专区').selectOption('');
    await row(openNumber).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await other.close();
  });
});
