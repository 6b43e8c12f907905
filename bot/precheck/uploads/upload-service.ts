/**
 * Pre-check uploads: a file is checked (type from its bytes, size, pixels, pages), stored under a
 * random id with its row, then read by the document reader. A reader that fails or takes too long
 * does not fail the upload: the citizen is told, in plain words, to tick their materials instead
 * (a reading that arrives late is still kept for the next pre-check). Uploads expire after the
 * retention; the sweep (at start and hourly) deletes expired files and rows and any file left
 * without a row.
 */
import type { DocumentReader, DocumentReading, DocumentType } from '../documents/document-reader.ts';
import type { UploadRecord, UploadRecords } from '../../store/store.ts';
import type { Logger } from '../../logging/logger.ts';
import { inspectUpload } from './inspect-upload.ts';
import type { UploadLimits } from './upload-limits.ts';
import { isUploadId, newUploadId, type UploadFolder } from './upload-folder.ts';
import { UploadError } from './upload-error.ts';
import { maskFields } from './mask-reading.ts';

export const READ_FAILED_PROBLEM = '未能自动识别该文件，请在下方勾选您已有的材料。';
export const READ_TIMEOUT_PROBLEM = '识别用时较长，请稍后再做预审，或在下方勾选您已有的材料。';

/** What is kept of a reading: never the text lines. */
export interface StoredReading {
  documentType: DocumentType | null;
  fields: DocumentReading['fields'];
  problem?: string;
}

export interface UploadView {
  id: string;
  contentType: UploadRecord['contentType'];
  bytes: number;
  pages: number;
  expiresAt: string;
}

export interface AcceptedUpload {
  upload: UploadView;
  /** With the numbers masked. */
  reading: StoredReading;
}

/** A stored reading as the pre-check takes it: a provided document, and the numbers read. */
export interface UploadedDocument {
  /** How the match is explained ("上传的照片：居民身份证"). */
  label: string;
  documentType: DocumentType | null;
  fields: DocumentReading['fields'];
}

export interface UploadService {
  accept(bytes: Buffer): Promise<AcceptedUpload>;
  /** The citizen withdraws an upload: file and row are deleted at once. False when unknown. */
  withdraw(id: string): boolean;
  /** The stored readings of these uploads; an unknown or expired id is an UPLOAD_NOT_FOUND error. */
  documents(ids: string[]): UploadedDocument[];
  /** Deletes expired uploads and orphan files; returns how many files and rows went. */
  sweep(): { files: number; rows: number };
  /** Sweeps now and then every `everyMs` (the timer does not keep the process alive). */
  start(everyMs?: number): void;
  /** Stops the sweep; readings still in progress are no longer stored. */
  close(): void;
}

