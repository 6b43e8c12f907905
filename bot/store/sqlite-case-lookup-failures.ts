/**
 * The case-lookup failure counter in SQLite (`CaseLookupFailures`). A failure is one upsert, so two
 * processes counting the same number at once cannot lose a count: the row either starts a new
 * window (none yet, or the last one expired), adds one, or — at the limit — turns into a lock until
 * `now + windowMs`. In SQLite's UPDATE every column on the right-hand side is the row's old value.
 */
import type Database from 'better-sqlite3';
import type { CaseLookupFailures } from './store.ts';
import { storeWrite } from './sqlite-errors.ts';

export function createSqliteCaseLookupFailures(database: Database.Database): CaseLookupFailures {
  const lockedUntil = database.prepare(
    'SELECT expires_at FROM case_lookup_failures WHERE number = ? AND locked = 1 AND expires_at > ?',
  );
  const record = database.prepare(`
    INSERT INTO case_lookup_failures (number, failures, expires_at, locked)
    VALUES (@number, 1, @now + @windowMs, @lockAtOnce)
    ON CONFLICT(number) DO UPDATE SET
      failures = CASE WHEN expires_at <= @now THEN 1 ELSE failures + 1 END,
      locked = CASE
        WHEN expires_at <= @now THEN @lockAtOnce
        WHEN locked = 1 OR failures + 1 >= @maxFailures THEN 1
        ELSE 0 END,
      expires_at = CASE
        WHEN expires_at <= @now THEN @now + @windowMs
        WHEN locked = 0 AND failures + 1 >= @maxFailures THEN @now + @windowMs
        ELSE expires_at END`);
  const sweep = database.prepare('DELETE FROM case_lookup_failures WHERE expires_at <= ?');
  const clear = database.prepare('DELETE FROM case_lookup_failures WHERE number = ?');

  return {
    lockedUntil(number, now) {
      const row = lockedUntil.get(number, now) as { expires_at: number } | undefined;
      return row?.expires_at;
    },
    recordFailure(number, rule) {
      storeWrite(() =>
        database
          .transaction(() => {
            sweep.run(rule.now);
            record.run({
              number,
              now: rule.now,
              windowMs: rule.windowMs,
              maxFailures: rule.maxFailures,
              lockAtOnce: rule.maxFailures <= 1 ? 1 : 0,
            });
          })
          .immediate(),
      );
    },
    clear(number) {
      storeWrite(() => clear.run(number));
    },
  };
}
