/**
 * The kiosk's hand-over to a person in real Chromium, with the two hand-over calls (GET
 * /api/v1/handover, POST /api/v1/cases) answered by a small stub in the contract's shapes (the rest
 * is the real server): the consent form shows what is shared and when staff reply; without consent
 * no case is asked for and the window's place and hours are shown; with consent exactly one case is
 * opened however often the visitor taps, and the case number, lookup code and a QR code that
 * encodes the follow-up address are shown; a phone typed on the digit pad is checked and sent.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { create } from 'qrcode';
import { QR_OPTIONS } from '../../web-widget/src/kiosk/case-qr.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';

const HANDOVER = {
  expectedReply: '预计 15 分钟内回复',
  replyBy: '2026-12-02T08:15:00.000Z',
  shared: '您与智能导办的全部对话、您填写的说明和联系电话（如填写）',
  window: '一楼综合服务区办不成事反映窗口（A01）',
  hotline: '0531-12345',
};
const DECLINED =
  '未为您转交工作人员。您可以到一楼办不成事反映窗口（A01）当面反映，工作时间周一至周五 9:00-17:00。';

interface CaseRequest {
  sessionId: string;
  category: string;
  consent: boolean;
  phone?: string;
}

let server: TestServer;
let browser: BrowserSession;
let posted: CaseRequest[];
/** Resolves the held POST /api/v1/cases, so a test can tap again while the first request is open. */
let release: (() => void) | undefined;
let holdNext = false;

function caseFor(body: CaseRequest) {
  const base = {
    number: 'BCS20261202-0001-ZSJK',
    status: '受理',
    deadline: '2026-12-09',
    category: body.category,
  };
  return body.phone
    ? { ...base, lookup: 'phone', phoneMasked: '138****5678', expectedReply: HANDOVER.expectedReply }
    : { ...base, lookup: 'code', lookupCode: 'K7P3QX', expectedReply: HANDOVER.expectedReply };
}

async function answerCases(route: Route): Promise<void> {
  const body = route.request().postDataJSON() as CaseRequest;
  posted.push(body);
  if (holdNext) {
    holdNext = false;
    await new Promise<void>((resolve) => (release = resolve));
  }
  if (!body.consent) await route.fulfill({ json: { declined: true, message: DECLINED } });
  else await route.fulfill({ status: 201, json: caseFor(body) });
}

/** The dark modules of the QR code on the page, as "row,column" (the quiet zone is 4 modules). */
const drawnModules = (page: Page) =>
  page
    .locator('svg.case-qr path')
    .getAttribute('d')
    .then((d) =>
      [...String(d).matchAll(/M(\d+) (\d+)/g)].map((m) => `${Number(m[2]) - 4},${Number(m[1]) - 4}`),
    );

function expectedModules(text: string): string[] {
  const { modules } = create(text, QR_OPTIONS);
  const dark: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) dark.push(`${row},${column}`);
    }
  }
  return dark;
}

async function openHome(page: Page): Promise<void> {
  await page.goto(`${server.url}/kiosk`);
  await page.getByRole('button', { name: '企业开办' }).waitFor();
}

beforeAll(async () => {
  server = await startTestServer();
  browser = await openBrowser({ viewport: { width: 1920, height: 1080 } });
  await browser.page.route('**/api/v1/handover', (route) => route.fulfill({ json: HANDOVER }));
  await browser.page.route('**/api/v1/cases', answerCases);
});

beforeEach(() => {
  posted = [];
  holdNext = false;
});

