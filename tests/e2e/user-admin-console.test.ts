/**
 * 用户管理 in the staff console, in real Chromium against the real server: an administrator creates
 * an account (a department holding markup is shown as text), a weak password is refused with the
 * rule it breaks, and 停用 ends the user's access at once — their API session and their login.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { STAFF_PASSWORD, STAFF_USERNAME, startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';
import { StaffClient } from '../helpers/server-clients.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';

const DEPARTMENT = '<img src=x onerror="window.__daobanXss=1">综合受理';
let server: TestServer;
let browser: BrowserSession;

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('user accounts in the console', () => {
  it('creates, refuses a weak password, and disables an account at once', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/console`);
    await page.getByLabel('用户名').fill(STAFF_USERNAME);
    await page.getByLabel('密码').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '用户管理' }).click();
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByLabel('用户名', { exact: true }).fill('he.ping');
    await page.getByLabel('初始密码').fill('1234567890');
    await page.getByLabel('部门').fill(DEPARTMENT);
    await page.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => page.locator('#users-status').textContent()).toContain('连续顺序');
    await page.getByLabel('初始密码').fill('front-desk-lantern');
    await page.getByRole('button', { name: '创建' }).click();
    const row = page.locator('tr[data-user="he.ping"]');
    await row.waitFor();
    expect(await row.textContent()).toContain(DEPARTMENT);
    expect(await row.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __daobanXss?: number }).__daobanXss)).toBeUndefined();

    const staff = new StaffClient(server.url);
    expect((await staff.login('he.ping', 'front-desk-lantern')).status).toBe(200);
    await row.getByRole('button', { name: '停用' }).click();
    await expect.poll(() => row.locator('.user-state').textContent()).toContain('已停用');
    expect((await staff.get('/api/v1/staff/me')).status).toBe(401);
    expect((await new StaffClient(server.url).login('he.ping', 'front-desk-lantern')).status).toBe(403);

    await row.getByRole('button', { name: '重置密码' }).click();
    await row.getByLabel('he.ping 的新密码').fill('aaaaaaaaaa');
    await row.getByRole('button', { name: '确定重置' }).click();
    await expect.poll(() => page.locator('#users-status').textContent()).toContain('同一个字符');
    await row.getByRole('button', { name: '启用' }).click();
    await expect.poll(() => row.locator('.user-state').textContent()).toBe('启用');
    expect((await new StaffClient(server.url).login('he.ping', 'front-desk-lantern')).status).toBe(200);
  });
});
