/**
 * Layout of an index folder on disk and the atomic switch between versions:
 *
 *   <dir>/versions/<version>/   one complete version (manifest.json, catalog.json, hall.json,
 *                               chunks.jsonl, vectors.hnsw, labels.json, documents.json)
 *   <dir>/current               pointer file naming the version in use
 *
 * A version is written under a temporary name and renamed into place when complete; `current` is
 * replaced by renaming a freshly written file over it. Readers therefore see either the old or the
 * new version, never a half-written one, and a failed ingest leaves the old version in service.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const VERSIONS_FOLDER = 'versions';
export const CURRENT_FILE = 'current';
export const MANIFEST_FILE = 'manifest.json';
/** Versions kept after a switch (the current one included), so an operator can roll back. */
export const KEPT_VERSIONS = 3;

const VERSION_PATTERN = /^\d{8}-\d{6}-\d{3}-[0-9a-f]{4}$/;

let lastStamp = 0;

/**
 * A new version id: UTC time to the millisecond, then a random suffix; sorts by creation time. Ids
 * made by one process within the same millisecond are spread over later milliseconds, so that
 * pruning by name never mistakes a newer version for an older one.
 */
export function newVersionId(now = new Date()): string {
  lastStamp = Math.max(now.getTime(), lastStamp + 1);
  const stamp = new Date(lastStamp)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace('T', '-')
    .replace('.', '-')
    .replace('Z', '');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

export const versionFolder = (dir: string, version: string) => path.join(dir, VERSIONS_FOLDER, version);

/** The version named by `<dir>/current`, or undefined when nothing was ever switched in. */
export async function readCurrentVersion(dir: string): Promise<string | undefined> {
  let pointer: string;
  try {
    pointer = (await readFile(path.join(dir, CURRENT_FILE), 'utf8')).trim();
  } catch {
    return undefined;
  }
  return VERSION_PATTERN.test(pointer) ? pointer : undefined;
}

/** Points `<dir>/current` at `version` atomically (rename over the old pointer). */
export async function switchCurrentVersion(dir: string, version: string): Promise<void> {
  if (!existsSync(path.join(versionFolder(dir, version), MANIFEST_FILE))) {
    throw new Error(`Refusing to switch to incomplete index version ${version}`);
  }
  const temporary = path.join(dir, `.${CURRENT_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  await writeFile(temporary, `${version}\n`);
  await rename(temporary, path.join(dir, CURRENT_FILE));
}

/** Complete versions, oldest first. */
export async function listVersions(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(path.join(dir, VERSIONS_FOLDER), { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && VERSION_PATTERN.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** Deletes all but the newest `keep` versions; the current version is never deleted. */
export async function pruneVersions(dir: string, keep = KEPT_VERSIONS): Promise<string[]> {
  const current = await readCurrentVersion(dir);
  const versions = await listVersions(dir);
  const kept = new Set(versions.slice(-keep));
  const removed = versions.filter((version) => !kept.has(version) && version !== current);
  for (const version of removed) await rm(versionFolder(dir, version), { recursive: true, force: true });
  return removed;
}

/** A temporary folder inside `versions/` for a version under construction (same file system as its final place). */
export const stagingFolder = (dir: string, version: string) =>
  path.join(dir, VERSIONS_FOLDER, `.staging-${version}`);
