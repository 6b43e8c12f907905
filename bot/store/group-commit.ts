/**
 * Group commit: writes queued in the same tick are committed together in one transaction, so many
 * concurrent chat turns share one fsync instead of paying one each. A write's promise resolves only
 * after its transaction committed — acknowledging a message still means it is on disk. If the
 * shared transaction fails, each write is retried alone, so one bad write cannot sink the others.
 */
import type { Store } from './store.ts';

interface Pending<T> {
  work: () => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommit {
  run<T>(work: () => T): Promise<T>;
}

export function createGroupCommit(
  store: Pick<Store, 'transaction'>,
  options: { maxBatch?: number } = {},
): GroupCommit {
  const maxBatch = options.maxBatch ?? 256;
  const queue: Pending<unknown>[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const batch = queue.splice(0, maxBatch);
    if (queue.length > 0) schedule();
    if (batch.length === 0) return;
    let results: unknown[];
    try {
      results = store.transaction(() => batch.map((pending) => pending.work()));
    } catch {
      for (const pending of batch) {
        try {
          pending.resolve(store.transaction(pending.work));
        } catch (error) {
          pending.reject(error);
        }
      }
      return;
    }
    batch.forEach((pending, index) => pending.resolve(results[index]));
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