afterEach(() => release?.());

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('kiosk hand-over to staff', () => {
  it('shows what is shared and the reply time, and opens no case without consent', async () => {
    const { page } = browser;
    await openHome(page);
    await page.getByRole('button', { name: '找工作人员' }).click();
    await page.getByRole('heading', { name: '请工作人员帮您' }).waitFor();
    await expect
      .poll(() => page.locator('.hand-over-shared').textContent())
      .toBe(`工作人员将看到：${HANDOVER.shared}。`);
    await expect.poll(() => page.locator('.hand-over-reply').textContent()).toBe('预计 15 分钟内回复。');
    const consent = page.getByRole('checkbox', { name: '我同意把以上内容交给工作人员处理' });
    expect(await consent.isChecked()).toBe(false);
    // The consent box is a large touch target.
    const box = await consent.boundingBox();
    expect(box && box.width >= 44 && box.height >= 44).toBe(true);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await saveScreenshot(page, 'kiosk-hand-over');

    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('heading', { name: '未转交工作人员' }).waitFor();
    expect(await page.locator('.declined-message').textContent()).toBe(DECLINED);
    expect(posted).toEqual([
      { sessionId: expect.stringMatching(/^kiosk-/), category: '咨询转人工', consent: false },
    ]);
    expect(await page.locator('.case-number').count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('opens exactly one case for a double tap and shows its number, lookup code and QR code', async () => {
    const { page } = browser;
    await openHome(page);
    await page.getByRole('button', { name: '办不成事' }).click();
    await page.getByRole('checkbox', { name: '我同意把以上内容交给工作人员处理' }).check();
    holdNext = true;
    const submit = page.getByRole('button', { name: '提交' });
    await submit.click();
    await expect.poll(() => posted.length).toBe(1);
    // The visitor taps again while the first request is still open.
    await submit.click({ force: true });
    await submit.dispatchEvent('click');
    await page.locator('form.hand-over-form').evaluate((form: HTMLFormElement) => form.requestSubmit());
    release?.();
    await page.getByRole('heading', { name: '已转交工作人员' }).waitFor();
    expect(posted).toEqual([
      { sessionId: expect.stringMatching(/^kiosk-/), category: '办不成事反映', consent: true },
    ]);
    expect(await page.locator('.case-number').textContent()).toBe('BCS20261202-0001-ZSJK');
    expect(await page.locator('.lookup-code').textContent()).toBe('K7P3QX');
    const fontSize = await page
      .locator('.case-number')
      .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(40);
    const url = `${server.url}/?case=BCS20261202-0001-ZSJK&code=K7P3QX`;
    expect(await page.getByRole('img', { name: '手机扫码查看办理进度' }).getAttribute('data-text')).toBe(url);
    expect(await drawnModules(page)).toEqual(expectedModules(url));
    expect(await seriousAxeFindings(page)).toEqual([]);
    await saveScreenshot(page, 'kiosk-case-opened');
  });

  it('checks a phone typed on the digit pad and sends it with the case', async () => {
    const { page } = browser;
    await openHome(page);
    await page.getByRole('button', { name: '找工作人员' }).click();
    await page.getByRole('checkbox', { name: '我同意把以上内容交给工作人员处理' }).check();
    const pad = page.getByRole('group', { name: '数字键盘' });
    for (const digit of '1381234') await pad.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('请填写11位手机号码');
    expect(posted).toEqual([]);
    const phone = page.getByRole('textbox', { name: '联系电话（选填）' });
    // A twelfth digit is not taken; 删除一位 takes the last one back.
    for (const digit of '56789') await pad.getByRole('button', { name: digit, exact: true }).click();
    expect(await phone.inputValue()).toBe('13812345678');
    await pad.getByRole('button', { name: '删除一位' }).click();
    expect(await phone.inputValue()).toBe('1381234567');
    await pad.getByRole('button', { name: '8', exact: true }).click();
    expect(await phone.inputValue()).toBe('13812345678');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('heading', { name: '已转交工作人员' }).waitFor();
    expect(posted).toEqual([
      {
        sessionId: expect.stringMatching(/^kiosk-/),
        category: '咨询转人工',
        consent: true,
        phone: '13812345678',
      },
    ]);
    expect(await page.locator('.lookup-code').count()).toBe(0);
    expect(await page.locator('.hand-over').textContent()).toContain('138****5678');
    const url = `${server.url}/?case=BCS20261202-0001-ZSJK`;
    expect(await page.getByRole('img', { name: '手机扫码查看办理进度' }).getAttribute('data-text')).toBe(url);
    expect(await drawnModules(page)).toEqual(expectedModules(url));
  });

  it('goes to the consent form when an answer needs a person, with the answer’s category', async () => {
    const { page } = browser;
    await openHome(page);
    await page.route('**/api/v1/ask', (route) =>
      route.fulfill({
        json: {
          answer: '这个问题需要工作人员帮您处理。',
          intent: 'escalate',
          items: [],
          escalate: true,
          escalation: { category: '投诉', reason: '我要投诉' },
          citations: [],
          latencyMs: 1,
          quickReplies: [],
        },
      }),
    );
    try {
      await page.getByRole('textbox', { name: '请输入您要办的事' }).fill('我要投诉');
      await page.getByRole('button', { name: '查询' }).click();
      await page.getByRole('heading', { name: '请工作人员帮您' }).waitFor();
      expect(await page.locator('.hand-over .answer-text').textContent()).toBe(
        '这个问题需要工作人员帮您处理。',
      );
      await page.getByRole('checkbox', { name: '我同意把以上内容交给工作人员处理' }).check();
      await page.getByRole('button', { name: '提交' }).click();
      await page.getByRole('heading', { name: '已转交工作人员' }).waitFor();
      expect(posted.map((body) => [body.category, body.consent])).toEqual([['投诉', true]]);
    } finally {
      await page.unroute('**/api/v1/ask');
    }
  });
});
