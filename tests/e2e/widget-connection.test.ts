/**
 * The widget when the connection drops, in real Chromium against the mock server: it says it is
 * offline (no endless typing dots), keeps a question typed meanwhile in the log as 待发送, and sends
 * it once on reconnect; a message stored by the server whose ack was lost is resent, deduplicated by
 * its clientId, and neither lost nor doubled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
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

const bubblesWith = (page: Page, text: string) =>
  page.locator('daoban-widget .from-citizen .text').filter({ hasText: text });
const storedWith = async (page: Page, text: string) =>
  mock.control
    .messages(await visitorOf(page))
    .filter((entry) => entry.role === 'citizen' && entry.text === text);

describe('widget connection', () => {
  it('says it is offline and sends a question typed meanwhile once, on reconnect', async () => {
    const { page } = browser;
    await openWidget(page, `${mock.url}/`);
    await ask(page, '结婚登记要带什么材料');
    await page.locator('daoban-widget .from-citizen ~ .from-bot').first().waitFor();
    const status = page.locator('daoban-widget .connection-status');
    expect(await status.isVisible()).toBe(false);

    mock.control.dropConnections(true);
    await expect.poll(() => status.textContent()).toBe('网络已断开，正在重新连接…');
    const question = '社保卡丢了怎么补办';
    await ask(page, question);
    const bubble = page.locator('daoban-widget .from-citizen').last();
    expect(await bubble.locator('.delivery').textContent()).toBe('待发送');
    expect(await page.locator('daoban-widget .typing').isVisible()).toBe(false);
    expect(await storedWith(page, question)).toHaveLength(0);

    mock.control.allowConnections();
    await expect.poll(() => status.isVisible(), { timeout: 20_000 }).toBe(false);
    // The mock's answer quotes the question.
    await page.locator('daoban-widget .from-bot').filter({ hasText: question }).waitFor();
    await expect.poll(() => page.locator('daoban-widget .delivery').count()).toBe(0);
    expect(await bubblesWith(page, question).count()).toBe(1);
    expect(await storedWith(page, question)).toHaveLength(1);
    expect(mock.control.duplicates()).toBe(0);
  });

  it('resends a message whose ack was lost, and the server keeps it once', async () => {
    const { page } = browser;
    const question = '办护照要什么材料';
    mock.control.dropNextBeforeAck();
    await ask(page, question);
    // Stored and answered before the drop: the history brings it back and the resent copy is only acked.
    await expect.poll(() => storedWith(page, question).then((found) => found.length)).toBe(1);
    await expect
      .poll(() => page.locator('daoban-widget .connection-status').isVisible(), { timeout: 20_000 })
      .toBe(false);
    await expect.poll(() => page.locator('daoban-widget .delivery').count()).toBe(0);
    // The copy resent after the reconnect reached the server and was only acknowledged.
    expect(mock.control.duplicates()).toBe(1);
    expect(await bubblesWith(page, question).count()).toBe(1);
    expect(await storedWith(page, question)).toHaveLength(1);
    const last = page.locator('daoban-widget .message').last();
    expect(await last.getAttribute('data-from')).toBe('bot');
    expect(await page.locator('daoban-widget .typing').isVisible()).toBe(false);
  });
});
