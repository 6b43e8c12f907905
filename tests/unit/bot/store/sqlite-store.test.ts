import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../../bot/store/sqlite-store.ts';
import { createGroupCommit } from '../../../../bot/store/group-commit.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('SQLite store', () => {
  it('keeps the audit log append-only, whatever code tries', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'daoban-store-'));
    folders.push(folder);
    const store = openSqliteStore({ dataDir: folder });
    store.appendAudit({
      at: '2026-01-01T00:00:00Z',
      actor: 'admin',
      action: 'user.create',
      detail: { role: 'staff' },
    });
    const raw = new Database(path.join(folder, 'daoban.sqlite'));
    expect(() => raw.prepare("UPDATE audit_log SET actor = 'someone-else'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    raw.close();
    expect(store.listAudit()).toEqual([
      expect.objectContaining({ actor: 'admin', detail: { role: 'staff' } }),
    ]);
    store.close();
  });

  it('reopens a data folder with its data and migrations applied once', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'daoban-store-'));
    folders.push(folder);
    const first = openSqliteStore({ dataDir: folder });
    first.appendMessage({
      conversationId: 'session-0001',
      role: 'citizen',
      text: '你好',
      createdAt: '2026-01-01T00:00:00Z',
      localDate: '2026-01-01',
    });
    first.saveConversationState('session-0001', { previousItemIds: ['X'], turns: 1 }, '2026-01-01T00:00:00Z');
    first.close();
    const second = openSqliteStore({ dataDir: folder });
    expect(second.listMessages('session-0001').map((message) => message.text)).toEqual(['你好']);
    expect(second.getConversation('session-0001')?.state.previousItemIds).toEqual(['X']);
    second.close();
  });

  it('group-commits concurrent writes and isolates a failing one', async () => {
    const store = openSqliteStore({ dataDir: ':memory:' });
    const commits = createGroupCommit(store);
    const write = (index: number) =>
      commits.run(() =>
        store.appendMessage({
          conversationId: `session-${index}-xxxx`,
          role: 'citizen',
          text: `q${index}`,
          createdAt: '2026-01-01T00:00:00Z',
          localDate: '2026-01-01',
        }),
      );
    const failing = commits.run(() => {
      throw new Error('bad write');
    });
    const results = await Promise.allSettled([write(1), failing, write(2)]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.listMessages('session-1-xxxx')).toHaveLength(1);
    expect(store.listMessages('session-2-xxxx')).toHaveLength(1);
  });

  it('ends a conversation: the key finds nothing more, its messages, cases and ratings move with it', () => {
    const store = openSqliteStore({ dataDir: ':memory:' });
    const at = '2026-01-01T00:00:00Z';
    const message = (text: string) =>
      store.appendMessage({
        conversationId: 'session-end-1',
        role: 'citizen',
        text,
        createdAt: at,
        localDate: '2026-01-01',
      });
    message('社保卡丢了');
    store.insertCase({
      number: 'BCS20260101-0001-K7QM',
      conversationId: 'session-end-1',
      category: '咨询转人工',
      status: '受理',
      createdAt: at,
      updatedAt: at,
      acceptedDate: '2026-01-01',
      deadline: '2026-01-08',
      special: false,
    });
    store.insertRating({
      conversationId: 'session-end-1',
      target: 'conversation',
      level: '满意',
      createdAt: at,
      localDate: '2026-01-01',
    });
    const publicId = store.getConversation('session-end-1')?.publicId ?? '';

    expect(store.endConversation('session-end-1', '2026-01-01T01:00:00Z')).toBe(true);
    expect(store.getConversation('session-end-1')).toBeUndefined();
    expect(store.listMessages('session-end-1')).toEqual([]);
    expect(store.findRating('session-end-1', 'conversation')).toBeUndefined();
    const ended = store.getConversation(publicId);
    expect(ended).toMatchObject({ id: publicId, publicId, endedAt: '2026-01-01T01:00:00Z' });
    expect(store.listMessages(publicId).map((entry) => entry.text)).toEqual(['社保卡丢了']);
    expect(store.getCase('BCS20260101-0001-K7QM')?.conversationId).toBe(publicId);
    expect(store.findRating(publicId, 'conversation')).toBeDefined();

    // The key starts over, as a different conversation.
    message('结婚登记');
    expect(store.getConversation('session-end-1')?.publicId).not.toBe(publicId);
    expect(store.listMessages('session-end-1').map((entry) => entry.text)).toEqual(['结婚登记']);
    expect(store.endConversation('session-never-seen', at)).toBe(false);
    store.close();
  });

  it('counts case-lookup failures within a window and locks at the limit, across connections', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'daoban-store-'));
    folders.push(folder);
    const [one, two] = [openSqliteStore({ dataDir: folder }), openSqliteStore({ dataDir: folder })];
    const rule = (now: number) => ({ now, windowMs: 1000, maxFailures: 3 });
    const number = 'BCS20260101-0001-K7QM';
    one.caseLookupFailures.recordFailure(number, rule(0));
    two.caseLookupFailures.recordFailure(number, rule(10));
    expect(one.caseLookupFailures.lockedUntil(number, 20)).toBeUndefined();
    // The window of the first failure is over: counting starts again.
    one.caseLookupFailures.recordFailure(number, rule(1000));
    two.caseLookupFailures.recordFailure(number, rule(1001));
    expect(two.caseLookupFailures.lockedUntil(number, 1001)).toBeUndefined();
    one.caseLookupFailures.recordFailure(number, rule(1002));
    expect(two.caseLookupFailures.lockedUntil(number, 1500)).toBe(2002);
    expect(one.caseLookupFailures.lockedUntil(number, 2002)).toBeUndefined();
    // After the lock, the next failure is the first of a new window.
    two.caseLookupFailures.recordFailure(number, rule(2100));
    expect(one.caseLookupFailures.lockedUntil(number, 2100)).toBeUndefined();
    one.caseLookupFailures.recordFailure(number, rule(2101));
    one.caseLookupFailures.clear(number);
    one.caseLookupFailures.recordFailure(number, rule(2102));
    expect(two.caseLookupFailures.lockedUntil(number, 2102)).toBeUndefined();
    one.close();
    two.close();
  });
});
