/**
 * Catalog management end to end in real Chromium against the real server: an administrator opens
 * 事项清单管理, sees a broken file refused with its errors by row, uploads a changed catalog, reads
 * the report and the field-level difference, publishes it and watches the progress finish; a
 * citizen's next question is answered from the new catalog; then the administrator rolls back and
 * the old answer returns.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, saveScreenshot } from '../helpers/browser.ts';
import type { BrowserSession } from '../helpers/browser.ts';
import { STAFF_PASSWORD, STAFF_USERNAME, startTestServer } from '../helpers/browser-server.ts';
import type { TestServer } from '../helpers/browser-server.ts';
import { seriousAxeFindings } from '../helpers/axe.ts';

const QUESTION = '食品经营许可在哪个窗口办';

let server: TestServer;
let admin: BrowserSession;
let workDir: string;
let changedFile: string;

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'daoban-e2e-catalog-'));
  const catalog = JSON.parse(readFileSync(path.resolve('knowledge/data/catalog.json'), 'utf8')) as {
    version: string;
    items: Array<{ id: string; window: string }>;
  };
  catalog.version = '2026.12-e2e';
  catalog.items.find((item) => item.id === 'QYKB-006')!.window = 'A08';
  changedFile = path.join(workDir, '事项清单-新.json');
  writeFileSync(changedFile, JSON.stringify(catalog));
  server = await startTestServer();
  admin = await openBrowser({ viewport: { width: 1366, height: 900 } });
});

afterAll(async () => {
  await admin?.close();
  await server?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function citizenAnswer(): Promise<string> {
  const response = await admin.page.request.post(`${server.url}/api/v1/ask`, {
    data: { question: QUESTION },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { answer: string }).answer;
}

describe('catalog management in the console', () => {
  it('the administrator opens 事项清单管理', async () => {
    const { page } = admin;
    expect(await citizenAnswer()).toContain('A06');
    await page.goto(`${server.url}/console`);
    await page.getByLabel('用户名').fill(STAFF_USERNAME);
    await page.getByLabel('密码').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '事项清单管理' }).click();
    await page.getByRole('heading', { name: '事项清单管理' }).waitFor();
    await page.getByRole('table', { name: '版本记录' }).getByText('使用中').waitFor();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('a file with errors shows them by row and cannot be published', async () => {
    const panel = admin.page.getByRole('region', { name: '事项清单', exact: true });
    await panel
      .getByLabel('选择事项清单文件')
      .setInputFiles(path.resolve('tests/fixtures/catalogs/broken-catalog.csv'));
    await panel.getByRole('button', { name: '上传并检查' }).click();
    const report = panel.getByRole('table', { name: '校验结果' });
    await report.waitFor();
    expect(await report.locator('tr.issue-error').count()).toBeGreaterThan(0);
    expect(await panel.getByText('改正后才能发布').count()).toBe(1);
    expect(await panel.getByRole('button', { name: '发布', exact: true }).isDisabled()).toBe(true);
  });

  it('a changed catalog shows its report and difference, and publishing reaches the citizen', async () => {
    const { page } = admin;
    const panel = page.getByRole('region', { name: '事项清单', exact: true });
    await panel.getByLabel('选择事项清单文件').setInputFiles(changedFile);
    await panel.getByRole('button', { name: '上传并检查' }).click();
    await expect.poll(() => panel.locator('.upload-result').textContent()).toContain('可以发布');
    const diff = panel.getByRole('region', { name: '与线上版本的差异' });
    await diff.waitFor();
    await expect.poll(() => diff.textContent()).toContain('QYKB-006');
    const changes = diff.getByRole('table', { name: '食品经营许可的修改' });
    expect(await changes.getByRole('row', { name: /办理窗口/ }).textContent()).toMatch(/A06.*A08/);
    expect(await diff.textContent()).toContain('2026.12-e2e');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await saveScreenshot(page, 'console-catalog-diff');

    const publish = panel.getByRole('button', { name: '发布', exact: true });
    expect(await publish.isDisabled()).toBe(false);
    await publish.click();
    const progress = panel.getByRole('progressbar', { name: '事项清单发布进度' });
    await progress.waitFor();
    await expect
      .poll(() => panel.getByRole('status').first().textContent(), { timeout: 60_000 })
      .toContain('发布完成');
    expect(await progress.getAttribute('value')).toBe('100');

    expect(await citizenAnswer()).toContain('A08');
    const history = page.getByRole('table', { name: '版本记录' });
    await expect.poll(() => history.locator('tr.live').textContent()).toContain('2026.12-e2e');
    await saveScreenshot(page, 'console-catalog-published');
  });

  it('rolling back brings the previous catalog back', async () => {
    const { page } = admin;
    const history = page.getByRole('table', { name: '版本记录' });
    const previous = history.locator('tbody tr:not(.live)').first();
    await previous.getByRole('button', { name: '回滚到此版本' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: '版本记录' }).getByRole('status').textContent())
      .toContain('已回滚到版本');
    expect(await citizenAnswer()).toContain('A06');
    await expect.poll(() => history.locator('tr.live').textContent()).not.toContain('2026.12-e2e');
  });
});
