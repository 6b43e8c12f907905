/**
 * The database holds conversations, phone numbers and password hashes: only the server's own user
 * may read it. The data folder is kept 0700 and the database with its WAL and shared-memory files
 * 0600 — on creation and, for files left by an earlier version with looser modes, at every start.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const DATA_DIR_MODE = 0o700;
export const DATABASE_FILE_MODE = 0o600;

/** Creates (or tightens) the data folder. */
export function secureDataFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: DATA_DIR_MODE });
  chmodSync(folder, DATA_DIR_MODE);
}

/** Creates the database file 0600 before SQLite opens it (SQLite gives WAL files the same mode). */
export function createDatabaseFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', DATABASE_FILE_MODE));
  tightenDatabaseFiles(file);
}

/** Sets 0600 on the database and its `-wal` and `-shm` companions where they exist. */
export function tightenDatabaseFiles(file: string): void {
  for (const candidate of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(candidate)) chmodSync(candidate, DATABASE_FILE_MODE);
  }
}
