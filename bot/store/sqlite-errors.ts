/**
 * Reading better-sqlite3's error codes: which failures are a lock held elsewhere (worth waiting for)
 * and which mean the store cannot write (full disk, size cap, read-only file).
 */
import { StoreUnavailableError } from './errors/store-unavailable-error.ts';

const codeOf = (error: unknown): string =>
  typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';

/** SQLITE_BUSY (and its extended codes) or SQLITE_LOCKED: another connection holds the lock. */
export function isLockError(error: unknown): boolean {
  const code = codeOf(error);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** The store error a SQLite failure stands for, or the error itself when it is another kind. */
export function toStoreError(error: unknown): unknown {
  const code = codeOf(error);
  if (isLockError(error)) return new StoreUnavailableError('STORE_BUSY', String(error), { cause: error });
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC') {
    return new StoreUnavailableError('STORE_FULL', String(error), { cause: error });
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') {
    return new StoreUnavailableError('STORE_READONLY', String(error), { cause: error });
  }
  return error;
}

/** Runs a write, turning a SQLite failure into its store error (a lock held elsewhere → STORE_BUSY, 503). */
export function storeWrite<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw toStoreError(error);
  }
}
