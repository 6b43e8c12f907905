/**
 * The hall screen (数字人导服) in real Chromium against the real server: a visitor taps a common
 * question and gets the answer card with where to go; after 90 s without a touch the screen returns
 * home and ends the session on the server, so its key resumes nothing. The page clock is
 * controlled, so nothing here waits on real time. Zooming stays possible and headings never skip a
 * level; axe finds nothing serious. A typed complaint leads to the consent form, not to a case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';
import { ChatClient } from '../helpers/server-clients.ts';

let server: TestServer;
let browser: BrowserSession;
/** The session key of the typed question, as the page sent it. */
let askedSession = '';

/** Heading levels in document order, to check that none skips a level (h1 → h3). */
const headingLevels = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName[1])),
  );

function skippedLevels(levels: number[]): number[] {
  return levels.filter((level, index) => level > (index === 0 ? 1 : levels[index - 1] + 1));
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser({ viewport: { width: 1920, height: 1080 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hall-screen kiosk', () => {
  it('shows the home screen with zones and common questions', async () => {
    const { page } = browser;
    await page.clock.install();
    await page.goto(`${server.url}/kiosk`);
    await page.getByRole('button', { name: '企业开办' }).waitFor();
    expect(await page.locator('.zones button').count()).toBe(8);
    expect(await page.locator('.avatar').getAttribute('data-state')).toBe('idle');
    // The header names the hall from /api/v1/hall.
    const hall = (await (await fetch(`${server.url}/api/v1/hall`)).json()) as { hall?: { name: string } };
    await expect.poll(() => page.locator('.kiosk-header h1').textContent()).toContain(hall.hall?.name ?? '—');
    await saveScreenshot(page, 'kiosk-home');
    const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
    expect(viewport).not.toMatch(/user-scalable|maximum-scale/);
    expect(await page.locator('link[rel="icon"]').count()).toBe(1);
    expect(skippedLevels(await headingLevels(page))).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('answers a typed question with the card and the place to go', async () => {
    const { page } = browser;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/ask')) {
        askedSession = (request.postDataJSON() as { sessionId: string }).sessionId;
      }
    });
    await page
      .getByRole('textbox', { name: '请输入您要办的事' })
      .fill('开饭店要办食品经营许可，要带什么材料');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('.db-checklist').waitFor();
    expect(await page.locator('.where-banner').textContent()).toMatch(/请前往：.*窗口/);
    expect(await page.evaluate(() => document.body.dataset.screen)).toBe('answer');
    await saveScreenshot(page, 'kiosk-answer');
    expect(skippedLevels(await headingLevels(page))).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('returns to the home screen after 90 seconds without a touch, ending the session', async () => {
    const { page } = browser;
    await page.clock.fastForward(60_000);
    expect(await page.evaluate(() => document.body.dataset.screen)).toBe('answer');
    const ended = page.waitForResponse((response) => response.url().endsWith('/api/v1/conversations/end'));
    await page.clock.fastForward(31_000);
    await expect.poll(() => page.evaluate(() => document.body.dataset.screen)).toBe('home');
    expect(await page.locator('.db-checklist').count()).toBe(0);
    expect(await page.getByRole('textbox', { name: '请输入您要办的事' }).inputValue()).toBe('');
    const response = await ended;
    expect(response.status()).toBe(204);
    expect(response.request().postDataJSON()).toEqual({ sessionId: askedSession });
    // The key the kiosk used gets nothing back.
    expect(askedSession).toMatch(/^kiosk-/);
    const chat = await ChatClient.open(server.url, askedSession);
    chat.send({ type: 'welcome_back' });
    expect((await chat.next((event) => event.type === 'history')).messages).toEqual([]);
    await chat.close();
  });

  it('asks for consent when a typed complaint needs a person', async () => {
    const { page } = browser;
    const asked = page.waitForResponse((response) => response.url().endsWith('/api/v1/ask'));
    await page.getByRole('textbox', { name: '请输入您要办的事' }).fill('我要投诉，窗口工作人员态度很差');
    await page.getByRole('button', { name: '查询' }).click();
    const answer = (await (await asked).json()) as { escalate: boolean; escalation?: { category: string } };
    expect(answer.escalate).toBe(true);
    await page.getByRole('heading', { name: '请工作人员帮您' }).waitFor();
    expect(await page.evaluate(() => document.body.dataset.screen)).toBe('handover');
    expect(await page.getByRole('checkbox', { name: '我同意把以上内容交给工作人员处理' }).isChecked()).toBe(
      false,
    );
    await expect.poll(() => page.locator('.hand-over-shared').textContent()).toContain('全部对话');
    expect(skippedLevels(await headingLevels(page))).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByRole('button', { name: '← 返回首页' }).click();
    await page.getByRole('button', { name: '企业开办' }).waitFor();
    // Back to the typed question's answer screen, for the idle test below.
    await page
      .getByRole('textbox', { name: '请输入您要办的事' })
      .fill('开饭店要办食品经营许可，要带什么材料');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('.db-checklist').waitFor();
  });

  it('fits a 375 px phone without scrolling sideways', async () => {
    const phone = await openBrowser({ viewport: { width: 375, height: 812 }, isMobile: true });
    try {
      const { page } = phone;
      await page.goto(`${server.url}/kiosk`);
      await page.locator('.map-block').waitFor();
      const overflow = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('body *')].some(
            (element) => element.getBoundingClientRect().right > window.innerWidth + 1,
          ),
        );
      expect(await overflow()).toBe(false);
      const columns = await page
        .locator('.zones')
        .evaluate((element) => getComputedStyle(element).gridTemplateColumns.split(' ').length);
      expect(columns).toBe(2);
      // The avatar stands above the questions, not beside them.
      const avatar = await page.locator('.guide').boundingBox();
      const content = await page.locator('.content').boundingBox();
      expect(avatar && content && avatar.y + avatar.height <= content.y + 1).toBe(true);
      await saveScreenshot(page, 'kiosk-phone');
      await page
        .getByRole('textbox', { name: '请输入您要办的事' })
        .fill('开饭店要办食品经营许可，要带什么材料');
      await page.getByRole('button', { name: '查询' }).click();
      await page.locator('.db-checklist').waitFor();
      expect(await overflow()).toBe(false);
      await saveScreenshot(page, 'kiosk-phone-answer');
      await page.getByRole('button', { name: '找工作人员' }).click();
      await page.getByRole('group', { name: '数字键盘' }).waitFor();
      expect(await overflow()).toBe(false);
    } finally {
      await phone.close();
    }
  });
});
