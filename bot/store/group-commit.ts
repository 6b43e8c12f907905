/**
 * Group commit: writes queued in the same tick are committed together in one transaction, so many
 * concurrent chat turns share one fsync instead of paying one each. A write's promise resolves only
 * after its transaction committed — acknowledging a message still means it is on disk. If the
 * shared transaction fails, each write is retried alone, so one bad write cannot sink the others.
 *
 * A lock held by another process (a backup, a maintenance script) makes SQLite answer SQLITE_BUSY
 * after its short busy timeout. The batch is then tried again after a growing delay, with the event
 * loop free in between — other sessions and /healthz keep answering — until `maxWaitMs` has passed,
 * when its writes fail with STORE_BUSY. Other SQLite failures become store errors (STORE_FULL …).
 */
import type { Store } from './store.ts';
import { isLockError, toStoreError } from './sqlite-errors.ts';
import { StoreUnavailableError } from './errors/store-unavailable-error.ts';

interface Pending<T> {
  work: () => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommit {
  run<T>(work: () => T): Promise<T>;
}

export interface GroupCommitOptions {
  maxBatch?: number;
  /** How long a write waits for a lock held elsewhere before it fails; 10 s by default. */
  maxWaitMs?: number;
  /** Told once per retry of a locked batch (for the log). */
  onLocked?: (info: { writes: number; attempt: number }) => void;
  clock?: () => number;
}

const FIRST_RETRY_MS = 10;
const LONGEST_RETRY_MS = 250;

export function createGroupCommit(
  store: Pick<Store, 'transaction'>,
  options: GroupCommitOptions = {},
): GroupCommit {
  const maxBatch = options.maxBatch ?? 256;
  const maxWaitMs = options.maxWaitMs ?? 10_000;
  const now = options.clock ?? (() => performance.now());
  const queue: Pending<unknown>[] = [];
  let scheduled = false;

  const attempt = (batch: Pending<unknown>[], startedAt: number, tries: number): void => {
    let results: unknown[];
    try {
      results = store.transaction(() => batch.map((pending) => pending.work()));
    } catch (error) {
      if (isLockError(error)) {
        if (now() - startedAt >= maxWaitMs) {
          const busy = new StoreUnavailableError('STORE_BUSY', 'database locked by another connection', {
            cause: error,
          });
          for (const pending of batch) pending.reject(busy);
          return;
        }
        options.onLocked?.({ writes: batch.length, attempt: tries });
        const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** tries);
        setTimeout(() => attempt(batch, startedAt, tries + 1), delay);
        return;
      }
      if (batch.length > 1) {
        for (const pending of batch) attempt([pending], startedAt, tries);
        return;
      }
      batch[0].reject(toStoreError(error));
      return;
    }
    batch.forEach((pending, index) => pending.resolve(results[index]));
  };

  const flush = () => {
    scheduled = false;
    const batch = queue.splice(0, maxBatch);
    if (queue.length > 0) schedule();
    if (batch.length > 0) attempt(batch, now(), 0);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve, reject } as Pending<unknown>);
        schedule();
      });
    },
  };
}
