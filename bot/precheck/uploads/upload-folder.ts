/**
 * The folder of stored uploads, `DATA_DIR/uploads`: kept 0700, each file 0600 and named by a random
 * id (never the citizen's file name), so nothing about the file is in its name. It is outside the
 * static folder and no route serves it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR_MODE, DATABASE_FILE_MODE } from '../../store/file-permissions.ts';

/** 128 random bits as 32 hex digits. */
const ID_PATTERN = /^[0-9a-f]{32}$/;

export const isUploadId = (value: string): boolean => ID_PATTERN.test(value);

export const newUploadId = (): string => randomBytes(16).toString('hex');

export interface UploadFolder {
  readonly folder: string;
  pathOf(id: string): string;
  write(id: string, bytes: Buffer): string;
  /** True when a file was removed. */
  remove(id: string): boolean;
  /** Every file in the folder, with when it was last written (ms since the epoch). */
  list(): Array<{ name: string; modifiedAt: number }>;
  /** Removes any file by its name in the folder (the sweep's orphans). */
  removeName(name: string): void;
}

/** True when `folder` is `parent` or inside it. */
function isWithin(folder: string, parent: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(folder));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Opens (creating) the folder; refuses one inside `publicDir` (the static folder), from which a
 * stored file could be served.
 */
export function openUploadFolder(folder: string, options: { publicDir?: string } = {}): UploadFolder {
  if (options.publicDir && isWithin(folder, options.publicDir)) {
    throw new Error(
      `The uploads folder ${folder} is inside the static folder ${options.publicDir}: set DATA_DIR elsewhere.`,
    );
  }
  mkdirSync(folder, { recursive: true, mode: DATA_DIR_MODE });
  chmodSync(folder, DATA_DIR_MODE);
  const pathOf = (id: string) => {
    if (!isUploadId(id)) throw new Error('not an upload id');
    return path.join(folder, id);
  };
  const removeName = (name: string) => {
    try {
      unlinkSync(path.join(folder, path.basename(name)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
  return {
    folder,
    pathOf,
    write(id, bytes) {
      const file = pathOf(id);
      writeFileSync(file, bytes, { mode: DATABASE_FILE_MODE, flag: 'wx' });
      chmodSync(file, DATABASE_FILE_MODE);
      return file;
    },
    remove(id) {
      try {
        unlinkSync(pathOf(id));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
    list() {
      return readdirSync(folder).flatMap((name) => {
        try {
          return [{ name, modifiedAt: statSync(path.join(folder, name)).mtimeMs }];
        } catch {
          return [];
        }
      });
    },
    removeName,
  };
}
