/** Pre-check uploads in SQLite (`UploadRecords`): one row per stored file, swept when expired. */
import type Database from 'better-sqlite3';
import type { UploadRecord, UploadRecords } from './store.ts';
import { storeWrite } from './sqlite-errors.ts';

type Row = Record<string, unknown>;

const toUpload = (row: Row): UploadRecord => ({
  id: row.id as string,
  contentType: row.content_type as UploadRecord['contentType'],
  bytes: row.bytes as number,
  pages: row.pages as number,
  ...(row.width === null ? {} : { width: row.width as number }),
  ...(row.height === null ? {} : { height: row.height as number }),
  createdAt: row.created_at as number,
  expiresAt: row.expires_at as number,
  ...(row.reading === null ? {} : { reading: row.reading as string }),
});

export function createSqliteUploads(database: Database.Database): UploadRecords {
  const insert = database.prepare(`INSERT INTO precheck_uploads
      (id, content_type, bytes, pages, width, height, created_at, expires_at, reading)
    VALUES (@id, @contentType, @bytes, @pages, @width, @height, @createdAt, @expiresAt, @reading)`);
  const get = database.prepare('SELECT * FROM precheck_uploads WHERE id = ?');
  const setReading = database.prepare('UPDATE precheck_uploads SET reading = ? WHERE id = ?');
  const remove = database.prepare('DELETE FROM precheck_uploads WHERE id = ?');
  const expired = database.prepare('DELETE FROM precheck_uploads WHERE expires_at <= ? RETURNING id');
  const ids = database.prepare('SELECT id FROM precheck_uploads');

  return {
    insert(record) {
      storeWrite(() =>
        insert.run({
          ...record,
          width: record.width ?? null,
          height: record.height ?? null,
          reading: record.reading ?? null,
        }),
      );
    },
    get(id) {
      const row = get.get(id) as Row | undefined;
      return row ? toUpload(row) : undefined;
    },
    setReading(id, reading) {
      storeWrite(() => setReading.run(reading, id));
    },
    delete(id) {
      return storeWrite(() => remove.run(id).changes > 0);
    },
    deleteExpired(now) {
      return storeWrite(() => (expired.all(now) as Array<{ id: string }>).map((row) => row.id));
    },
    ids() {
      return new Set((ids.all() as Array<{ id: string }>).map((row) => row.id));
    },
  };
}
