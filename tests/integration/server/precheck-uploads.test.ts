/**
 * Pre-check uploads over HTTP: photos and PDFs accepted by their bytes (never their names), every
 * other file refused, the size, pixel and page limits (a decompression bomb refused from its header),
 * one file per request, storage under DATA_DIR with random names and mode 0600 that no GET reaches,
 * withdrawal, the retention sweep on an injected clock, and uploads counted by the pre-check.
 */
import http from 'node:http';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentReader, DocumentReading } from '../../../bot/precheck/documents/document-reader.ts';
import { useHarness } from '../../helpers/server-harness.ts';
import { image, pdf, pngBomb, rejectedFiles, zipBomb } from '../../helpers/upload-samples.ts';

const MAX_BYTES = 512 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

let now = Date.parse('2026-12-02T09:00:00Z');
let read: (file: { path: string; contentType: string }) => Promise<DocumentReading> = () =>
  Promise.resolve({ documentType: null, fields: {}, lines: [], pages: 1 });
const readFiles: string[] = [];
const reader: DocumentReader = {
  read: (file) => {
    readFiles.push(file.path);
    return read(file);
  },
  close: () => Promise.resolve(),
};
const idCard =
  (fields: DocumentReading['fields']): typeof read =>
  () =>
    Promise.resolve({ documentType: '居民身份证', fields, lines: ['居民身份证'], pages: 1 });

const harness = useHarness({
  documents: reader,
  clock: () => new Date(now),
  settings: { uploads: { maxBytes: MAX_BYTES, readTimeoutSeconds: 1, ipPerMinute: 1000 } },
});

interface UploadAnswer {
  upload: { id: string; contentType: string; bytes: number; pages: number; expiresAt: string };
  reading: { documentType: string | null; fields: Record<string, string>; problem?: string };
  error?: { code: string; message: string };
}

async function upload(
  bytes: Buffer,
  name = 'photo.jpg',
  field = 'file',
): Promise<{ status: number; body: UploadAnswer }> {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name);
  const response = await fetch(`${harness.url}/api/v1/precheck/uploads`, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as UploadAnswer };
}

const uploadsFolder = () => path.join(harness.dataDir, 'uploads');

describe('accepted uploads', () => {
  it.each([
    ['JPEG', () => image('jpeg'), 'image/jpeg', 1],
    ['PNG', () => image('png'), 'image/png', 1],
    ['WebP', () => image('webp'), 'image/webp', 1],
    ['PDF', () => pdf(3), 'application/pdf', 3],
  ] as const)('takes a %s by its bytes, whatever its name', async (_kind, make, contentType, pages) => {
    const bytes = await make();
    const { status, body } = await upload(bytes, 'scan.exe');
    expect(status).toBe(201);
    expect(body.upload).toMatchObject({ contentType, bytes: bytes.length, pages });
    expect(body.upload.id).toMatch(/^[0-9a-f]{32}$/);
    expect(Date.parse(body.upload.expiresAt) - now).toBe(7 * DAY_MS);
  });

  it('stores the file under a random name with mode 0600, never reachable by a GET', async () => {
    const { body } = await upload(await image('png'), 'my-id-card.png');
    const file = path.join(uploadsFolder(), body.upload.id);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(uploadsFolder()).mode & 0o777).toBe(0o700);
    expect(readdirSync(uploadsFolder()).some((name) => name.includes('my-id-card'))).toBe(false);
    for (const address of [
      `/api/v1/precheck/uploads/${body.upload.id}`,
      `/uploads/${body.upload.id}`,
      `/data/uploads/${body.upload.id}`,
      `/${body.upload.id}`,
    ]) {
      const response = await fetch(`${harness.url}${address}`);
      expect(response.status, address).toBe(404);
    }
  });
});

