/**
 * Pre-check records in SQLite (`PrecheckRecords`): one row per 一次性告知书, keyed by its number. A
 * number drawn twice is refused by the primary key and reported, so that the caller draws another.
 */
import type Database from 'better-sqlite3';
import type { PrecheckRecord, PrecheckRecords } from './store.ts';
import { storeWrite } from './sqlite-errors.ts';

interface PrecheckRow {
  precheck_no: string;
  key_hash: string;
  item_id: string;
  item_name: string;
  result_json: string;
  created_at: string;
  expires_at: string;
}

const toRecord = (row: PrecheckRow): PrecheckRecord => ({
  precheckNo: row.precheck_no,
  keyHash: row.key_hash,
  itemId: row.item_id,
  itemName: row.item_name,
  resultJson: row.result_json,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

export function createSqlitePrechecks(database: Database.Database): PrecheckRecords {
  const insert = database.prepare(`INSERT INTO prechecks
      (precheck_no, key_hash, item_id, item_name, result_json, created_at, expires_at)
    VALUES (@precheckNo, @keyHash, @itemId, @itemName, @resultJson, @createdAt, @expiresAt)
    ON CONFLICT(precheck_no) DO NOTHING`);
  const get = database.prepare('SELECT * FROM prechecks WHERE precheck_no = ?');
  const sweep = database.prepare('DELETE FROM prechecks WHERE expires_at <= ?');

  return {
    insert(record) {
      return storeWrite(() => insert.run(record).changes === 1);
    },
    get(precheckNo) {
      const row = get.get(precheckNo) as PrecheckRow | undefined;
      return row ? toRecord(row) : undefined;
    },
    deleteExpired(now) {
      return storeWrite(() => sweep.run(now).changes);
    },
  };
}
