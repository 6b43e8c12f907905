/**
 * A shared hall PC (issue 9, finding 8), in real Chromium against the real server: after
 * 结束并清除对话, after the visitor id expires (7 days), and in 公共电脑 mode after idle time, the next
 * person who opens the widget does not see the previous conversation. Ending also ends it on the
 * server: someone who copied the visitor id gets nothing back, and the visitor's other tabs are
 * cleared. The page clock is controlled, so nothing waits on real time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';
import { ChatClient } from '../helpers/server-clients.ts';

const DAY_MS = 86_400_000;
let server: TestServer;
const browsers: BrowserSession[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await server?.close();
});

/** The frames the page sends on its websockets, as parsed JSON. */
function recordFrames(page: Page): Array<Record<string, unknown>> {
  const frames: Array<Record<string, unknown>> = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) =>
      frames.push(JSON.parse(String(payload)) as Record<string, unknown>),
    ),
  );
  return frames;
}

/** What the server gives back to whoever presents this visitor id now. */
async function serverHistory(user: string): Promise<unknown[]> {
  const chat = await ChatClient.open(server.url, user);
  chat.send({ type: 'welcome_back' });
  const history = await chat.next((event) => event.type === 'history');
  await chat.close();
  return history.messages as unknown[];
}

async function freshBrowser(): Promise<Page> {
  const browser = await openBrowser();
  browsers.push(browser);
  return browser.page;
}

const log = (page: Page) => page.locator('daoban-widget .log');

async function openWidget(page: Page, options: { publicMode?: boolean } = {}): Promise<void> {
  await page.goto(`${server.url}/`);
  if (options.publicMode) {
    // The hall's own page for its public PCs: the same widget with data-public.
    await page.evaluate(() => {
      document.querySelector('daoban-widget')?.remove();
      const widget = document.createElement('daoban-widget');
      widget.setAttribute('data-server', '');
      widget.setAttribute('data-public', '');
      document.body.append(widget);
    });
  }
  await page.getByRole('button', { name: '在线导办' }).click();
  await page.getByRole('dialog').waitFor();
}

/** Asks and waits for the answer bubble. */
async function converse(page: Page, question: string): Promise<void> {
  const answers = await page.locator('daoban-widget .from-bot').count();
  const input = page.getByRole('textbox', { name: '输入您的问题' });
  await input.fill(question);
  await input.press('Enter');
  await page.locator('daoban-widget .from-bot').nth(answers).waitFor();
}

/** The next visitor's view: the widget opened again and the server's greeting or history shown. */
async function nextVisitorSees(page: Page, options: { publicMode?: boolean } = {}): Promise<string> {
  await openWidget(page, options);
  await page.locator('daoban-widget .from-bot').first().waitFor();
  return (await log(page).textContent()) ?? '';
}

describe('the widget on a shared computer', () => {
  it('forgets the conversation when the visitor presses 结束并清除对话', async () => {
    const page = await freshBrowser();
    await openWidget(page);
    await converse(page, '社保卡丢了怎么补办');
    expect(await log(page).textContent()).toContain('社保卡丢了怎么补办');
    // Without clearing, the same device gets the conversation back.
    expect(await nextVisitorSees(page)).toContain('社保卡丢了怎么补办');

    await page.getByRole('button', { name: '结束并清除对话' }).click();
    expect(await log(page).textContent()).not.toContain('社保卡丢了怎么补办');
    expect(await page.evaluate(() => localStorage.getItem('daoban.user'))).toBeNull();
    expect(await nextVisitorSees(page)).not.toContain('社保卡丢了怎么补办');
  });

  it('ends the conversation on the server too: a copied visitor id resumes nothing, other tabs clear', async () => {
    const page = await freshBrowser();
    await openWidget(page);
    await converse(page, '营业执照怎么办理');
    const stored = await page.evaluate(() => localStorage.getItem('daoban.user'));
    const visitor = (JSON.parse(stored ?? '{}') as { id?: string }).id ?? '';
    expect(await serverHistory(visitor)).not.toEqual([]);
    // The same visitor has the chat open in a second tab.
    const tab = await page.context().newPage();
    expect(await nextVisitorSees(tab)).toContain('营业执照怎么办理');

    await page.getByRole('button', { name: '结束并清除对话' }).click();
    await expect.poll(() => log(tab).textContent()).toContain('对话已结束并清除');
    expect(await log(tab).textContent()).not.toContain('营业执照怎么办理');
    await expect.poll(() => serverHistory(visitor)).toEqual([]);
    // Someone who noted the id and puts it back gets a new, empty conversation.
    await page.evaluate((value) => localStorage.setItem('daoban.user', value ?? ''), stored);
    expect(await nextVisitorSees(page)).not.toContain('营业执照怎么办理');
  });

  it('forgets the visitor seven days after the last use', async () => {
    const page = await freshBrowser();
    const start = Date.now();
    await page.clock.setFixedTime(start);
    await openWidget(page);
    await converse(page, '结婚登记要带什么材料');
    await page.clock.setFixedTime(start + 6 * DAY_MS);
    expect(await nextVisitorSees(page)).toContain('结婚登记要带什么材料');
    // Six days later the id was used again; seven days after that it is gone.
    await page.clock.setFixedTime(start + 13 * DAY_MS + 60_000);
    expect(await nextVisitorSees(page)).not.toContain('结婚登记要带什么材料');
  });

  it('in 公共电脑 mode keeps nothing on the device and clears the conversation after idle time', async () => {
    const page = await freshBrowser();
    const frames = recordFrames(page);
    await page.clock.install();
    await openWidget(page, { publicMode: true });
    await converse(page, '办护照要什么材料');
    expect(await page.evaluate(() => localStorage.getItem('daoban.user'))).toBeNull();
    await page.clock.runFor(299_000);
    expect(await log(page).textContent()).toContain('办护照要什么材料');
    await page.clock.runFor(2_000);
    await expect.poll(() => log(page).textContent()).not.toContain('办护照要什么材料');
    // Ended on the server as well: the id the page used resumes nothing.
    const user = String(frames.find((frame) => frame.type === 'hello')?.user);
    expect(frames).toContainEqual({ type: 'end', user });
    await expect.poll(() => serverHistory(user)).toEqual([]);
    expect(await nextVisitorSees(page, { publicMode: true })).not.toContain('办护照要什么材料');
  });
});
