/**
 * Debian's Chromium driven by playwright-core for the end-to-end tests (DESIGN.md §6): headless, the
 * flags that keep it offline and quiet, and a fresh temporary profile per browser so that tests never
 * share cookies or localStorage unless they mean to.
 */
import { mkdtempSync, mkdirSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS_DIR = path.resolve('tests/artifacts');
export const SCREENSHOTS_DIR = path.resolve('docs/screenshots');

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

export async function openBrowser(
  options: {
    viewport?: { width: number; height: number };
    isMobile?: boolean;
    /** Flags beyond CHROMIUM_ARGS, e.g. `--autoplay-policy=no-user-gesture-required`. */
    args?: string[];
  } = {},
): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'daoban-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    viewport: options.viewport ?? { width: 1280, height: 800 },
    isMobile: options.isMobile,
    hasTouch: options.isMobile,
    deviceScaleFactor: 1,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a screenshot as a test artifact; with UPDATE_SCREENSHOTS=1 also the README's copy in
 * docs/screenshots/ (so an ordinary test run leaves the work tree clean).
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    copyFileSync(file, path.join(SCREENSHOTS_DIR, `${name}.png`));
  }
  return file;
}
