import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  DocumentReader,
  DocumentReading,
} from '../../../../../bot/precheck/documents/document-reader.ts';
import { createNullDocumentReader } from '../../../../../bot/precheck/documents/null-document-reader.ts';
import { openUploadFolder } from '../../../../../bot/precheck/uploads/upload-folder.ts';
import {
  createUploadService,
  type UploadService,
} from '../../../../../bot/precheck/uploads/upload-service.ts';
import { UploadError } from '../../../../../bot/precheck/uploads/upload-error.ts';
import { createLogger } from '../../../../../bot/logging/logger.ts';
import { openSqliteStore } from '../../../../../bot/store/sqlite-store.ts';
import type { Store } from '../../../../../bot/store/store.ts';
import { image, pdf } from '../../../../helpers/upload-samples.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const limits = { maxBytes: 1024 * 1024, maxPixels: 40_000_000, maxSide: 10_000, maxPdfPages: 20 };

let folder: string;
let store: Store;
let now: number;
let service: UploadService;

function build(reader: DocumentReader, readTimeoutMs = 1000): UploadService {
  return createUploadService({
    folder: openUploadFolder(path.join(folder, 'uploads')),
    records: store.uploads,
    reader,
    limits,
    retentionDays: 7,
    readTimeoutMs,
    clock: () => new Date(now),
    logger: createLogger({ level: 'silent' }),
  });
}

const reading = (partial: Partial<DocumentReading>): DocumentReader => ({
  read: () => Promise.resolve({ documentType: null, fields: {}, lines: [], pages: 1, ...partial }),
  close: () => Promise.resolve(),
});

beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'daoban-uploads-'));
  store = openSqliteStore({ dataDir: folder });
  now = Date.parse('2026-12-02T09:00:00Z');
});

afterEach(() => {
  service?.close();
  store.close();
  rmSync(folder, { recursive: true, force: true });
  vi.useRealTimers();
});

describe('the upload folder', () => {
  it('is refused inside the static folder, from which a file could be served', () => {
    expect(() =>
      openUploadFolder(path.join(folder, 'static', 'uploads'), { publicDir: path.join(folder, 'static') }),
    ).toThrow(/static folder/);
    expect(() =>
      openUploadFolder(path.join(folder, 'static'), { publicDir: path.join(folder, 'static') }),
    ).toThrow();
    expect(
      openUploadFolder(path.join(folder, 'uploads'), { publicDir: path.join(folder, 'static') }).folder,
    ).toBe(path.join(folder, 'uploads'));
  });
});

describe('the upload service', () => {
  it('stores the file 0600 under its random id with a row, and keeps no text lines of the reading', async () => {
    service = build(
      reading({
        documentType: '居民身份证',
        fields: { idNumber: '11010519491231002X' },
        lines: ['姓名 张三'],
      }),
    );
    const accepted = await service.accept(await image('jpeg'));
    const file = path.join(folder, 'uploads', accepted.upload.id);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const row = store.uploads.get(accepted.upload.id);
    expect(row).toMatchObject({ contentType: 'image/jpeg', pages: 1, width: 320, height: 200 });
    expect(row?.expiresAt).toBe(now + 7 * DAY_MS);
    expect(row?.reading).not.toContain('张三');
    expect(accepted.reading.fields).toEqual({ idNumber: '1101**********002X' });
    expect(service.documents([accepted.upload.id])).toEqual([
      {
        label: '上传的照片：居民身份证',
        documentType: '居民身份证',
        fields: { idNumber: '11010519491231002X' },
      },
    ]);
  });

  it('labels a document read from a PDF as such', async () => {
    service = build(reading({ documentType: '营业执照' }));
    const accepted = await service.accept(await pdf(2));
    expect(accepted.upload.pages).toBe(2);
    expect(service.documents([accepted.upload.id])[0].label).toBe('上传的 PDF 文件：营业执照');
  });

  it('answers with the null reader’s problem when nothing can be read', async () => {
    service = build(createNullDocumentReader());
    const accepted = await service.accept(await image('png'));
    expect(accepted.reading).toEqual({
      documentType: null,
      fields: {},
      problem: '暂时无法自动识别，请在下方勾选您已有的材料。',
    });
  });

  it('keeps an upload whose reader throws at once', async () => {
    service = build({
      read: () => {
        throw new Error('no worker');
      },
      close: () => Promise.resolve(),
    });
    const accepted = await service.accept(await image('png'));
    expect(accepted.reading.problem).toContain('未能自动识别');
    expect(store.uploads.get(accepted.upload.id)).toBeDefined();
  });

  it('stores nothing for a refused file', async () => {
    service = build(createNullDocumentReader());
    await expect(service.accept(Buffer.from('MZ not a photo'))).rejects.toBeInstanceOf(UploadError);
    expect(readdirSync(path.join(folder, 'uploads'))).toEqual([]);
    expect(store.uploads.ids().size).toBe(0);
  });

  it('refuses unknown, malformed and expired ids', async () => {
    service = build(createNullDocumentReader());
    const { upload } = await service.accept(await image('png'));
    expect(() => service.documents(['0'.repeat(32)])).toThrow(UploadError);
    expect(() => service.documents(['../secret'])).toThrow(UploadError);
    expect(service.withdraw('../secret')).toBe(false);
    now += 7 * DAY_MS;
    expect(() => service.documents([upload.id])).toThrow(UploadError);
  });

  it('sweeps expired files and rows, and orphans older than the grace period, at start and then hourly', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    service = build(createNullDocumentReader());
    const first = await service.accept(await image('png'));
    const uploads = path.join(folder, 'uploads');
    const orphan = path.join(uploads, 'left-over.tmp');
    writeFileSync(orphan, 'x');
    utimesSync(orphan, new Date(now - DAY_MS), new Date(now - DAY_MS));

    service.start();
    expect(readdirSync(uploads)).toEqual([first.upload.id]);

    now += 7 * DAY_MS;
    const second = await service.accept(await image('png'));
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect(readdirSync(uploads)).toEqual([second.upload.id]);
    expect([...store.uploads.ids()]).toEqual([second.upload.id]);
  });
});
