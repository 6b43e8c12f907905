/**
 * The citizen's side of the hand-over in real Chromium against the mock server: a typed complaint
 * asks for consent; declining opens no case and tells where the 办不成事 window is; consenting without
 * a phone gives a case number and a one-time lookup code; the queue and staff status lines, 已送达
 * 工作人员, staff typing and the staff reply reach the citizen; the lookup works with number + code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { ask, openWidget, startWidgetMock, visitorOf, type WidgetMock } from '../helpers/widget-mock.ts';

let mock: WidgetMock;
let browser: BrowserSession;

beforeAll(async () => {
  mock = await startWidgetMock();
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await mock?.close();
});

describe('hand-over in the widget', () => {
  it('asks for consent on a typed complaint, and declining opens no case', async () => {
    const { page } = browser;
    await openWidget(page, `${mock.url}/`);
    await ask(page, '窗口人员态度很差，我要投诉');
    const form = page.getByRole('form', { name: '转人工服务' });
    await form.waitFor();
    await expect.poll(() => form.textContent()).toContain('您与智能导办的全部对话');
    await expect.poll(() => form.textContent()).toContain('预计 15 分钟内回复');
    expect(await form.getByRole('radio', { name: '投诉建议' }).isChecked()).toBe(true);
    expect(await seriousAxeFindings(page)).toEqual([]);
    // A phone needs consent; an invalid one is refused.
    await form.getByLabel('联系电话', { exact: true }).fill('12345');
    await form.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('11位手机号码');
    await form.getByLabel('联系电话', { exact: true }).fill('');
    await form.getByRole('button', { name: '提交' }).click();
    await expect
      .poll(() => page.locator('daoban-widget .from-system').last().textContent())
      .toContain('办不成事');
    const user = await visitorOf(page);
    expect(mock.control.caseOf(user)).toBeUndefined();
    expect(await page.locator('daoban-widget .case-number').count()).toBe(0);
  });

  it('with consent and no phone gives the case number and a lookup code to write down', async () => {
    const { page } = browser;
    await page.getByRole('toolbar', { name: '更多服务' }).getByRole('button', { name: '转人工' }).click();
    const form = page.getByRole('form', { name: '转人工服务' });
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: '提交' }).click();
    const confirmation = page.locator('daoban-widget [data-case]').last();
    await confirmation.waitFor();
    const number = String(mock.control.caseOf(await visitorOf(page))?.number);
    expect(await confirmation.locator('.case-number').textContent()).toBe(number);
    expect(await confirmation.locator('.lookup-code').textContent()).toBe('K7P3QX');
    expect(await confirmation.textContent()).toContain('请抄下');
    expect(await confirmation.textContent()).not.toContain('手机号后四位');
    await expect
      .poll(() => page.locator('daoban-widget .mode-status').textContent())
      .toBe('已转给工作人员，排队第2位，预计 15 分钟内回复');
  });

  it('sends the next message to staff, with no bot answer, and shows the staff side live', async () => {
    const { page } = browser;
    const user = await visitorOf(page);
    const answers = await page.locator('daoban-widget .from-bot').count();
    // While staff have the case, they are told the citizen is typing.
    expect(mock.control.citizenTyping()).toBe(0);
    await page.getByRole('textbox', { name: '输入您的问题' }).pressSequentially('我明天');
    await expect.poll(() => mock.control.citizenTyping()).toBeGreaterThan(0);
    await ask(page, '我明天上午能过去吗？');
    const mine = page.locator('daoban-widget .from-citizen').last();
    await expect.poll(() => mine.locator('.delivery').textContent()).toBe('已送达工作人员');
    expect(mock.control.messages(user).at(-1)?.text).toBe('我明天上午能过去吗？');
    mock.control.staffTyping(user);
    const staffTyping = page.locator('daoban-widget .staff-typing');
    await expect.poll(() => staffTyping.textContent()).toBe('工作人员正在输入…');
    expect(await page.locator('daoban-widget .typing').isVisible()).toBe(false);
    const number = String(mock.control.caseOf(user)?.number);
    await fetch(`${mock.url}/api/v1/staff/cases/${number}/reply`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: '可以，上午9点后到二楼办不成事窗口。' }),
    });
    await page.locator('daoban-widget .from-staff').waitFor();
    await expect.poll(() => page.locator('daoban-widget .mode-status').textContent()).toBe('工作人员已接手');
    expect(await staffTyping.textContent()).toBe('');
    expect(await page.locator('daoban-widget .from-bot').count()).toBe(answers);
    // Handed back to the assistant: the status line goes and it answers again.
    mock.control.setMode(user, 'bot');
    await expect.poll(() => page.locator('daoban-widget .mode-status').isVisible()).toBe(false);
    await ask(page, '开饭店要什么材料');
    await page.locator('daoban-widget .from-bot').nth(answers).waitFor();
    expect(await page.locator('daoban-widget .from-citizen').last().locator('.delivery').count()).toBe(0);
  });

  it('looks the case up with number and code from the address the kiosk QR code leads to', async () => {
    const { page } = browser;
    const number = String(mock.control.caseOf(await visitorOf(page))?.number);
    await page.goto(`${mock.url}/?case=${number}&code=K7P3QX`);
    const form = page.getByRole('form', { name: '查询办理进度' });
    await form.waitFor();
    expect(await form.getByLabel('件号').inputValue()).toBe(number);
    expect(await form.getByLabel('手机号后四位或查询码').inputValue()).toBe('K7P3QX');
    await form.getByLabel('手机号后四位或查询码').fill('ABCDEF');
    await form.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('未查到');
    await form.getByLabel('手机号后四位或查询码').fill('k7p3qx');
    await form.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => form.locator('.lookup-result').textContent()).toContain(number);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});