export interface UploadServiceOptions {
  folder: UploadFolder;
  records: UploadRecords;
  reader: DocumentReader;
  limits: UploadLimits;
  retentionDays: number;
  readTimeoutMs: number;
  clock: () => Date;
  logger: Logger;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A file younger than this without a row may be one being stored right now. */
const ORPHAN_GRACE_MS = 10 * 60 * 1000;

function parseReading(text: string | undefined): StoredReading {
  if (!text) return { documentType: null, fields: {} };
  return JSON.parse(text) as StoredReading;
}

function storedOf(reading: DocumentReading): StoredReading {
  const fields: DocumentReading['fields'] = {};
  for (const key of ['idNumber', 'creditCode', 'idExpiry'] as const) {
    const value = reading.fields[key];
    if (typeof value === 'string' && value.length > 0 && value.length <= 40) fields[key] = value;
  }
  return {
    documentType: reading.documentType ?? null,
    fields,
    ...(reading.problem ? { problem: reading.problem } : {}),
  };
}

export function labelOf(contentType: UploadRecord['contentType'], documentType: DocumentType | null): string {
  const what = contentType === 'application/pdf' ? '上传的 PDF 文件' : '上传的照片';
  return documentType ? `${what}：${documentType}` : what;
}

export function createUploadService(options: UploadServiceOptions): UploadService {
  const { folder, records, reader, logger } = options;
  const now = () => options.clock().getTime();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const keep = (id: string, reading: StoredReading) => {
    if (closed) return;
    try {
      if (records.get(id)) records.setReading(id, JSON.stringify(reading));
    } catch (error) {
      logger.error('upload reading not stored', { error });
    }
  };

  /** Reads the stored file; the reading is kept whenever it comes, answered now or within the timeout. */
  async function readStored(record: UploadRecord, file: string): Promise<StoredReading> {
    const reading = Promise.resolve()
      .then(() => reader.read({ path: file, contentType: record.contentType }))
      .then(storedOf)
      .then((stored) => {
        keep(record.id, stored);
        return stored;
      });
    // A reading that fails after the timeout has already been answered for.
    reading.catch(() => undefined);
    let timeout: NodeJS.Timeout | undefined;
    const late = new Promise<StoredReading>((resolve) => {
      timeout = setTimeout(
        () => resolve({ documentType: null, fields: {}, problem: READ_TIMEOUT_PROBLEM }),
        options.readTimeoutMs,
      );
      timeout.unref();
    });
    try {
      return await Promise.race([reading, late]);
    } catch (error) {
      logger.warn('upload not read', { error: (error as Error).name });
      const failed: StoredReading = { documentType: null, fields: {}, problem: READ_FAILED_PROBLEM };
      keep(record.id, failed);
      return failed;
    } finally {
      clearTimeout(timeout);
    }
  }

  const sweep = () => {
    const at = now();
    const expired = records.deleteExpired(at);
    let files = 0;
    for (const id of expired) if (folder.remove(id)) files += 1;
    const kept = records.ids();
    for (const entry of folder.list()) {
      if (kept.has(entry.name) || entry.modifiedAt > at - ORPHAN_GRACE_MS) continue;
      folder.removeName(entry.name);
      files += 1;
    }
    return { files, rows: expired.length };
  };

  return {
    async accept(bytes) {
      const inspected = await inspectUpload(bytes, options.limits);
      const createdAt = now();
      const record: UploadRecord = {
        id: newUploadId(),
        contentType: inspected.contentType,
        bytes: inspected.bytes,
        pages: inspected.pages,
        width: inspected.width,
        height: inspected.height,
        createdAt,
        expiresAt: createdAt + options.retentionDays * DAY_MS,
      };
      const file = folder.write(record.id, bytes);
      try {
        records.insert(record);
      } catch (error) {
        folder.remove(record.id);
        throw error;
      }
      const reading = await readStored(record, file);
      return {
        upload: {
          id: record.id,
          contentType: record.contentType,
          bytes: record.bytes,
          pages: record.pages,
          expiresAt: new Date(record.expiresAt).toISOString(),
        },
        reading: { ...reading, fields: maskFields(reading.fields) },
      };
    },

    withdraw(id) {
      if (!isUploadId(id)) return false;
      const row = records.delete(id);
      const file = folder.remove(id);
      return row || file;
    },

    documents(ids) {
      const at = now();
      return [...new Set(ids)].map((id) => {
        const record = isUploadId(id) ? records.get(id) : undefined;
        if (!record || record.expiresAt <= at) {
          throw new UploadError(
            'UPLOAD_NOT_FOUND',
            '找不到所上传的文件（可能已撤回或已过保存期限），请重新上传。',
          );
        }
        const reading = parseReading(record.reading);
        return {
          label: labelOf(record.contentType, reading.documentType),
          documentType: reading.documentType,
          fields: reading.fields,
        };
      });
    },

    sweep,

    start(everyMs = 60 * 60 * 1000) {
      const run = () => {
        try {
          const swept = sweep();
          if (swept.files + swept.rows > 0) logger.info('expired uploads deleted', swept);
        } catch (error) {
          logger.error('upload sweep failed', { error });
        }
      };
      run();
      timer = setInterval(run, everyMs);
      timer.unref();
    },

    close() {
      closed = true;
      if (timer) clearInterval(timer);
    },
  };
}
