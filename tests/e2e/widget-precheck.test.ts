/**
 * The pre-check (自助预审) in the citizen widget, in real Chromium against the real server: an answer
 * about 社会保障卡申领 offers 预审我的材料; the situation questions come as choice buttons, the
 * checklist shows only the materials that apply (the guardian's papers go when the applicant is an
 * adult; the photo taken at the window is listed as not needed), a wrong 身份证号码 comes back as an
 * invalid field with its reason, the result names what is still missing, and printing shows the
 * result card alone (the chat and the host page are hidden). Focus moves to each step's heading;
 * axe finds nothing serious on any step, on a desktop and on a 360×640 phone in 长辈模式.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { renderDocumentSamples } from '../helpers/document-samples.ts';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';

const QUESTION = '申领社会保障卡要带什么材料？';
const ITEM = '社会保障卡申领';
/** A well-formed 18-digit number whose check digit is wrong. */
const WRONG_ID = '110101199003071234';

const PRECHECK_NO = /^YS\d{6}-[2-9A-HJKMNP-Z]{5}$/;

/** The pre-check the widget made, as the server answered it. */
interface Made {
  precheckNo: string;
  noticeKey: string;
  noticeUrl: string;
  consoleUrl: string;
}

let server: TestServer;
let made: Made;
let desktop: BrowserSession;
let phone: BrowserSession;

beforeAll(async () => {
  server = await startTestServer();
  desktop = await openBrowser();
  phone = await openBrowser({ viewport: { width: 360, height: 640 }, isMobile: true });
});

afterAll(async () => {
  await desktop?.close();
  await phone?.close();
  await server?.close();
});