describe('refused uploads', () => {
  it.each(rejectedFiles)('refuses $what named $name (415)', async ({ name, bytes }) => {
    const { status, body } = await upload(bytes, name);
    expect(status).toBe(415);
    expect(body.error).toEqual({
      code: 'UPLOAD_TYPE_REJECTED',
      message: '只能上传照片（JPG/PNG/WebP）或 PDF 文件。',
    });
  });

  it('refuses a zip bomb without inflating it', async () => {
    const { status, body } = await upload(zipBomb(), 'photo.jpg');
    expect(status).toBe(415);
    expect(body.error?.code).toBe('UPLOAD_TYPE_REJECTED');
  });

  it('refuses a 20,000×20,000 PNG from its header, before decoding (422)', async () => {
    const bomb = pngBomb(20_000, 20_000);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const { status, body } = await upload(bomb, 'photo.png');
    expect(status).toBe(422);
    expect(body.error?.code).toBe('UPLOAD_IMAGE_TOO_LARGE');
    expect(body.error?.message).toContain('20000×20000');
  });

  it('refuses an image with a side over UPLOAD_MAX_SIDE even under the pixel limit', async () => {
    const { status, body } = await upload(pngBomb(12_000, 100), 'strip.png');
    expect(status).toBe(422);
    expect(body.error?.code).toBe('UPLOAD_IMAGE_TOO_LARGE');
  });

  it('refuses a 300-page PDF (422)', async () => {
    const { status, body } = await upload(await pdf(300), 'scan.pdf');
    expect(status).toBe(422);
    expect(body.error?.code).toBe('UPLOAD_PDF_TOO_MANY_PAGES');
    expect(body.error?.message).toContain('300');
  });

  it('refuses a damaged image or PDF as unreadable (422)', async () => {
    const png = await image('png');
    const broken = await upload(Buffer.concat([png.subarray(0, 8), Buffer.alloc(200, 7)]), 'a.png');
    expect(broken.status).toBe(422);
    expect(broken.body.error?.code).toBe('UPLOAD_UNREADABLE');
    const brokenPdf = await upload(Buffer.from('%PDF-1.7\nthis is not a pdf at all'), 'a.pdf');
    expect(brokenPdf.status).toBe(422);
    expect(brokenPdf.body.error?.code).toBe('UPLOAD_UNREADABLE');
  });

  it('refuses a file over UPLOAD_MAX_BYTES (413)', async () => {
    const big = Buffer.concat([await image('jpeg'), Buffer.alloc(MAX_BYTES)]);
    const { status, body } = await upload(big, 'big.jpg');
    expect(status).toBe(413);
    expect(body.error?.code).toBe('UPLOAD_TOO_LARGE');
  });

  it('stops reading a body of no declared length as soon as the file passes the limit', async () => {
    const boundary = 'x-boundary-7f3a';
    const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      const request = http.request(`${harness.url}/api/v1/precheck/uploads`, {
        method: 'POST',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'transfer-encoding': 'chunked',
        },
      });
      let sent = 0;
      let answered = false;
      request.on('response', (response) => {
        answered = true;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body, sent }));
      });
      request.on('error', (error) => (answered ? undefined : reject(error)));
      request.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n` +
          'Content-Type: image/jpeg\r\n\r\n',
      );
      // A JPEG's signature, then far more bytes than the limit.
      request.write(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]));
      const chunk = Buffer.alloc(64 * 1024, 0xff);
      // Sends up to 50 MB unless answered first.
      const pump = () => {
        while (!answered && sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        request.end();
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'UPLOAD_TOO_LARGE' } });
    expect(answer.sent).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses two files in one request, a request without a file, and a body that is not a form', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await image('png'))]), 'a.png');
    form.append('file', new Blob([new Uint8Array(await image('png'))]), 'b.png');
    const two = await fetch(`${harness.url}/api/v1/precheck/uploads`, { method: 'POST', body: form });
    expect(two.status).toBe(400);
    expect(((await two.json()) as UploadAnswer).error?.code).toBe('UPLOAD_TOO_MANY_FILES');

    const none = new FormData();
    none.append('note', 'no file here');
    const empty = await fetch(`${harness.url}/api/v1/precheck/uploads`, { method: 'POST', body: none });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as UploadAnswer).error?.code).toBe('UPLOAD_MISSING_FILE');

    const otherField = await upload(await image('png'), 'a.png', 'photo');
    expect(otherField.status).toBe(400);

    const json = await fetch(`${harness.url}/api/v1/precheck/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ file: 'aGVsbG8=' }),
    });
    expect(json.status).toBe(415);
    expect(((await json.json()) as UploadAnswer).error?.code).toBe('UPLOAD_NOT_MULTIPART');
  });

  it('stores nothing for a refused upload', async () => {
    const before = readdirSync(uploadsFolder()).length;
    await upload(rejectedFiles[0].bytes, 'id.jpg');
    await upload(pngBomb(), 'id.png');
    expect(readdirSync(uploadsFolder()).length).toBe(before);
  });
});

