/**
 * Starts the real server for integration tests: the real assistant on an index built from the
 * shipped catalog into a temp folder (once per test file), a fresh SQLite data folder, an admin
 * from settings, and a collector for log lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import {
  startServer,
  type RunningServer,
  type SettingsOverride,
  type StartOptions,
} from '../../bot/server/start.ts';

export const ADMIN = { username: 'admin', password: 'service-hall-key-7' };

export interface Harness {
  server: RunningServer;
  url: string;
  dataDir: string;
  logs: string[];
  /** Stops the server (keeping the data folder, so it can be started again). */
  stop(): Promise<void>;
  /** Starts again on the same data folder and index. */
  restart(): Promise<Harness>;
}

const temporaryFolders: string[] = [];

export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
}

export function removeTemporaryFolders(): void {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

let sharedIndexDir: string | undefined;

export async function startHarness(
  options: { settings?: SettingsOverride; dataDir?: string } & Omit<StartOptions, 'settings' | 'port'> = {},
): Promise<Harness> {
  sharedIndexDir ??= temporaryFolder('daoban-index-');
  const dataDir = options.dataDir ?? temporaryFolder('daoban-data-');
  const logs: string[] = [];
  const { settings, dataDir: _ignored, ...overrides } = options;
  const server = await startServer({
    port: 0,
    ...overrides,
    logWrite: (line) => logs.push(line),
    settings: {
      dataDir,
      indexDir: sharedIndexDir,
      host: '127.0.0.1',
      admin: ADMIN,
      logLevel: 'info',
      // No OCR worker (0.7 GB each) unless a test asks for one: the tests that read documents do.
      ocr: { workers: 0, timeoutMs: 20_000 },
      ...settings,
    },
  });
  const harness: Harness = {
    server,
    url: server.url,
    dataDir,
    logs,
    stop: () => server.close(),
    restart: () => startHarness({ ...options, dataDir }),
  };
  return harness;
}

/**
 * Starts one server for the test file (before all its tests) and stops it after them; the returned
 * object stands for that server once it runs.
 */
export function useHarness(options?: Parameters<typeof startHarness>[0]): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness(options);
  });
  afterAll(async () => {
    await current?.stop();
    removeTemporaryFolders();
  });
  return new Proxy({} as Harness, {
    get(_target, key) {
      if (!current) throw new Error('The test server has not started yet.');
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
