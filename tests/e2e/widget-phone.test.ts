/**
 * The widget on a phone (390×844, touch), in real Chromium against the mock server: inputs at 16 px
 * or more (iOS does not zoom), touch targets of 44 px (56 px in 长辈模式), no focused input when
 * the panel opens (no keyboard popping up), the input kept inside the visual viewport when it
 * shrinks, and no serious axe finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { openWidget, startWidgetMock, type WidgetMock } from '../helpers/widget-mock.ts';

let mock: WidgetMock;
let phone: BrowserSession;

beforeAll(async () => {
  mock = await startWidgetMock();
  phone = await openBrowser({ viewport: { width: 390, height: 844 }, isMobile: true });
});

afterAll(async () => {
  await phone?.close();
  await mock?.close();
});

/** Every visible button, text field and checkbox/radio label in the panel that is smaller than `min`. */
const smallTargets = (page: Page, min: number) =>
  page.locator('daoban-widget').evaluate((host, size) => {
    const root = host.shadowRoot!;
    const targets = [
      ...root.querySelectorAll<HTMLElement>(
        'button, textarea, input:not([type=radio]):not([type=checkbox]), label.choice, label.consent',
      ),
    ].filter((element) => element.offsetParent !== null && !element.closest('.db-card'));
    return targets
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width < size || box.height < size)
      .map(
        ({ element, box }) =>
          `${element.tagName} ${element.textContent?.slice(0, 10)} ${box.width}x${box.height}`,
      );
  }, min);

const smallFonts = (page: Page) =>
  page.locator('daoban-widget').evaluate((host) =>
    [...host.shadowRoot!.querySelectorAll<HTMLElement>('textarea, input')]
      .filter((element) => element.offsetParent !== null)
      .map((element) => parseFloat(getComputedStyle(element).fontSize))
      .filter((size) => size < 16),
  );

/** The focused text field in the widget, if any (a focused field pops the keyboard up on a phone). */
const focusedField = (page: Page) =>
  page.locator('daoban-widget').evaluate((host) => {
    const active = host.shadowRoot!.activeElement;
    return active?.matches('input, textarea') ? active.outerHTML : null;
  });

describe('widget on a phone', () => {
  it('opens without focusing the input, with large enough text and touch targets', async () => {
    const { page } = phone;
    await openWidget(page, `${mock.url}/`);
    await page.locator('daoban-widget .from-bot').first().waitFor();
    expect(await focusedField(page)).toBeNull();
    expect(await smallFonts(page)).toEqual([]);
    expect(await smallTargets(page, 44)).toEqual([]);
    await page.getByRole('toolbar', { name: '更多服务' }).getByRole('button', { name: '转人工' }).click();
    await page.getByRole('form', { name: '转人工服务' }).waitFor();
    expect(await focusedField(page)).toBeNull();
    expect(await smallFonts(page)).toEqual([]);
    expect(await smallTargets(page, 44)).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('makes touch targets 56 px in 长辈模式', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: '长辈模式' }).click();
    expect(await smallTargets(page, 56)).toEqual([]);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByRole('button', { name: '长辈模式' }).click();
  });

  it('keeps the input inside the visual viewport when it shrinks (keyboard, zoom)', async () => {
    const { page } = phone;
    const inputInView = () =>
      page.getByRole('textbox', { name: '输入您的问题' }).evaluate((element) => {
        const viewport = window.visualViewport!;
        const box = element.getBoundingClientRect();
        return box.top >= viewport.offsetTop - 1 && box.bottom <= viewport.offsetTop + viewport.height + 1;
      });
    expect(await inputInView()).toBe(true);
    // Zooming in shrinks the visual viewport as the on-screen keyboard does.
    const cdp = await phone.context.newCDPSession(page);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
    await expect.poll(() => page.evaluate(() => Math.round(window.visualViewport!.height))).toBe(422);
    await expect.poll(inputInView).toBe(true);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
  });
});