describe('reading', () => {
  it('answers with the document read, its numbers masked', async () => {
    read = idCard({ idNumber: '11010519491231002X', idExpiry: '2036-05-01' });
    const { status, body } = await upload(await image('jpeg'), 'id.jpg');
    expect(status).toBe(201);
    expect(body.reading).toEqual({
      documentType: '居民身份证',
      fields: { idNumber: '1101**********002X', idExpiry: '2036-05-01' },
    });
    expect(JSON.stringify(body)).not.toContain('11010519491231002X');
    expect(readFiles.at(-1)).toBe(path.join(uploadsFolder(), body.upload.id));
  });

  it('masks a credit code to its last four', async () => {
    read = () =>
      Promise.resolve({
        documentType: '营业执照',
        fields: { creditCode: '91350100M000100Y43' },
        lines: [],
        pages: 1,
      });
    const { body } = await upload(await image('png'), 'licence.png');
    expect(body.reading.fields).toEqual({ creditCode: '**************0Y43' });
  });

  it('keeps an upload whose reader fails, with a plain problem', async () => {
    read = () => Promise.reject(new Error('worker crashed'));
    const { status, body } = await upload(await image('png'), 'id.png');
    expect(status).toBe(201);
    expect(body.reading.documentType).toBeNull();
    expect(body.reading.problem).toBe('未能自动识别该文件，请在下方勾选您已有的材料。');
    expect(existsSync(path.join(uploadsFolder(), body.upload.id))).toBe(true);
  });

  it('keeps an upload whose reader takes too long, and its late reading for the pre-check', async () => {
    let finish: (reading: DocumentReading) => void = () => undefined;
    read = () => new Promise((resolve) => (finish = resolve));
    const { status, body } = await upload(await image('png'), 'id.png');
    expect(status).toBe(201);
    expect(body.reading.problem).toContain('识别用时较长');
    finish({ documentType: '居民身份证', fields: {}, lines: [], pages: 1 });
    await expect
      .poll(() => harness.server.services.store.uploads.get(body.upload.id)?.reading)
      .toContain('居民身份证');
    const result = await precheck({ itemId: 'SHMS-001', uploads: [body.upload.id] });
    expect(result.body.matched).toContainEqual({ said: '上传的照片：居民身份证', material: '居民身份证' });
  });
});

interface PrecheckAnswer {
  precheckNo: string;
  noticeKey: string;
  matched: Array<{ said: string; material: string }>;
  missing: Array<{ name: string }>;
  invalid: Array<{ field: string; reason: string }>;
  error: { code: string; message: string };
}

async function precheck(body: unknown): Promise<{ status: number; body: PrecheckAnswer }> {
  const response = await fetch(`${harness.url}/api/v1/precheck`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as PrecheckAnswer };
}

