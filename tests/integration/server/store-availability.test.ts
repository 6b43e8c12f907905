/**
 * The server stays up while the store cannot write (issue 9, finding 7). Another process holds an
 * exclusive lock on the database: /healthz answers at once with 503 `degraded` while a turn waits,
 * and the turn is answered once the lock is released — or, past DB_LOCK_WAIT_MS, fails with a clear
 * STORE_BUSY error. A full database (size cap, as a full disk gives SQLITE_FULL) and a disk below
 * DB_MIN_FREE_MB also show as degraded. Nothing here measures time: the test waits for the server's
 * own report that the turn is waiting, and for ordering.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';
import { ChatClient, requestJson } from '../../helpers/server-clients.ts';

const running: Harness[] = [];
const lockers: Database.Database[] = [];
afterAll(async () => {
  for (const locker of lockers) if (locker.open) locker.close();
  for (const harness of running) await harness.stop();
  removeTemporaryFolders();
});

async function start(store: Record<string, number>): Promise<Harness> {
  const harness = await startHarness({ settings: { store } });
  running.push(harness);
  return harness;
}

/** A second connection, standing for another process (a backup, a maintenance script). */
function otherProcess(harness: Harness): Database.Database {
  const connection = new Database(path.join(harness.dataDir, 'daoban.sqlite'));
  lockers.push(connection);
  return connection;
}

const health = (harness: Harness) =>
  requestJson<{ status: string; reason?: string; items: number; indexVersion: string }>(
    `${harness.url}/healthz`,
  );

const ask = (harness: Harness, question: string, sessionId: string) =>
  requestJson<{ answer?: string; error?: { code: string; message: string } }>(`${harness.url}/api/v1/ask`, {
    body: { question, sessionId },
  });

const lockLogged = (harness: Harness) => harness.logs.some((line) => line.includes('database locked'));

describe('a database lock held by another process', () => {
  it('keeps /healthz answering (degraded) while a turn waits, then answers the turn', async () => {
    const harness = await start({ busyTimeoutMs: 20, lockWaitMs: 600_000 });
    expect((await health(harness)).body.status).toBe('ok');
    const locker = otherProcess(harness);
    locker.exec('BEGIN EXCLUSIVE');

    let settled = false;
    const turn = ask(harness, '社保卡丢了怎么补办', 'lock-wait-session-01').finally(() => {
      settled = true;
    });
    // The server reports the turn waiting for the lock…
    await expect.poll(() => lockLogged(harness), { timeout: 20_000 }).toBe(true);
    // …and meanwhile the event loop is free: health and public reads answer, the turn still waits.
    const degraded = await health(harness);
    expect(degraded.status).toBe(503);
    expect(degraded.body).toMatchObject({ status: 'degraded', reason: 'store_locked' });
    expect(degraded.body.items).toBeGreaterThan(0);
    expect((await requestJson(`${harness.url}/api/v1/hall`)).status).toBe(200);
    expect(settled).toBe(false);

    locker.exec('COMMIT');
    const answered = await turn;
    expect(answered.status).toBe(200);
    expect(answered.body.answer).toContain('社会保障卡');
    const stored = locker
      .prepare("SELECT text FROM messages WHERE conversation_id = ? AND role = 'citizen'")
      .all('lock-wait-session-01');
    expect(stored).toEqual([{ text: '社保卡丢了怎么补办' }]);
    expect((await health(harness)).body.status).toBe('ok');
  });

  it('fails the turn with STORE_BUSY once DB_LOCK_WAIT_MS has passed, on HTTP and the websocket', async () => {
    const harness = await start({ busyTimeoutMs: 5, lockWaitMs: 50 });
    const locker = otherProcess(harness);
    locker.exec('BEGIN EXCLUSIVE');

    const refused = await ask(harness, '营业执照怎么办', 'lock-fail-session-01');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body.error).toMatchObject({ code: 'STORE_BUSY' });
    expect(refused.body.error?.message).toMatch(/未能保存/);

    const chat = await ChatClient.open(harness.url, 'lock-fail-socket-01');
    chat.send({ type: 'hello' });
    chat.send({ type: 'message', text: '营业执照怎么办' });
    const error = await chat.next((event) => event.type === 'error');
    expect(error.error).toMatchObject({ code: 'STORE_BUSY' });

    locker.exec('COMMIT');
    const answer = await chat.ask('营业执照怎么办');
    expect(answer.text).toBeTruthy();
    await chat.close();
    expect((await ask(harness, '营业执照怎么办', 'lock-fail-session-01')).status).toBe(200);
  });
});

describe('a store that cannot grow', () => {
  it('reports a full database as degraded and refuses the turn with STORE_FULL, until space is freed', async () => {
    const harness = await start({ maxSizeMb: 2 });
    expect((await health(harness)).body.status).toBe('ok');
    const filler = otherProcess(harness);
    filler.exec('CREATE TABLE test_filler (payload BLOB)');
    filler.prepare('INSERT INTO test_filler VALUES (zeroblob(?))').run(3 * 1048576);

    const full = await health(harness);
    expect(full.status).toBe(503);
    expect(full.body).toMatchObject({ status: 'degraded', reason: 'store_full' });
    // A turn still fits while the pages it writes have room; within a few turns it needs a new page.
    let refused: Awaited<ReturnType<typeof ask>> | undefined;
    for (let turn = 0; turn < 40 && !refused; turn += 1) {
      const response = await ask(harness, '结婚登记要带什么', `full-store-session-${turn}`);
      if (response.status !== 200) refused = response;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.body.error).toMatchObject({ code: 'STORE_FULL' });

    filler.exec('DROP TABLE test_filler');
    expect((await health(harness)).body.status).toBe('ok');
    expect((await ask(harness, '结婚登记要带什么', 'full-store-session-1')).status).toBe(200);
  });

  it('reports a disk with less free space than DB_MIN_FREE_MB as degraded', async () => {
    // More free space than any disk has: the check must fail.
    const harness = await start({ minFreeMb: 1024 ** 3 });
    const low = await health(harness);
    expect(low.status).toBe(503);
    expect(low.body).toMatchObject({ status: 'degraded', reason: 'disk_low' });
  });
});
