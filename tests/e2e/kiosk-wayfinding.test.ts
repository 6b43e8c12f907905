/**
 * Wayfinding on the hall screen, in real Chromium against the real server, portrait 1080×1920: an
 * answer about an item shows the floor plan drawn from hall.json with the item's zone and window
 * highlighted, the route from the entrance and the 取号 category; an item on another floor shows
 * the floor change (two plans, 乘电梯到三楼); a hand-over marks the 办不成事 and 帮办代办 windows.
 * A hall without coordinates keeps the list of floors. axe finds nothing serious.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';

let server: TestServer;
let browser: BrowserSession;

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser({ viewport: { width: 1080, height: 1920 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function askKiosk(page: Page, question: string): Promise<{ zone?: string; window?: string }> {
  const asked = page.waitForResponse((response) => response.url().endsWith('/api/v1/ask'));
  await page.getByRole('textbox', { name: '请输入您要办的事' }).fill(question);
  await page.getByRole('button', { name: '查询' }).click();
  const answer = (await (await asked).json()) as { card?: { zone: string; window: string } };
  return answer.card ?? {};
}

const routePoints = (page: Page, floor: number) =>
  page
    .locator(`.floor-plan[data-floor="${floor}"] .route-line`)
    .evaluate((line) => (line as SVGPolylineElement).points.numberOfItems);

describe('kiosk wayfinding', () => {
  it('highlights the zone and window of an item on the ground floor, with the route and 取号', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/kiosk`);
    await page.getByRole('button', { name: '企业开办' }).waitFor();
    const card = await askKiosk(page, '开饭店要办食品经营许可，要带什么材料');
    expect(card.zone).toBe('企业开办');
    const window = card.window?.match(/[A-Z]\d+/)?.[0] ?? '';
    await page.locator('.wayfinding').waitFor();
    expect(await page.locator('.wayfinding').getAttribute('data-window')).toBe(window);
    expect(await page.locator('.floor-plan').count()).toBe(1);
    const plan = page.locator('.floor-plan[data-floor="1"]');
    expect(await plan.locator('.zone-rect.here').getAttribute('data-zone')).toBe('企业开办');
    expect(await plan.locator('.zone-rect.here').count()).toBe(1);
    expect(await plan.locator('.window-dot.here').getAttribute('data-window')).toBe(window);
    expect(await routePoints(page, 1)).toBeGreaterThanOrEqual(2);
    expect(await plan.locator('.route-line').getAttribute('marker-end')).toMatch(/^url\(#.+-arrow\)$/);
    expect(await plan.locator('text', { hasText: '企业开办' }).count()).toBe(1);
    expect(await plan.locator('text', { hasText: '您要去这里' }).count()).toBe(1);
    expect(await page.locator('.route-steps li').allTextContents()).toEqual([
      '从一楼大厅入口进门',
      `沿通道走到企业开办专区${window}窗口`,
    ]);
    expect(await page.locator('.ticket-category').textContent()).toBe('取号：请在取号机上选择“企业开办”');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('shows the floor change for an item on another floor', async () => {
    const { page } = browser;
    const card = await askKiosk(page, '办护照要什么材料');
    expect(card.zone).toBe('出入境');
    await page.locator('.wayfinding[data-floor="3"]').waitFor();
    expect(
      await page.locator('.floor-plan').evaluateAll((plans) => plans.map((plan) => plan.dataset.floor)),
    ).toEqual(['1', '3']);
    // Floor 1: from the entrance to the lift, nothing highlighted; floor 3: from the lift to the window.
    expect(await page.locator('.floor-plan[data-floor="1"] .zone-rect.here').count()).toBe(0);
    expect(await page.locator('.floor-plan[data-floor="1"] figcaption').textContent()).toBe(
      '一楼平面图：从入口到电梯',
    );
    const upper = page.locator('.floor-plan[data-floor="3"]');
    expect(await upper.locator('.zone-rect.here').getAttribute('data-zone')).toBe('出入境');
    expect(await upper.locator('.window-dot.here').count()).toBe(1);
    expect(await routePoints(page, 1)).toBeGreaterThanOrEqual(2);
    expect(await routePoints(page, 3)).toBeGreaterThanOrEqual(2);
    const steps = await page.locator('.route-steps li').allTextContents();
    expect(steps[1]).toBe('乘电梯到三楼');
    expect(steps[2]).toMatch(/^出电梯后沿通道走到出入境专区F\d+窗口$/);
    expect(await page.locator('.ticket-category').textContent()).toBe('取号：请在取号机上选择“出入境”');
    await page.locator('.wayfinding').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'kiosk-wayfinding-portrait');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('marks the 办不成事 and 帮办代办 windows when the visitor needs staff', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: '← 返回首页' }).click();
    await page.getByRole('button', { name: '办不成事' }).click();
    await page.locator('.wayfinding').waitFor();
    const plan = page.locator('.floor-plan[data-floor="1"]');
    const target = await page.locator('.wayfinding').getAttribute('data-window');
    expect(await plan.locator('.window-dot.here').getAttribute('data-window')).toBe(target);
    expect(await plan.locator('.window-dot.special').count()).toBe(1);
    expect(await page.locator('.special-windows li').getAttribute('data-special')).toBe('帮办代办');
    expect(await page.locator('.route-steps li').last().textContent()).toContain('反映窗口');
    expect(await page.locator('.ticket-category').count()).toBe(0);
    await page.locator('.wayfinding').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'kiosk-wayfinding-hand-over');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('keeps the list of floors for a hall without coordinates', async () => {
    const { page } = browser;
    const plain = readFileSync(
      path.resolve(import.meta.dirname, '../fixtures/qingchuan-hall/hall.json'),
      'utf8',
    );
    await page.route('**/api/v1/hall', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: `{"hall":${plain}}` }),
    );
    await page.goto(`${server.url}/kiosk`);
    await page.locator('.hall-map').waitFor();
    await askKiosk(page, '开饭店要办食品经营许可，要带什么材料');
    await page.locator('.answer .hall-map .zone.here').waitFor();
    expect(await page.locator('.answer .zone.here').getAttribute('data-zone')).toBe('企业开办');
    expect(await page.locator('.floor-plan').count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.unroute('**/api/v1/hall');
  });
});
