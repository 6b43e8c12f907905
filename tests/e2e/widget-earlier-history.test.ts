/**
 * A returning visitor with a conversation longer than one history page, in real Chromium against
 * the real server (pages of 4 messages here): the widget shows the latest page, 查看更早的消息 asks
 * for the page before the oldest message shown, puts it above without moving what the reader was
 * looking at, works from the keyboard, renders old messages as text, and disappears at the start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'playwright-core';
import { openBrowser } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';

const XSS = '<img src=x onerror="window.__daobanXss=1">营业执照<script>window.__daobanXss=2</script>';
// Five questions and five answers: pages of 4, 4 and 2 messages.
const QUESTIONS = [XSS, '社保卡丢了怎么补办', '结婚登记要带什么材料', '办护照要什么材料', '新生儿怎么上户口'];

let server: TestServer;
let browser: BrowserSession;

beforeAll(async () => {
  server = await startTestServer({ limits: { historyPageMessages: 4 } });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openWidget(page: Page): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: '在线导办' }).click();
  await page.getByRole('dialog').waitFor();
}

async function converse(page: Page, question: string): Promise<void> {
  const answers = await page.locator('daoban-widget .from-bot').count();
  const input = page.getByRole('textbox', { name: '输入您的问题' });
  await input.fill(question);
  await input.press('Enter');
  await page.locator('daoban-widget .from-bot').nth(answers).waitFor();
}

const citizenTexts = (page: Page) => page.locator('daoban-widget .from-citizen .text').allTextContents();

/** Where `message` sits in the transcript's visible area, in pixels from its top. */
const offsetInLog = (message: ElementHandle<HTMLElement | SVGElement>) =>
  message.evaluate((element) => {
    const log = element.closest('.log');
    if (!log) throw new Error('not in the transcript');
    return element.getBoundingClientRect().top - log.getBoundingClientRect().top;
  });

/** Whether the focus (inside the widget's shadow root) is on an element with this class. */
const focusedClass = (page: Page) =>
  page.evaluate(() => document.querySelector('daoban-widget')?.shadowRoot?.activeElement?.className ?? '');

describe('older history in the widget', () => {
  it('pages back through a long conversation from the keyboard, keeping the reading position', async () => {
    const { page } = browser;
    await openWidget(page);
    for (const question of QUESTIONS) await converse(page, question);

    // The visitor comes back: only the latest page is shown, with the control at the top.
    const sent: Array<Record<string, unknown>> = [];
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) =>
        sent.push(JSON.parse(String(payload)) as Record<string, unknown>),
      ),
    );
    await openWidget(page);
    const earlier = page.getByRole('button', { name: '查看更早的消息' });
    await earlier.waitFor();
    await expect.poll(() => citizenTexts(page)).toEqual(QUESTIONS.slice(3));
    expect(await page.locator('daoban-widget .log > *').first().getAttribute('class')).toBe('earlier');

    // The reader scrolls up to the oldest message shown and asks for more with the keyboard.
    const log = page.locator('daoban-widget .log');
    await log.evaluate((element) => element.scrollTo({ top: 0 }));
    const anchor = await page.locator('daoban-widget .from-citizen').first().elementHandle();
    if (!anchor) throw new Error('no message shown');
    expect(await anchor.textContent()).toContain(QUESTIONS[3]);
    const before = await offsetInLog(anchor);
    await earlier.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => citizenTexts(page)).toEqual(QUESTIONS.slice(1));
    expect(Math.abs((await offsetInLog(anchor)) - before)).toBeLessThanOrEqual(1);
    expect(await earlier.isVisible()).toBe(true);
    expect(await focusedClass(page)).toBe('earlier');
    const request = sent.find((frame) => frame.type === 'history');
    expect(request).toMatchObject({ type: 'history', before: expect.any(Number), user: expect.any(String) });

    // The first page: the control goes away, focus moves to the transcript, the place stays.
    await log.evaluate((element) => element.scrollTo({ top: 0 }));
    const second = await page.locator('daoban-widget .from-citizen').first().elementHandle();
    if (!second) throw new Error('no message shown');
    expect(await second.textContent()).toContain(QUESTIONS[1]);
    const secondBefore = await offsetInLog(second);
    await page.keyboard.press(' ');
    await expect.poll(() => citizenTexts(page)).toEqual(QUESTIONS);
    await expect.poll(() => earlier.isVisible()).toBe(false);
    expect(await focusedClass(page)).toBe('log');
    expect(Math.abs((await offsetInLog(second)) - secondBefore)).toBeLessThanOrEqual(1);
    const requests = sent.filter((frame) => frame.type === 'history');
    expect(requests).toHaveLength(2);
    expect(Number(requests[1].before)).toBeLessThan(Number(requests[0].before));

    // Old messages are text like any other: the markup shows, nothing runs.
    expect(await page.locator('daoban-widget .from-citizen .text').first().textContent()).toBe(XSS);
    expect(await page.locator('daoban-widget .log img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __daobanXss?: number }).__daobanXss)).toBeUndefined();
  });
});
