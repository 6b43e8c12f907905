/**
 * The clerk opens a citizen's pre-check by its QR code, end to end in real Chromium against the real
 * server: a pre-check made over HTTP (as the widget does) gives a notice whose PDF carries a QR code
 * of the console address; opening that address asks the clerk to sign in and then shows the same
 * result (the missing materials, masked numbers), printable; a number typed into the box opens it too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, saveScreenshot, type BrowserSession } from '../helpers/browser.ts';
import {
  STAFF_PASSWORD,
  STAFF_USERNAME,
  startTestServer,
  type TestServer,
} from '../helpers/browser-server.ts';
import { requestJson } from '../helpers/server-clients.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';
import { drawnQrRuns, pdfOperators } from '../helpers/pdf-qr.ts';

const ID_NUMBER = '11010519491231002X';

interface Created {
  precheckNo: string;
  noticeUrl: string;
  consoleUrl: string;
  item: { name: string };
  missing: Array<{ name: string }>;
}

let server: TestServer;
let clerk: BrowserSession;
let created: Created;

beforeAll(async () => {
  server = await startTestServer();
  clerk = await openBrowser({ viewport: { width: 1280, height: 900 } });
  const response = await requestJson<Created>(`${server.url}/api/v1/precheck`, {
    body: { itemId: 'SHMS-001', provided: ['户口本'], fields: { idNumber: ID_NUMBER } },
  });
  expect(response.status).toBe(200);
  created = response.body;
});

afterAll(async () => {
  await clerk?.close();
  await server?.close();
});

describe('console 预审单', () => {
  it('prints a QR code of the console page of the pre-check on the PDF', async () => {
    expect(created.consoleUrl).toBe(`${server.url}/console/#/prechecks/${created.precheckNo}`);
    const pdf = Buffer.from(await (await fetch(`${server.url}${created.noticeUrl}`)).arrayBuffer());
    const { drawn, expected } = drawnQrRuns(pdfOperators(pdf), created.consoleUrl);
    expect(drawn).toEqual(expected);
    const other = drawnQrRuns(pdfOperators(pdf), `${server.url}/console/#/prechecks/YS000101-AAAAA`);
    expect(other.drawn).not.toEqual(other.expected);
  });

  it('opens the pre-check from its QR address after sign-in, with what the citizen was told', async () => {
    const { page } = clerk;
    await page.goto(created.consoleUrl);
    await page.getByLabel('用户名').fill(STAFF_USERNAME);
    await page.getByLabel('密码').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '预审单' }).waitFor();
    const card = page.locator('.precheck-notice');
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain(created.precheckNo);
    const text = (await card.textContent()) ?? '';
    expect(created.missing.length).toBeGreaterThan(0);
    for (const material of created.missing) expect(text).toContain(material.name);
    expect(text).toContain(created.item.name);
    expect(text).toContain('110105********002X');
    expect(text).not.toContain(ID_NUMBER);
    await page.getByRole('heading', { name: /还需准备/ }).waitFor();
    await page.getByRole('button', { name: '打印告知书' }).waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
    await saveScreenshot(page, 'console-precheck');
  });

  it('opens a number typed into the box, and says so when there is none', async () => {
    const { page } = clerk;
    await page.goto(`${server.url}/console#/prechecks`);
    const box = page.getByRole('textbox', { name: '预审编号' });
    await box.fill(created.precheckNo.toLowerCase().replace('-', ''));
    await page.getByRole('button', { name: '查看' }).click();
    await page.locator('.precheck-notice').waitFor();
    expect(await page.locator('.precheck-facts').textContent()).toContain(created.precheckNo);
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByRole('textbox', { name: '预审编号' }).fill('YS000101-AAAAA');
    await page.getByRole('button', { name: '查看' }).click();
    await page.getByText(/没有找到预审编号/).waitFor();
    expect(await page.locator('.precheck-notice').count()).toBe(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});