describe('the pre-check with uploads', () => {
  it('counts a recognised document as provided, saying it came from an upload', async () => {
    read = idCard({});
    const { body } = await upload(await image('jpeg'), 'id.jpg');
    const without = await precheck({ itemId: 'SHMS-001' });
    expect(without.body.missing.map((entry) => entry.name)).toContain('居民身份证');
    const result = await precheck({ itemId: 'SHMS-001', uploads: [body.upload.id] });
    expect(result.status).toBe(200);
    expect(result.body.matched).toEqual([{ said: '上传的照片：居民身份证', material: '居民身份证' }]);
    expect(result.body.missing.map((entry) => entry.name)).not.toContain('居民身份证');
  });

  it('fills the fields the citizen left empty from the upload; typed values win', async () => {
    read = idCard({ idNumber: '11010519491231002X', idExpiry: '2019-05-01' });
    const { body } = await upload(await image('jpeg'), 'id.jpg');
    const filled = await precheck({ itemId: 'SHMS-001', uploads: [body.upload.id] });
    expect(filled.body.invalid).toEqual([
      { field: 'idNumber', reason: expect.stringContaining('过期') as string },
    ]);
    const typed = await precheck({
      itemId: 'SHMS-001',
      uploads: [body.upload.id],
      fields: { idExpiry: '长期' },
    });
    expect(typed.body.invalid).toEqual([]);
    // The kept pre-check (its notice) shows the number read, masked.
    const kept = await fetch(
      `${harness.url}/api/v1/precheck/${filled.body.precheckNo}?key=${filled.body.noticeKey}`,
    );
    expect(kept.status).toBe(200);
    const record = JSON.stringify(await kept.json());
    expect(record).toContain('002X');
    expect(record).not.toContain('11010519491231002X');
  });

  it('refuses an unknown or withdrawn upload id (400), and more than ten ids', async () => {
    const unknown = await precheck({ itemId: 'SHMS-001', uploads: ['0123456789abcdef0123456789abcdef'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('PRECHECK_UPLOAD_NOT_FOUND');
    expect(unknown.body.error.message).toContain('请重新上传');
    const junk = await precheck({ itemId: 'SHMS-001', uploads: ['../../etc/passwd'] });
    expect(junk.status).toBe(400);
    const many = await precheck({ itemId: 'SHMS-001', uploads: Array.from({ length: 11 }, () => 'a') });
    expect(many.status).toBe(400);
    expect(many.body.error.message).toContain('uploads');
  });

  it('forgets an upload the citizen withdraws: file and row at once', async () => {
    read = idCard({});
    const { body } = await upload(await image('jpeg'), 'id.jpg');
    const removed = await fetch(`${harness.url}/api/v1/precheck/uploads/${body.upload.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    expect(existsSync(path.join(uploadsFolder(), body.upload.id))).toBe(false);
    expect((await precheck({ itemId: 'SHMS-001', uploads: [body.upload.id] })).status).toBe(400);
    const again = await fetch(`${harness.url}/api/v1/precheck/uploads/${body.upload.id}`, {
      method: 'DELETE',
    });
    expect(again.status).toBe(404);
  });
});

describe('retention', () => {
  it('deletes expired uploads, their rows and orphan files in the sweep', async () => {
    read = idCard({});
    const old = (await upload(await image('png'), 'old.png')).body.upload.id;
    now += 6 * DAY_MS;
    const recent = (await upload(await image('png'), 'recent.png')).body.upload.id;
    const orphan = path.join(uploadsFolder(), 'ffffffffffffffffffffffffffffffff');
    writeFileSync(orphan, 'left over', { mode: 0o600 });
    // Written "now" by the injected clock: a file this new may be an upload being stored.
    utimesSync(orphan, new Date(now), new Date(now));
    harness.server.services.uploads.sweep();
    expect(existsSync(orphan)).toBe(true);
    now += 1 * DAY_MS + 1;
    const swept = harness.server.services.uploads.sweep();
    expect(swept.rows).toBeGreaterThanOrEqual(1);
    expect(existsSync(path.join(uploadsFolder(), old))).toBe(false);
    expect(existsSync(path.join(uploadsFolder(), recent))).toBe(true);
    expect((await precheck({ itemId: 'SHMS-001', uploads: [old] })).status).toBe(400);
    expect((await precheck({ itemId: 'SHMS-001', uploads: [recent] })).status).toBe(200);
    expect(existsSync(orphan)).toBe(false);
  });
});

describe('rate limit', () => {
  const limited = useHarness({ settings: { uploads: { ipPerMinute: 2 } } });

  it('answers 429 once an address has sent its uploads of the minute', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(await image('png'))]), 'a.png');
      const response = await fetch(`${limited.url}/api/v1/precheck/uploads`, { method: 'POST', body: form });
      statuses.push(response.status);
      if (response.status === 429) expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect(statuses).toEqual([201, 201, 429]);
  });
});
