/**
 * Per-number lockout for the citizen's case lookup (件号 + the phone's last four digits): after
 * `maxFailures` wrong attempts within `lockMinutes`, the number is refused for `lockMinutes`, even
 * with the right digits. It counts any number typed, existing or not, so that neither the 404 nor
 * the lock says whether a case exists. This sits beside the per-IP limit, which rotating addresses
 * can get around; the lock cannot be. In memory (one process serves one hall): a restart clears it.
 */
import { CaseLookupLockedError } from './errors/case-lookup-locked-error.ts';

export interface CaseLookupGuardOptions {
  maxFailures: number;
  lockMinutes: number;
  clock?: () => number;
  /** Numbers tracked at most; expired entries are swept first. */
  maxEntries?: number;
}

interface Attempts {
  failures: number;
  firstFailureAt: number;
  lockedUntil?: number;
}

export interface CaseLookupGuard {
  /** Throws CaseLookupLockedError while `number` is locked. */
  assertOpen(number: string): void;
  recordFailure(number: string): void;
  recordSuccess(number: string): void;
}

export function createCaseLookupGuard(options: CaseLookupGuardOptions): CaseLookupGuard {
  const clock = options.clock ?? Date.now;
  const windowMs = options.lockMinutes * 60_000;
  const maxEntries = options.maxEntries ?? 100_000;
  const attempts = new Map<string, Attempts>();

  const expired = (entry: Attempts, now: number) =>
    entry.lockedUntil !== undefined ? entry.lockedUntil <= now : entry.firstFailureAt + windowMs <= now;

  const current = (number: string, now: number): Attempts | undefined => {
    const entry = attempts.get(number);
    if (entry && expired(entry, now)) {
      attempts.delete(number);
      return undefined;
    }
    return entry;
  };

  const sweep = (now: number) => {
    for (const [number, entry] of attempts) if (expired(entry, now)) attempts.delete(number);
    // Still full: the oldest entries that are not locked go first; locks are kept.
    for (const [number, entry] of attempts) {
      if (attempts.size < maxEntries) break;
      if (entry.lockedUntil === undefined) attempts.delete(number);
    }
  };

  return {
    assertOpen(number) {
      const now = clock();
      const entry = current(number, now);
      if (entry?.lockedUntil !== undefined) {
        throw new CaseLookupLockedError(Math.max(1, Math.ceil((entry.lockedUntil - now) / 1000)));
      }
    },
    recordFailure(number) {
      const now = clock();
      let entry = current(number, now);
      if (!entry) {
        if (attempts.size >= maxEntries) sweep(now);
        entry = { failures: 0, firstFailureAt: now };
        attempts.set(number, entry);
      }
      entry.failures += 1;
      if (entry.failures >= options.maxFailures) entry.lockedUntil = now + windowMs;
    },
    recordSuccess(number) {
      attempts.delete(number);
    },
  };
}
