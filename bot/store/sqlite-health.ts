/**
 * Can the store write right now? `/healthz` asks this on every call. The probe takes the write lock
 * (BEGIN IMMEDIATE) and writes a blob of two pages, so new pages must be allocated, then rolls back:
 * nothing is kept, but a lock held by another process, a full database (size cap or disk) and a
 * read-only file all show. The free space of the data folder's disk is checked as well, since a
 * rolled-back write never reaches the disk itself. Each check blocks for at most the busy timeout.
 */
import { statfsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { isLockError } from './sqlite-errors.ts';

export type StoreHealthReason = 'store_locked' | 'store_full' | 'store_readonly' | 'disk_low' | 'store_error';

export type StoreHealth = { ok: true } | { ok: false; reason: StoreHealthReason; detail: string };

export interface HealthProbeOptions {
  /** Folder whose disk must keep `minFreeBytes` free; absent for an in-memory database. */
  folder?: string;
  minFreeBytes: number;
}

function reasonOf(error: unknown): StoreHealthReason {
  const code = String((error as { code?: unknown })?.code ?? '');
  if (isLockError(error)) return 'store_locked';
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) return 'store_full';
  if (code.startsWith('SQLITE_READONLY')) return 'store_readonly';
  return 'store_error';
}

export function createHealthProbe(database: Database.Database, options: HealthProbeOptions) {
  const pageSize = database.pragma('page_size', { simple: true }) as number;
  const insert = database.prepare('INSERT INTO health_probe (payload) VALUES (zeroblob(?))');

  return function checkHealth(): StoreHealth {
    if (options.folder && options.minFreeBytes > 0) {
      const disk = statfsSync(options.folder);
      const free = disk.bavail * disk.bsize;
      if (free < options.minFreeBytes) {
        return { ok: false, reason: 'disk_low', detail: `${Math.floor(free / 1048576)} MB free` };
      }
    }
    // Synchronous code cannot interleave with another transaction on this connection.
    if (database.inTransaction) return { ok: true };
    try {
      database.exec('BEGIN IMMEDIATE');
      try {
        insert.run(pageSize * 2);
      } finally {
        // SQLite may already have rolled back on SQLITE_FULL.
        if (database.inTransaction) database.exec('ROLLBACK');
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: reasonOf(error), detail: String((error as Error).message ?? error) };
    }
  };
}
