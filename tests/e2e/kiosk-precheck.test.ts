/**
 * The pre-check on the hall screen, in real Chromium with touch against the real server: from an
 * item's answer, 预审我的材料 leads through the questions and the checklist (no photos, no numbers
 * to type on a public screen) to the one-time notice with the pre-check number as a QR code for the
 * visitor's phone; every target is at least 56 px, headings never skip a level, axe finds nothing
 * serious, only the result card prints, and after 90 s without a touch the screen goes home.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';

const ITEM = '社会保障卡申领';
const PRECHECK_NO = /^YS\d{6}-[2-9A-HJKMNP-Z]{5}$/;

let server: TestServer;
let browser: BrowserSession;

const headingLevels = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName[1])),
  );

function skippedLevels(levels: number[]): number[] {
  return levels.filter((level, index) => level > (index === 0 ? 1 : levels[index - 1] + 1));
}

/** Visible buttons and checklist rows of the pre-check smaller than 56 px either way. */
const smallTargets = (page: Page) =>
  page.locator('.precheck').evaluate((root) =>
    // A checkbox sits inside its row's label: the row is what is tapped.
    [...root.querySelectorAll<HTMLElement>('button, a, .precheck-material label')]
      .filter((element) => element.offsetParent !== null)
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ element, box }) => box.height < 56 || (element.tagName !== 'LABEL' && box.width < 56))
      .map(({ element, box }) => `${element.textContent} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );

const precheck = (page: Page) => page.locator('.precheck');

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser({ viewport: { width: 1920, height: 1080 }, isMobile: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('pre-check on the hall screen', () => {
  it('is offered on the answer about an item', async () => {
    const { page } = browser;
    await page.clock.install();
    await page.goto(`${server.url}/kiosk`);
    await page.getByRole('textbox', { name: '请输入您要办的事' }).fill('申领社会保障卡要带什么材料');
    await page.getByRole('button', { name: '查询' }).tap();
    await page.locator('.db-checklist').waitFor();
    expect(await page.locator('.db-card-title').textContent()).toBe(ITEM);
    await page.getByRole('button', { name: '预审我的材料' }).tap();
    await page.getByRole('heading', { name: '第一步：请回答几个问题', level: 2 }).waitFor();
    expect(await page.evaluate(() => document.body.dataset.screen)).toBe('precheck');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('第一步：请回答几个问题');
    expect(await smallTargets(page)).toEqual([]);
    const minimum = await precheck(page)
      .getByRole('button', { name: '是', exact: true })
      .first()
      .evaluate((element) => element.getBoundingClientRect().height);
    expect(minimum).toBeGreaterThanOrEqual(56);
    expect(skippedLevels(await headingLevels(page))).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('takes the answers and the ticks by touch, with no upload and no typing', async () => {
    const { page } = browser;
    const tapAnswer = (question: RegExp, option: string) =>
      precheck(page)
        .locator('fieldset')
        .filter({ hasText: question })
        .getByRole('button', { name: option, exact: true })
        .tap();
    await tapAnswer(/未满16周岁/, '否');
    await tapAnswer(/委托他人/, '否');
    await tapAnswer(/人脸识别/, '否');
    await precheck(page).getByRole('button', { name: '下一步' }).tap();
    await page.getByRole('heading', { name: '第二步：勾选您已备好的材料', level: 2 }).waitFor();
    // The adult applicant needs no guardian; the photo is taken at the window.
    const names = await precheck(page)
      .getByRole('list', { name: '需要准备的材料' })
      .locator('.precheck-name')
      .allTextContents();
    expect(names).not.toContain('监护人居民身份证及监护关系证明');
    expect(names).not.toContain('代办人居民身份证及授权委托书');
    expect(names).toEqual(['居民身份证']);
    expect(await precheck(page).locator('.precheck-spared').textContent()).toContain('近期免冠彩色证件照片');
    expect(await precheck(page).locator('input[type=file]').count()).toBe(0);
    expect(await precheck(page).locator('input:not([type=checkbox])').count()).toBe(0);
    expect(await smallTargets(page)).toEqual([]);
    expect(skippedLevels(await headingLevels(page))).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await precheck(page).locator('.precheck-material label').first().tap();
    expect(await precheck(page).getByRole('checkbox').first().isChecked()).toBe(true);
  });

  it('shows the one-time notice with the number as a QR code for the phone', async () => {
    const { page } = browser;
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/precheck'));
    await precheck(page).getByRole('button', { name: '查看预审结果' }).tap();
    const made = (await (await answered).json()) as { precheckNo: string; noticeKey: string };
    expect(made.precheckNo).toMatch(PRECHECK_NO);
    const result = page.locator('.precheck-result');
    await result.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('预审结果（一次性告知）');
    expect(await result.locator('.precheck-verdict').textContent()).toBe('必要材料已齐全，可以到窗口办理。');
    expect(await result.locator('.precheck-exempt').textContent()).toContain('近期免冠彩色证件照片');
    expect(await result.locator('.precheck-place').textContent()).toMatch(/窗口/);
    expect(await result.locator('.precheck-where, .precheck-place').first().textContent()).toContain(
      '取号类别',
    );
    expect(await result.locator('.precheck-number').textContent()).toBe(made.precheckNo);
    // The QR code is for the visitor's phone: it opens the same result there.
    const qr = result.getByRole('img', { name: `预审编号 ${made.precheckNo} 的二维码，用手机扫描保存` });
    const address = `${server.url}/?precheck=${made.precheckNo}&key=${made.noticeKey}`;
    expect(await qr.getAttribute('data-text')).toBe(address);
    // A hall screen offers no download.
    expect(await precheck(page).getByRole('link', { name: '下载 PDF' }).count()).toBe(0);
    const size = await qr.boundingBox();
    expect(size?.width ?? 0).toBeGreaterThanOrEqual(200);
    expect(await smallTargets(page)).toEqual([]);
    expect(skippedLevels(await headingLevels(page))).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await saveScreenshot(page, 'kiosk-precheck-result');
  });

  it('opens the same result on the phone that scans the QR code', async () => {
    const { page } = browser;
    const address = await page.locator('.precheck-result .precheck-qr').getAttribute('data-text');
    const number = await page.locator('.precheck-result .precheck-number').textContent();
    const phone = await openBrowser({ viewport: { width: 360, height: 640 }, isMobile: true });
    try {
      await phone.page.goto(String(address));
      const result = phone.page.locator('daoban-precheck .precheck-result');
      await result.waitFor();
      expect(await result.locator('.precheck-number').textContent()).toBe(number);
      expect(await result.locator('.precheck-verdict').textContent()).toBe(
        '必要材料已齐全，可以到窗口办理。',
      );
      expect(await seriousAxeFindings(phone.page)).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('prints the result card alone', async () => {
    const { page } = browser;
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.precheck-result').isVisible()).toBe(true);
      expect(await page.locator('.kiosk-header').isVisible()).toBe(false);
      expect(await page.locator('.ask').isVisible()).toBe(false);
      expect(await page.locator('.guide').isVisible()).toBe(false);
      expect(await precheck(page).getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('returns to the answer, and goes home after 90 seconds without a touch', async () => {
    const { page } = browser;
    await precheck(page).getByRole('button', { name: '返回事项说明' }).tap();
    await page.locator('.db-checklist').waitFor();
    expect(await page.evaluate(() => document.body.dataset.screen)).toBe('answer');
    await page.getByRole('button', { name: '预审我的材料' }).tap();
    await page.getByRole('heading', { name: '第一步：请回答几个问题', level: 2 }).waitFor();
    await page.clock.fastForward(91_000);
    await expect.poll(() => page.evaluate(() => document.body.dataset.screen)).toBe('home');
    expect(await page.locator('.precheck').count()).toBe(0);
  });
});