/** A white picture with nothing to read on it. */
const blankPng = () =>
  sharp({ create: { width: 600, height: 400, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();

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

/** The text of the element that has the focus, through the shadow roots it is in. */
const focusedText = (page: Page) =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.textContent ?? '';
  });

const precheck = (page: Page) => page.locator('daoban-precheck .precheck');

async function openPrecheck(page: Page): Promise<void> {
  await ask(page, QUESTION);
  await expect.poll(() => page.locator('daoban-widget .db-card-title').last().textContent()).toBe(ITEM);
  await page
    .getByRole('button', { name: `预审我的材料：${ITEM}` })
    .last()
    .click();
  await page.getByRole('heading', { name: '第一步：请回答几个问题' }).waitFor();
}

async function answer(page: Page, question: RegExp, option: string): Promise<void> {
  const group = precheck(page).locator('fieldset').filter({ hasText: question });
  await group.getByRole('button', { name: option, exact: true }).click();
  expect(await group.getByRole('button', { name: option, exact: true }).getAttribute('aria-pressed')).toBe(
    'true',
  );
}

describe('pre-check in the widget', () => {
  it('asks the situation questions of the item as choice buttons', async () => {
    const { page } = desktop;
    await openWidget(page);
    await openPrecheck(page);
    expect(await focusedText(page)).toBe('第一步：请回答几个问题');
    const questions = precheck(page).locator('fieldset');
    expect(await questions.count()).toBe(3);
    expect(await questions.first().getByRole('button').allTextContents()).toEqual(['是', '否']);
    expect(await seriousAxeFindings(page)).toEqual([]);
    // By keyboard: from the heading, Tab reaches the first choice and Enter picks it; the next
    // choice of the same question replaces it.
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('是');
    await page.keyboard.press('Enter');
    const pressed = () =>
      questions
        .first()
        .getByRole('button')
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-pressed')));
    expect(await pressed()).toEqual(['true', 'false']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await pressed()).toEqual(['false', 'true']);
    await answer(page, /委托他人/, '是');
    await answer(page, /人脸识别/, '否');
    // A second tap changes the answer: one option is pressed at a time.
    await answer(page, /人脸识别/, '是');
    await answer(page, /人脸识别/, '否');
    const face = precheck(page)
      .locator('fieldset')
      .filter({ hasText: /人脸识别/ });
    expect(await face.getByRole('button', { name: '是', exact: true }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    await precheck(page).getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '第二步：勾选您已备好的材料' }).waitFor();
  });

  it('lists only the materials that apply, with the ones not needed apart', async () => {
    const { page } = desktop;
    expect(await focusedText(page)).toBe('第二步：勾选您已备好的材料');
    const checklist = precheck(page).getByRole('list', { name: '需要准备的材料' });
    const names = await checklist.locator('.precheck-name').allTextContents();
    expect(names).toContain('居民身份证');
    expect(names).toContain('代办人居民身份证及授权委托书');
    // The applicant is an adult: the guardian's papers are not asked for.
    expect(names).not.toContain('监护人居民身份证及监护关系证明');
    const spared = precheck(page).locator('.precheck-spared');
    expect(await spared.textContent()).toContain('近期免冠彩色证件照片');
    expect(await spared.textContent()).toContain('免提交');
    expect(await spared.locator('input').count()).toBe(0);
    // The upload offers pictures and PDF; the numbers take their keypads.
    const file = precheck(page).locator('input[type=file]').last();
    expect(await file.getAttribute('accept')).toBe('image/*,application/pdf');
    expect(await precheck(page).getByLabel('手机号码').getAttribute('inputmode')).toBe('numeric');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await precheck(page)
      .getByRole('checkbox', { name: /^居民身份证/ })
      .check();
    await precheck(page).getByLabel('身份证号码').fill(WRONG_ID);
    await precheck(page).getByLabel('手机号码').fill('13800138000');
    // Back to the questions and forward again: the answers and ticks are kept.
    await precheck(page).getByRole('button', { name: '上一步' }).click();
    await page.getByRole('heading', { name: '第一步：请回答几个问题' }).waitFor();
    expect(
      await precheck(page)
        .locator('fieldset')
        .filter({ hasText: /委托他人/ })
        .getByRole('button', { name: '是', exact: true })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await precheck(page).getByRole('button', { name: '下一步' }).click();
    expect(
      await precheck(page)
        .getByRole('checkbox', { name: /^居民身份证/ })
        .isChecked(),
    ).toBe(true);
    expect(await precheck(page).getByLabel('身份证号码').inputValue()).toBe(WRONG_ID);
  });

  it('shows the one-time notice: what is missing and the number to correct, with why', async () => {
    const { page } = desktop;
    const requests: unknown[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/precheck')) requests.push(request.postDataJSON());
    });
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/precheck'));
    await precheck(page).getByRole('button', { name: '查看预审结果' }).click();
    made = (await (await answered).json()) as Made;
    const result = precheck(page).locator('.precheck-result');
    await result.waitFor();
    expect(await focusedText(page)).toBe('预审结果（一次性告知）');
    // The number, large, with a QR code the window clerk scans to open it in the console.
    expect(made.precheckNo).toMatch(PRECHECK_NO);
    expect(await result.locator('.precheck-number').textContent()).toBe(made.precheckNo);
    const qr = result.getByRole('img', { name: `预审编号 ${made.precheckNo} 的二维码，供窗口工作人员扫描` });
    expect(await qr.getAttribute('data-text')).toBe(made.consoleUrl);
    expect(made.consoleUrl).toBe(`${server.url}/console/#/prechecks/${made.precheckNo}`);
    expect(await result.locator('.precheck-place').textContent()).toContain('取号类别');
    expect(requests).toEqual([
      {
        itemId: 'SHMS-001',
        situation: { minor: false, agent: true, face: false },
        provided: ['居民身份证'],
        fields: { idNumber: WRONG_ID, phone: '13800138000' },
      },
    ]);
    expect(await result.locator('.precheck-verdict').textContent()).toBe(
      '还需准备 1 项材料，有 1 项信息需要更正。',
    );
    expect(await result.locator('.precheck-missing li').allTextContents()).toEqual([
      expect.stringContaining('代办人居民身份证及授权委托书'),
    ]);
    const invalid = await result.locator('.precheck-invalid li').textContent();
    expect(invalid).toContain('身份证号码：');
    expect(invalid).toContain('校验码');
    // The number itself is never shown back.
    expect(await result.textContent()).not.toContain(WRONG_ID);
    expect(await result.locator('.precheck-exempt').textContent()).toContain('近期免冠彩色证件照片');
    expect(await result.locator('.precheck-place').textContent()).toMatch(/窗口/);
    await expect.poll(() => precheck(page).getByRole('status').textContent()).toContain('还需准备1项材料');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await saveScreenshot(page, 'widget-precheck-result');
  });

  it('downloads the notice as a PDF', async () => {
    const { page } = desktop;
    const link = precheck(page).getByRole('link', { name: '下载 PDF' });
    const href = String(await link.getAttribute('href'));
    expect(href).toBe(`${server.url}${made.noticeUrl}`);
    const downloading = page.waitForEvent('download');
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const response = await fetch(href);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('prints the result card alone', async () => {
    const { page } = desktop;
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await precheck(page).getByRole('button', { name: '打印' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    const chat = page.locator('daoban-widget .from-citizen').first();
    const composer = page.getByRole('textbox', { name: '输入您的问题' });
    const hostHeading = page.locator('main h1');
    const result = precheck(page).locator('.precheck-result');
    expect(await chat.isVisible()).toBe(true);
    expect(await hostHeading.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await chat.isVisible()).toBe(false);
      expect(await composer.isVisible()).toBe(false);
      expect(await hostHeading.isVisible()).toBe(false);
      expect(await page.locator('daoban-widget .db-card').first().isVisible()).toBe(false);
      expect(await result.isVisible()).toBe(true);
      expect(await precheck(page).getByRole('button', { name: '打印' }).isVisible()).toBe(false);
      // The card is printed from the top of the page, not cut by the widget's fixed panel.
      const box = await result.boundingBox();
      expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
      expect(box?.y ?? 1000).toBeLessThan(200);
      await saveScreenshot(page, 'widget-precheck-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('goes back to the checklist, and leaving the pre-check restores printing the page', async () => {
    const { page } = desktop;
    await precheck(page).getByRole('button', { name: '修改材料' }).click();
    await page.getByRole('heading', { name: '第二步：勾选您已备好的材料' }).waitFor();
    expect(
      await precheck(page)
        .getByRole('checkbox', { name: /^居民身份证/ })
        .isChecked(),
    ).toBe(true);
    // Coming in person after all: the agent's papers go, what was ticked and typed stays.
    await precheck(page).getByRole('button', { name: '上一步' }).click();
    await answer(page, /委托他人/, '否');
    await precheck(page).getByRole('button', { name: '下一步' }).click();
    expect(
      await precheck(page)
        .getByRole('checkbox', { name: /^代办人/ })
        .count(),
    ).toBe(0);
    expect(await precheck(page).getByLabel('身份证号码').inputValue()).toBe(WRONG_ID);
    await precheck(page).getByLabel('身份证号码').fill('');
    await precheck(page).getByRole('button', { name: '查看预审结果' }).click();
    await precheck(page).locator('.precheck-result').waitFor();
    expect(await precheck(page).locator('.precheck-verdict').textContent()).toBe(
      '必要材料已齐全，可以到窗口办理。',
    );
    await precheck(page).getByRole('button', { name: '退出预审' }).click();
    expect(await page.locator('daoban-precheck').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('main h1').isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it(
    'takes a photo of a document, says what was read, and sends it with the pre-check',
    { timeout: 180_000 },
    async () => {
      const { page } = desktop;
      await page
        .getByRole('button', { name: `预审我的材料：${ITEM}` })
        .last()
        .click();
      await page.getByRole('heading', { name: '第一步：请回答几个问题' }).waitFor();
      await precheck(page).getByRole('button', { name: '下一步' }).click();
      await page.getByRole('heading', { name: '第二步：勾选您已备好的材料' }).waitFor();
      const picker = precheck(page).locator('input[type=file]').last();
      // A file that is no picture, whatever its name says, is refused in plain words.
      await picker.setInputFiles({
        name: 'id.png',
        mimeType: 'image/png',
        buffer: Buffer.from('MZ not a picture'),
      });
      const alert = precheck(page).getByRole('alert');
      await expect.poll(() => alert.textContent()).not.toBe('');
      expect(await alert.textContent()).not.toMatch(/JSON|error|Error/);
      expect(await precheck(page).locator('.precheck-upload').count()).toBe(0);
      // A blank photo is kept, with the reader's word on what it could not read.
      const uploaded = page.waitForResponse((response) =>
        response.url().endsWith('/api/v1/precheck/uploads'),
      );
      await picker.setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: await blankPng() });
      const upload = (await (await uploaded).json()) as {
        upload: { id: string };
        reading: { documentType: string | null; problem?: string };
      };
      expect((await uploaded).status()).toBe(201);
      expect(upload.reading.documentType).toBeNull();
      const row = precheck(page).locator('.precheck-upload');
      await row.waitFor();
      expect(await row.locator('.precheck-name').textContent()).toBe('blank.png');
      expect(await row.locator('.precheck-reading').textContent()).toBe(upload.reading.problem);
      expect(await precheck(page).locator('.precheck-error').textContent()).toBe('');
      await expect.poll(() => precheck(page).getByRole('status').textContent()).toBe(upload.reading.problem);
      expect(await seriousAxeFindings(page)).toEqual([]);
      // Removing it withdraws it on the server.
      const withdrawn = page.waitForResponse((response) => response.request().method() === 'DELETE');
      await row.getByRole('button', { name: '删除 blank.png' }).click();
      expect((await withdrawn).status()).toBe(204);
      expect(await precheck(page).locator('.precheck-upload').count()).toBe(0);
      // A photo of an ID card is recognised, its number shown masked, and it counts as provided.
      const [card] = (await renderDocumentSamples({ variants: ['clean'] })).filter(
        (sample) => sample.type === '居民身份证' && sample.expected.idNumber,
      );
      const again = page.waitForResponse((response) => response.url().endsWith('/api/v1/precheck/uploads'));
      await picker.setInputFiles({ name: 'IMG_0001.png', mimeType: card.contentType, buffer: card.image });
      const kept = (await (await again).json()) as { upload: { id: string } };
      await row.waitFor();
      expect(await row.locator('.precheck-reading').textContent()).toBe('已识别：居民身份证');
      const id = String(card.expected.idNumber);
      expect(await row.locator('.precheck-note').allTextContents()).toContain(
        `读取到身份证号码：${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`,
      );
      expect(await row.textContent()).not.toContain(id);
      const sent = page.waitForRequest((request) => request.url().endsWith('/api/v1/precheck'));
      await precheck(page).getByRole('button', { name: '查看预审结果' }).click();
      expect(((await sent).postDataJSON() as { uploads?: string[] }).uploads).toEqual([kept.upload.id]);
      const result = precheck(page).locator('.precheck-result');
      await result.waitFor();
      expect(
        (await result.locator('.precheck-missing .precheck-name').allTextContents()).includes('居民身份证'),
      ).toBe(false);
      expect(await seriousAxeFindings(page)).toEqual([]);
      await precheck(page).getByRole('button', { name: '退出预审' }).click();
    },
  );

  it('opens a result again from the address a phone is given', async () => {
    const { page } = desktop;
    await page.goto(`${server.url}/?precheck=${made.precheckNo}&key=${made.noticeKey}`);
    const result = precheck(page).locator('.precheck-result');
    await result.waitFor();
    expect(await result.locator('.precheck-number').textContent()).toBe(made.precheckNo);
    expect(await result.locator('.precheck-missing').textContent()).toContain('代办人居民身份证及授权委托书');
    // The stored notice keeps the typed number masked, and shows none of it here.
    expect(await result.textContent()).not.toContain(WRONG_ID);
    const pdf = precheck(page).getByRole('link', { name: '下载 PDF' });
    expect(await pdf.getAttribute('href')).toBe(`${server.url}${made.noticeUrl}`);
    // Opened by its number, there is no checklist here to change.
    expect(await precheck(page).getByRole('button', { name: '修改材料' }).count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    // A wrong key opens nothing, and says so.
    await page.goto(`${server.url}/?precheck=${made.precheckNo}&key=wrong-key`);
    await expect.poll(() => precheck(page).getByRole('alert').textContent()).toContain('没有找到这份告知书');
  });

  it('works on a 360 px phone in 长辈模式', async () => {
    const { page } = phone;
    await openWidget(page);
    await page.getByRole('button', { name: '长辈模式' }).click();
    await openPrecheck(page);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await answer(page, /未满16周岁/, '是');
    await answer(page, /委托他人/, '否');
    await precheck(page).getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '第二步：勾选您已备好的材料' }).waitFor();
    const names = await precheck(page)
      .getByRole('list', { name: '需要准备的材料' })
      .locator('.precheck-name')
      .allTextContents();
    expect(names).toContain('监护人居民身份证及监护关系证明');
    expect(names).not.toContain('代办人居民身份证及授权委托书');
    // A phone offers the camera as well as the picker.
    expect(await precheck(page).locator('input[type=file][capture]').count()).toBe(1);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await precheck(page).getByLabel('身份证号码').fill(WRONG_ID);
    await precheck(page).getByRole('button', { name: '查看预审结果' }).click();
    await precheck(page).locator('.precheck-result').waitFor();
    expect(await precheck(page).locator('.precheck-invalid').textContent()).toContain('校验码');
    expect(await seriousAxeFindings(page)).toEqual([]);
    // Nothing is wider than the screen.
    const overflow = await precheck(page).evaluate((element) => {
      const wide = [...element.querySelectorAll<HTMLElement>('*')].filter(
        (child) => child.getBoundingClientRect().right > window.innerWidth + 1,
      );
      return wide.map((child) => child.className || child.tagName);
    });
    expect(overflow).toEqual([]);
    await saveScreenshot(page, 'widget-precheck-phone');
  });
});
