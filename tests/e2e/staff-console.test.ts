/**
 * The staff side, end to end in real Chromium against the real server: a citizen asks for a person in
 * the widget, a staff member logs into the console, finds the case, reads the transcript (a script
 * payload shows as text), replies, and the reply appears live in the citizen's widget; the citizen
 * then rates the service and the rating reaches the console.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { STAFF_PASSWORD, STAFF_USERNAME, startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';

const XSS = '<img src=x onerror="window.__daobanXss=1">我的营业执照办不下来';
const STAFF_REPLY = '您好，您反映的问题已收到，请明天上午到一楼A05窗口找王工办理。';

let server: TestServer;
let citizen: BrowserSession;
let staff: BrowserSession;
let caseNumber = '';

beforeAll(async () => {
  server = await startTestServer();
  [citizen, staff] = await Promise.all([
    openBrowser(),
    openBrowser({ viewport: { width: 1366, height: 900 } }),
  ]);
});

afterAll(async () => {
  await Promise.all([citizen?.close(), staff?.close()]);
  await server?.close();
});

describe('staff console with a live citizen', () => {
  it('the citizen describes a problem and asks for a person', async () => {
    const { page } = citizen;
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: '在线导办' }).click();
    const input = page.getByRole('textbox', { name: '输入您的问题' });
    await input.fill(XSS);
    await input.press('Enter');
    await page.locator('daoban-widget .from-citizen').first().waitFor();
    // Wait for the assistant's answer, which comes after the citizen's message.
    await page.locator('daoban-widget .from-citizen ~ .from-bot').first().waitFor();
    await page.getByRole('toolbar', { name: '更多服务' }).getByRole('button', { name: '办不成事' }).click();
    const form = page.getByRole('form', { name: '转人工服务' });
    await form.getByLabel('联系电话', { exact: true }).fill('13912345678');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: '提交' }).click();
    const number = page.locator('daoban-widget .case-number').last();
    await number.waitFor();
    caseNumber = String(await number.textContent()).trim();
    expect(caseNumber).not.toBe('');
  });

  it('a staff member logs in, finds the case and sees the transcript as text', async () => {
    const { page } = staff;
    await page.goto(`${server.url}/console`);
    await page.getByLabel('用户名').fill(STAFF_USERNAME);
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('不正确');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByLabel('密码').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '工单队列' }).waitFor();
    await page.getByRole('searchbox', { name: '搜索工单' }).fill(caseNumber);
    const row = page.locator(`tr[data-case="${caseNumber}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('办不成事反映');
    expect(await row.locator('.countdown').textContent()).toMatch(/工作日|今天到期/);
    await saveScreenshot(page, 'console-queue');
    await row.getByRole('link', { name: caseNumber }).click();
    await page.getByRole('heading', { name: `工单 ${caseNumber}` }).waitFor();
    const transcript = page.getByRole('list', { name: '对话记录' });
    await expect.poll(() => transcript.textContent()).toContain('onerror');
    expect(await transcript.locator('img').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __daobanXss?: number }).__daobanXss),
    ).toBeUndefined();
    // The phone number is masked in the case facts.
    expect(await page.locator('.case-facts').textContent()).not.toContain('13912345678');
  });

  it('the staff reply appears live in the citizen widget', async () => {
    const { page } = staff;
    await page.getByRole('textbox', { name: '回复群众' }).fill(STAFF_REPLY);
    await page.getByRole('button', { name: '发送回复' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('回复已发送');
    await expect
      .poll(() => page.getByRole('list', { name: '对话记录' }).textContent())
      .toContain(STAFF_REPLY);
    await saveScreenshot(page, 'console-case');
    const staffMessage = citizen.page.locator('daoban-widget .from-staff .text').last();
    await expect.poll(() => staffMessage.textContent(), { timeout: 10_000 }).toBe(STAFF_REPLY);
    await saveScreenshot(citizen.page, 'widget-staff-reply');
  });

  it('the citizen rates the service and staff see the rating', async () => {
    const { page } = citizen;
    await page.getByRole('toolbar', { name: '更多服务' }).getByRole('button', { name: '结束并评价' }).click();
    const rating = page.getByRole('group', { name: '请对本次服务作出评价：' });
    await page.getByLabel('评价意见（选填）').fill('回复很及时');
    await rating.getByRole('button', { name: '满意', exact: true }).click();
    await expect
      .poll(() => page.locator('daoban-widget .rating-thanks').last().textContent())
      .toContain('感谢您的评价（满意）');

    await staff.page.getByRole('link', { name: '好差评' }).click();
    await staff.page.getByRole('heading', { name: '好差评' }).waitFor();
    await expect.poll(() => staff.page.locator('table').textContent(), { timeout: 10_000 }).toContain('满意');
    expect(await seriousAxeFindings(staff.page)).toEqual([]);
  });

  it('shows the analytics dashboard with charts and CSV export', async () => {
    const { page } = staff;
    await page.getByRole('link', { name: '统计分析' }).click();
    await page.getByRole('img', { name: '每日咨询量' }).waitFor();
    expect(await page.locator('svg.chart rect.bar').count()).toBeGreaterThan(0);
    const csv = await page.getByRole('link', { name: '导出CSV' }).first().getAttribute('href');
    const response = await page.request.get(`${server.url}${csv}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('csv');
    await saveScreenshot(page, 'console-analytics');
  });
});
