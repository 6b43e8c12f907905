/**
 * The server the browser tests talk to: the web assets are built into a temporary folder (test files
 * run in parallel, so each gets its own), then the real server is started on a free port with a
 * fresh data directory, where it builds the default index. With DAOBAN_E2E_MOCK=1 a small mock
 * stands in instead, for working on the UIs alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSettings } from '../../config/settings.ts';
import { startServer, type SettingsOverride } from '../../bot/server/start.ts';
import { buildWeb } from '../../web-widget/build.ts';

export const STAFF_USERNAME = 'admin';
export const STAFF_PASSWORD = 'service-hall-key-7';

export interface TestServer {
  url: string;
  close: () => Promise<void>;
}

/** `limits` go over the environment's (e.g. a small history page, to test paging). */
export async function startTestServer(
  options: { limits?: SettingsOverride['limits'] } = {},
): Promise<TestServer> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'daoban-e2e-'));
  const staticDir = await buildWeb({ outDir: path.join(workDir, 'web') });
  if (process.env.DAOBAN_E2E_MOCK === '1') {
    const { startMockServer } = await import('./mock-server-daoban.ts');
    const mock = await startMockServer({ distDir: staticDir });
    return {
      url: mock.url,
      close: async () => (await mock.close(), rmSync(workDir, { recursive: true, force: true })),
    };
  }
  const dataDir = path.join(workDir, 'data');
  const base = loadSettings();
  const running = await startServer({
    port: 0,
    settings: {
      host: '127.0.0.1',
      dataDir,
      indexDir: path.join(dataDir, 'index'),
      logLevel: 'silent',
      admin: { username: STAFF_USERNAME, password: STAFF_PASSWORD },
      server: { ...base.server, staticDir, cookieSecure: false },
      limits: options.limits,
    },
  });
  return {
    url: running.url,
    close: async () => {
      await running.close();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
