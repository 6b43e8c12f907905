/**
 * The mock server (mock-server-daoban.ts) with freshly built web assets, for the widget's tests of
 * the hand-over contract: the tests act as staff and as the network through its `control`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildWeb } from '../../web-widget/build.ts';
import { startMockServer } from './mock-server-daoban.ts';

export async function startWidgetMock() {
  const workDir = mkdtempSync(path.join(tmpdir(), 'daoban-widget-'));
  const distDir = await buildWeb({ outDir: path.join(workDir, 'web') });
  const mock = await startMockServer({ distDir });
  return {
    ...mock,
    close: async () => {
      await mock.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

export type WidgetMock = Awaited<ReturnType<typeof startWidgetMock>>;

/** The visitor id the widget stored on this device (the mock's conversation key). */
export const visitorOf = (page: Page): Promise<string> =>
  page.evaluate(() => String(JSON.parse(localStorage.getItem('daoban.user') ?? '{}').id));

export async function openWidget(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: '在线导办' }).click();
  await page.getByRole('dialog').waitFor();
}

export async function ask(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: '输入您的问题' });
  await input.fill(text);
  await input.press('Enter');
}
