/**
 * Uploaded files waiting to be published (drafts): the file on disk, so the loaders read it like any
 * catalog, and its report in memory. Drafts are working copies: the folder is emptied when the
 * server starts, and only the newest `maxDrafts` are kept.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import { CatalogAdminError } from './errors/catalog-admin-error.ts';
import { safeFileName, type UploadKind } from './upload-content.ts';
import type { ValidationReport } from './validation-report.ts';

/** Drafts kept at once; the oldest is dropped beyond this. */
export const MAX_DRAFTS = 10;

export interface Draft {
  id: string;
  kind: UploadKind;
  /** The name the administrator's file had. */
  fileName: string;
  /** Where the server keeps its copy. */
  file: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string;
  report: ValidationReport;
  catalog?: Catalog;
  hall?: Hall;
}

export function createDraftStore(options: { folder: string; maxDrafts?: number }) {
  const maxDrafts = options.maxDrafts ?? MAX_DRAFTS;
  const drafts = new Map<string, Draft>();
  rmSync(options.folder, { recursive: true, force: true });
  mkdirSync(options.folder, { recursive: true });

  const remove = async (id: string) => {
    drafts.delete(id);
    await rm(path.join(options.folder, id), { recursive: true, force: true });
  };

  return {
    /** Writes the uploaded bytes to a new draft folder; returns the draft's id and file. */
    async write(fileName: string, bytes: Uint8Array): Promise<{ id: string; file: string }> {
      const id = randomUUID();
      const folder = path.join(options.folder, id);
      await mkdir(folder, { recursive: true });
      const file = path.join(folder, safeFileName(fileName));
      await writeFile(file, bytes);
      return { id, file };
    },
    /** Keeps a draft (after its report is made), dropping the oldest beyond the limit. */
    async keep(draft: Draft): Promise<void> {
      drafts.set(draft.id, draft);
      const excess = [...drafts.keys()].slice(0, Math.max(0, drafts.size - maxDrafts));
      for (const id of excess) await remove(id);
    },
    get(id: string): Draft {
      const draft = drafts.get(id);
      if (!draft) {
        throw new CatalogAdminError(
          'DRAFT_NOT_FOUND',
          '找不到这份上传的文件（可能已过期或服务已重启），请重新上传。',
        );
      }
      return draft;
    },
    discard: remove,
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;
