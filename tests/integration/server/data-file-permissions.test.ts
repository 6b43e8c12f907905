/**
 * Only the server's user can read the database (issue 9, finding 8): a fresh data folder is created
 * 0700 with the database and its WAL files 0600, and a folder and database left with looser modes
 * by an earlier version are tightened when the server starts.
 */
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  removeTemporaryFolders,
  startHarness,
  temporaryFolder,
  type Harness,
} from '../../helpers/server-harness.ts';
import { requestJson } from '../../helpers/server-clients.ts';

const running: Harness[] = [];
afterAll(async () => {
  for (const harness of running) await harness.stop();
  removeTemporaryFolders();
});

const modeOf = (file: string) => statSync(file).mode & 0o777;

function expectPrivate(dataDir: string): void {
  const database = path.join(dataDir, 'daoban.sqlite');
  expect(modeOf(dataDir)).toBe(0o700);
  expect(modeOf(database)).toBe(0o600);
  for (const companion of [`${database}-wal`, `${database}-shm`]) {
    if (existsSync(companion)) expect(modeOf(companion)).toBe(0o600);
  }
}

describe('data folder and database file modes', () => {
  it('creates the data folder 0700 and the database 0600', async () => {
    const dataDir = path.join(temporaryFolder('daoban-modes-'), 'data');
    const harness = await startHarness({ dataDir });
    running.push(harness);
    // A turn makes SQLite write the WAL, which must not be readable by others either.
    expect(
      (await requestJson(`${harness.url}/api/v1/ask`, { body: { question: '护照怎么办' } })).status,
    ).toBe(200);
    expect(existsSync(path.join(dataDir, 'daoban.sqlite-wal'))).toBe(true);
    expectPrivate(dataDir);
  });

  it('tightens a folder and database left readable by others', async () => {
    const dataDir = path.join(temporaryFolder('daoban-modes-'), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    const file = path.join(dataDir, 'daoban.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE left_over (id INTEGER)');
    old.close();
    chmodSync(dataDir, 0o755);
    chmodSync(file, 0o644);
    expect(modeOf(file)).toBe(0o644);

    const harness = await startHarness({ dataDir });
    running.push(harness);
    expectPrivate(dataDir);
  });
});
