/**
 * The analytics page in Chromium against the real server: a date range (近30天 by default, 近7天,
 * 本月, 自定义) drives the figures and every CSV link; the weekly 首问负责 / 限时办结 figures show a
 * case that staff answered and concluded; a range without cases says so; no serious accessibility
 * finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { STAFF_PASSWORD, STAFF_USERNAME, startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { citizenWithCase, signInToConsole } from '../helpers/console-session.ts';
import { StaffClient } from '../helpers/server-clients.ts';

let server: TestServer;
let staff: BrowserSession;
/** The hall's today, as the server's default range ends on it. */
let today = '';

const daysBefore = (date: string, days: number) => {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
};

beforeAll(async () => {
  server = await startTestServer();
  staff = await openBrowser({ viewport: { width: 1366, height: 1000 } });
  // One case answered and concluded by staff today.
  const { citizen, number } = await citizenWithCase(server.url, 'console-stats-0001', '营业执照怎么办');
  const api = new StaffClient(server.url);
  await api.login(STAFF_USERNAME, STAFF_PASSWORD);
  expect((await api.post(`/api/v1/staff/cases/${number}/reply`, { text: '已收到，马上处理。' })).status).toBe(
    201,
  );
  expect((await api.post(`/api/v1/staff/cases/${number}/resolve`, { note: '已办结' })).status).toBe(200);
  const report = await api.get<{ range: { to: string } }>('/api/v1/staff/analytics');
  today = report.body.range.to;
  await citizen.close();
});

afterAll(async () => {
  await staff?.close();
  await server?.close();
});

const csvHrefs = () =>
  staff.page
    .locator('a[href^="/api/v1/staff/analytics.csv"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));

async function expectRange(from: string, to: string): Promise<void> {
  const { page } = staff;
  await expect.poll(() => page.locator('#range-shown').textContent()).toBe(`统计时段：${from} 至 ${to}`);
  expect(await page.getByLabel('开始日期').inputValue()).toBe(from);
  expect(await page.getByLabel('结束日期').inputValue()).toBe(to);
  const hrefs = await csvHrefs();
  expect(hrefs.length).toBeGreaterThanOrEqual(6);
  for (const href of hrefs) expect(href).toContain(`from=${from}&to=${to}`);
}

describe('analytics with a date range', () => {
  it('shows the last 30 days with the weekly 首问负责 and 限时办结 figures', async () => {
    const { page } = staff;
    await signInToConsole(page, server.url);
    await page.getByRole('link', { name: '统计分析' }).click();
    expect(await page.getByRole('combobox', { name: '统计时段' }).inputValue()).toBe('30');
    await expectRange(daysBefore(today, 29), today);
    const week = page.locator('table.weekly tbody tr').last();
    await week.waitFor();
    const cells = await week.locator('th, td').allTextContents();
    expect(cells[1]).toBe('1');
    expect(cells[2]).toMatch(/分钟|小时/);
    expect(cells[3]).toMatch(/小时|天/);
    expect(cells.slice(4)).toEqual(['100.0%', '100.0%', '100.0%']);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await saveScreenshot(page, 'console-analytics-weekly');
  });

  it('applies 近7天 and 本月 to the figures and the exports', async () => {
    const { page } = staff;
    await page.getByRole('combobox', { name: '统计时段' }).selectOption('7');
    await expectRange(daysBefore(today, 6), today);
    await page.getByRole('combobox', { name: '统计时段' }).selectOption('month');
    await expectRange(`${today.slice(0, 8)}01`, today);
  });

  it('a custom range without cases says so, and its export has the header only', async () => {
    const { page } = staff;
    await page.getByLabel('开始日期').fill('2020-01-01');
    await page.getByLabel('结束日期').fill('2020-01-31');
    await page.getByRole('button', { name: '查询' }).click();
    await expectRange('2020-01-01', '2020-01-31');
    expect(await page.getByRole('combobox', { name: '统计时段' }).inputValue()).toBe('custom');
    await page.getByText('本时段没有新建工单。').waitFor();
    const weekly = await page.getByRole('link', { name: '导出周报CSV' }).getAttribute('href');
    const response = await page.request.get(`${server.url}${weekly}`);
    expect(response.status()).toBe(200);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines).toHaveLength(1);

    await page.getByLabel('开始日期').fill('2020-02-01');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('.range .error').textContent()).toContain('不能晚于');
  });
});
