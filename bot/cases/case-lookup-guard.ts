/**
 * Per-number lockout for the citizen's case lookup (件号 + the phone's last four digits): after
 * `maxFailures` wrong attempts within `lockMinutes`, the number is refused for `lockMinutes`, even
 * with the right digits. It counts any number typed, existing or not, so that neither the 404 nor
 * the lock says whether a case exists. This sits beside the per-IP limit, which rotating addresses
 * can get around; the lock cannot be. The counts live in the store (`CaseLookupFailures`), so a
 * restart does not lift a lock and every process on the same database sees the same one.
 */
import type { CaseLookupFailures } from '../store/store.ts';
import { CaseLookupLockedError } from './errors/case-lookup-locked-error.ts';

export interface CaseLookupGuardOptions {
  failures: CaseLookupFailures;
  maxFailures: number;
  lockMinutes: number;
  clock?: () => number;
}

export interface CaseLookupGuard {
  /** Throws CaseLookupLockedError while `number` is locked. */
  assertOpen(number: string): void;
  recordFailure(number: string): void;
  recordSuccess(number: string): void;
}

export function createCaseLookupGuard(options: CaseLookupGuardOptions): CaseLookupGuard {
  const { failures, maxFailures } = options;
  const clock = options.clock ?? Date.now;
  const windowMs = options.lockMinutes * 60_000;

  return {
    assertOpen(number) {
      const now = clock();
      const until = failures.lockedUntil(number, now);
      if (until !== undefined) {
        throw new CaseLookupLockedError(Math.max(1, Math.ceil((until - now) / 1000)));
      }
    },
    recordFailure(number) {
      failures.recordFailure(number, { now: clock(), windowMs, maxFailures });
    },
    recordSuccess(number) {
      failures.clear(number);
    },
  };
}
