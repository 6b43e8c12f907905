/**
 * The citizen's chat widget on the demo government site, in real Chromium against the real server:
 * asking for materials gives a checklist, 转人工 gives a case number, 适老化 is remembered, IME
 * composition does not send, a script payload is shown as plain text, the case progress can be looked
 * up with the 件号 and the phone's last four digits, and the elder mode fits a small phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';

const QUESTION = '开饭店要办食品经营许可，需要带什么材料？';
const XSS = '<img src=x onerror="window.__daobanXss=1">营业执照<script>window.__daobanXss=2</script>';

let server: TestServer;
let browser: BrowserSession;

async function openWidget(page: Page): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: '在线导办' }).click();
  await page.getByRole('dialog').waitFor();
}

async function ask(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: '输入您的问题' });
  await input.fill(text);
  await input.press('Enter');
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('chat widget on the demo site', () => {
  it('answers a materials question with a checklist card', async () => {
    const { page } = browser;
    await openWidget(page);
    await ask(page, QUESTION);
    const checklist = page.locator('daoban-widget .db-checklist').last();
    await checklist.waitFor();
    const materials = checklist.locator('li');
    expect(await materials.count()).toBeGreaterThan(1);
    await expect
      .poll(() => page.locator('daoban-widget .db-card-title').last().textContent())
      .toContain('食品经营许可');
    // Ticking a material works like a real checklist.
    await materials.first().locator('input').check();
    expect(await materials.first().locator('input').isChecked()).toBe(true);
    await expect.poll(() => page.locator('daoban-widget .db-where dd').last().textContent()).toMatch(/窗口/);
    await saveScreenshot(page, 'widget-desktop');
    // A new answer takes over the 好差评 bar: only the latest answer can be rated.
    const answers = await page.locator('daoban-widget .from-bot').count();
    await ask(page, '结婚登记要带什么材料？');
    await page.locator('daoban-widget .from-bot').nth(answers).waitFor();
    await expect.poll(() => page.locator('daoban-widget .rating').count()).toBe(1);
    const lastBot = page.locator('daoban-widget .log > *').last();
    expect(await lastBot.getAttribute('class')).toContain('rating');
  });

  it('does not send while an input method is composing', async () => {
    const { page } = browser;
    const input = page.getByRole('textbox', { name: '输入您的问题' });
    const before = await page.locator('daoban-widget .from-citizen').count();
    await input.focus();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ban', selectionStart: 3, selectionEnd: 3 });
    // The Enter that confirms a 拼音 candidate arrives while composing.
    await input.evaluate((element) => {
      element.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'Enter',
          code: 'Enter',
          keyCode: 229,
          isComposing: true,
          bubbles: true,
          cancelable: true,
        }),
      );
    });
    await cdp.send('Input.insertText', { text: '办' });
    expect(await page.locator('daoban-widget .from-citizen').count()).toBe(before);
    expect(await input.inputValue()).toContain('办');
    await input.fill('');
  });

  it('shows a script payload as plain text', async () => {
    const { page } = browser;
    const replies = await page.locator('daoban-widget .from-bot').count();
    await ask(page, XSS);
    const bubble = page.locator('daoban-widget .from-citizen .text').last();
    await expect.poll(() => bubble.textContent()).toBe(XSS);
    // Wait for the reply so any rendering of the echoed text has happened too.
    await page.locator('daoban-widget .from-bot').nth(replies).waitFor();
    expect(await page.locator('daoban-widget img, daoban-widget .log script').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __daobanXss?: number }).__daobanXss),
    ).toBeUndefined();
  });

  it('hands over to a person and shows the case number', async () => {
    const { page } = browser;
    await page.getByRole('toolbar', { name: '更多服务' }).getByRole('button', { name: '转人工' }).click();
    const form = page.getByRole('form', { name: '转人工服务' });
    // A phone number is only kept with consent.
    await form.getByLabel('联系电话', { exact: true }).fill('13800138000');
    await form.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('同意');
    await form.getByRole('checkbox').check();
    await form.getByRole('button', { name: '提交' }).click();
    const number = page.locator('daoban-widget .case-number').last();
    await number.waitFor();
    expect((await number.textContent())?.trim()).toMatch(/^[A-Z0-9-]{6,}$/);
    await expect
      .poll(() => page.locator('daoban-widget .case-banner').textContent())
      .toContain(String(await number.textContent()));
  });

  it('looks up the case progress with the 件号 and the last four digits of the phone', async () => {
    const { page } = browser;
    const caseNumber = String(await page.locator('daoban-widget .case-number').last().textContent()).trim();
    await page.locator('daoban-widget [data-case]').getByRole('button', { name: '查询办理进度' }).click();
    const form = page.getByRole('form', { name: '查询办理进度' });
    expect(await form.getByLabel('件号').inputValue()).toBe(caseNumber);
    await form.getByLabel('手机号后四位').fill('1234');
    await form.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('未查到');
    await form.getByLabel('手机号后四位').fill('8000');
    await form.getByRole('button', { name: '查询' }).click();
    const result = form.locator('.lookup-result');
    await expect.poll(() => result.textContent()).toContain('办理状态受理');
    expect(await result.textContent()).toContain(caseNumber);
    expect(await result.textContent()).toContain('答复时限');
    expect(await form.locator('.form-error').textContent()).toBe('');
    await form.getByRole('button', { name: '关闭' }).click();
    expect(await page.getByRole('form', { name: '查询办理进度' }).count()).toBe(0);
    // The footer toolbar offers the same lookup at any time.
    await page.getByRole('toolbar', { name: '更多服务' }).getByRole('button', { name: '查询进度' }).click();
    await page.getByRole('form', { name: '查询办理进度' }).getByRole('button', { name: '关闭' }).click();
  });

  it('says when a case number is locked after repeated wrong digits, in the words of the server', async () => {
    const { page } = browser;
    await page.getByRole('toolbar', { name: '更多服务' }).getByRole('button', { name: '查询进度' }).click();
    const form = page.getByRole('form', { name: '查询办理进度' });
    // A made-up number is locked exactly like a real one, after the allowed wrong tries.
    await form.getByLabel('件号').fill('BCS20260101-0001-KQMT');
    let alert = '';
    for (let attempt = 0; attempt < 8 && !alert.includes('分钟后再试'); attempt += 1) {
      await form.getByLabel('手机号后四位').fill(String(1000 + attempt));
      await form.getByRole('button', { name: '查询' }).click();
      await expect.poll(() => form.getByRole('button', { name: '查询' }).isEnabled()).toBe(true);
      alert = String(await form.getByRole('alert').textContent());
    }
    expect(alert).toMatch(/查询失败次数过多，请 \d+ 分钟后再试/);
    await form.getByRole('button', { name: '关闭' }).click();
  });

  it('remembers the large-text, high-contrast mode on this device', async () => {
    const { page } = browser;
    const widget = page.locator('daoban-widget');
    const fontSize = () =>
      page.locator('daoban-widget .log').evaluate((element) => getComputedStyle(element).fontSize);
    const normalSize = parseFloat(await fontSize());
    await page.getByRole('button', { name: '长辈模式' }).click();
    expect(await widget.getAttribute('elder')).toBe('');
    expect(parseFloat(await fontSize())).toBeGreaterThan(normalSize);
    await page.reload();
    await page.getByRole('button', { name: '在线导办' }).click();
    expect(await widget.getAttribute('elder')).toBe('');
    expect(await page.getByRole('button', { name: '长辈模式' }).getAttribute('aria-pressed')).toBe('true');
    // The conversation comes back after the reload (welcome_back) and is shown in the large mode.
    await page.locator('daoban-widget .from-citizen').first().waitFor();
    await saveScreenshot(page, 'widget-elder');
    await page.getByRole('button', { name: '长辈模式' }).click();
    expect(await widget.getAttribute('elder')).toBeNull();
  });

  it('is keyboard operable: Escape closes the panel and focus returns to the launcher', async () => {
    const { page } = browser;
    await page.keyboard.press('Escape');
    const launcher = page.getByRole('button', { name: '在线导办' });
    await launcher.waitFor();
    expect(
      await launcher.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element),
    ).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    expect(
      await page
        .getByRole('textbox', { name: '输入您的问题' })
        .evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element),
    ).toBe(true);
  });

  it('fills the screen on a phone', async () => {
    const phone = await openBrowser({ viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      await openWidget(phone.page);
      const box = await phone.page.getByRole('dialog').boundingBox();
      expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
      await ask(phone.page, QUESTION);
      await phone.page.locator('daoban-widget .db-checklist').waitFor();
      await saveScreenshot(phone.page, 'widget-phone');
    } finally {
      await phone.close();
    }
  });

  it('fits the elder mode on a 375 px phone without broken lines', async () => {
    const phone = await openBrowser({ viewport: { width: 375, height: 812 }, isMobile: true });
    try {
      await openWidget(phone.page);
      await phone.page.getByRole('button', { name: '长辈模式' }).click();
      const input = phone.page.getByRole('textbox', { name: '输入您的问题' });
      const placeholder = String(await input.getAttribute('placeholder'));
      // The placeholder is measured in the input's own font: it has to fit on one line.
      const fits = await input.evaluate((element, text) => {
        const style = getComputedStyle(element);
        const context = document.createElement('canvas').getContext('2d');
        if (!context) return false;
        context.font = `${style.fontSize} ${style.fontFamily}`;
        const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return context.measureText(text).width <= room;
      }, placeholder);
      expect(fits).toBe(true);
      // Header texts stay on one line each: cut with an ellipsis or hidden, never wrapped.
      const lines = await phone.page.locator('daoban-widget header h2 > *').evaluateAll((elements) =>
        elements.map((element) => {
          const box = element as HTMLElement;
          return (
            box.offsetParent === null ||
            box.scrollHeight <= parseFloat(getComputedStyle(box).lineHeight) * 1.5
          );
        }),
      );
      expect(lines).not.toContain(false);
      await ask(phone.page, QUESTION);
      await phone.page.locator('daoban-widget .db-checklist').waitFor();
      await saveScreenshot(phone.page, 'widget-elder-phone');
      await phone.page.getByRole('button', { name: '长辈模式' }).click();
      expect(await input.getAttribute('placeholder')).toBe('请输入您要办理的事项或问题');
    } finally {
      await phone.close();
    }
  });
});
