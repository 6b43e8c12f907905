/**
 * The live queue in Chromium against the real server: a case a citizen opens (with consent, over the
 * websocket) appears in an open console without a reload, with an unread badge on its row, a total
 * on the 工单 link and in the tab title, and a chime; muting is remembered across a reload; opening
 * the case clears its badge; a case opened while the live channel was down appears once it is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { chimes, citizenWithCase, countChimes, signInToConsole } from '../helpers/console-session.ts';
import type { ChatClient } from '../helpers/server-clients.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';
import type { TcpProxy } from '../helpers/tcp-proxy.ts';

let server: TestServer;
/** The browser talks to the server through it, so the test can cut the live channel. */
let proxy: TcpProxy;
let staff: BrowserSession;
const citizens: ChatClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startTcpProxy(server.url);
  staff = await openBrowser({ viewport: { width: 1366, height: 900 } });
  await countChimes(staff.page);
});

afterAll(async () => {
  await Promise.all(citizens.map((citizen) => citizen.close()));
  await staff?.close();
  await proxy?.close();
  await server?.close();
});

const row = (number: string) => staff.page.locator(`tr[data-case="${number}"]`);
const navBadge = () => staff.page.locator('nav a[href="#/cases"] .badge');

describe('live case queue', () => {
  let first = '';

  it('shows a new case without a reload, with its badge, the total, the title and a chime', async () => {
    const { page } = staff;
    await signInToConsole(page, proxy.url);
    expect(await page.title()).toBe('导办工作台');
    expect(await navBadge().isHidden()).toBe(true);
    const before = await chimes(page);

    const { citizen, number } = await citizenWithCase(server.url, 'console-live-0001', '营业执照怎么办');
    citizens.push(citizen);
    first = number;
    await row(number).waitFor();
    expect(await row(number).textContent()).toContain('办不成事反映');
    await expect.poll(() => row(number).locator('.badge').getAttribute('data-unread')).toBe('1');
    await expect.poll(() => page.title()).toBe('(1) 导办工作台');
    expect(await navBadge().textContent()).toContain('1条未读');
    expect(await chimes(page)).toBeGreaterThan(before);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await saveScreenshot(page, 'console-live-queue');
  });

  it('remembers the mute toggle across a reload and stays silent when muted', async () => {
    const { page } = staff;
    const mute = page.getByRole('button', { name: '静音' });
    expect(await mute.getAttribute('aria-pressed')).toBe('false');
    await mute.click();
    await page.reload();
    await page.getByRole('heading', { name: '工单队列' }).waitFor();
    expect(await page.getByRole('button', { name: '静音' }).getAttribute('aria-pressed')).toBe('true');
    // The unread count survived the reload too.
    await expect.poll(() => page.title()).toBe('(1) 导办工作台');

    const before = await chimes(page);
    const { citizen, number } = await citizenWithCase(server.url, 'console-live-0002', '社保卡怎么补办');
    citizens.push(citizen);
    await row(number).waitFor();
    await expect.poll(() => page.title()).toBe('(2) 导办工作台');
    expect(await chimes(page)).toBe(before);
    await page.getByRole('button', { name: '静音' }).click();
    expect(await page.getByRole('button', { name: '静音' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('clears a case’s badge when staff open it', async () => {
    const { page } = staff;
    await row(first).getByRole('link', { name: first }).click();
    await page.getByRole('heading', { name: `工单 ${first}` }).waitFor();
    await expect.poll(() => page.title()).toBe('(1) 导办工作台');
    await page.getByRole('link', { name: '← 返回工单队列' }).click();
    await row(first).waitFor();
    expect(await row(first).locator('.badge').count()).toBe(0);
  });

  it('reconnects after the live channel drops and shows what it missed', async () => {
    const { page } = staff;
    proxy.drop();
    await expect.poll(() => page.locator('.channel-state').textContent()).toContain('实时连接已中断');
    const { citizen, number } = await citizenWithCase(server.url, 'console-live-0003', '公积金怎么提取');
    citizens.push(citizen);
    proxy.restore();
    await row(number).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('.channel-state').textContent()).toBe('');
  });

  // Citizen messages reach staff once a case holds the conversation (the hand-over's modes).
  it('counts a citizen’s new message on the case’s badge, with a chime', async (context) => {
    const { page } = staff;
    const view = await page.request.get(`${server.url}/api/v1/staff/cases/${first}`);
    if (!('mode' in ((await view.json()) as { case: object }).case)) return context.skip();
    const before = await chimes(page);
    const title = await page.title();
    citizens[0].send({ type: 'message', text: '好的，那我几点去合适？' });
    await expect.poll(() => row(first).locator('.badge').getAttribute('data-unread')).toBe('1');
    const total = Number(/^\((\d+)\)/.exec(title)?.[1] ?? 0);
    await expect.poll(() => page.title()).toBe(`(${total + 1}) 导办工作台`);
    expect(await chimes(page)).toBeGreaterThan(before);
  });
});
