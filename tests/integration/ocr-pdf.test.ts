/**
 * PDFs through the worker-backed reader: a text layer is read as text, a scan is recognised from
 * the image drawn on its page, an empty page is reported in plain words.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOcrDocumentReader,
  type OcrDocumentReader,
} from '../../bot/precheck/documents/ocr-document-reader.ts';
import { READING_PROBLEMS } from '../../bot/precheck/documents/reading-problems.ts';
import { emptyPdf, scannedPdf, textPdf } from '../helpers/document-samples-pdf.ts';
import { renderDocumentSamples } from '../helpers/document-samples.ts';

let directory: string;
let reader: OcrDocumentReader;

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'daoban-ocr-pdf-'));
  reader = createOcrDocumentReader({ timeoutMs: 120_000, today: () => '2026-12-02' });
});

afterAll(async () => {
  await reader.close();
  await rm(directory, { recursive: true, force: true });
});

async function readPdf(name: string, data: Buffer) {
  const file = path.join(directory, name);
  await writeFile(file, data);
  return reader.read({ path: file, contentType: 'application/pdf' });
}

describe('OCR document reader on PDFs', () => {
  it('reads the text layer page by page', async () => {
    const reading = await readPdf(
      'id.pdf',
      await textPdf([
        ['姓名 王芳', '性别 女 民族 汉', '公民身份号码 110105199003074528'],
        ['中华人民共和国', '居民身份证', '签发机关 北京市公安局朝阳分局', '有效期限 2016.05.01-2036.05.01'],
      ]),
    );
    expect(reading).toMatchObject({
      documentType: '居民身份证',
      fields: { idNumber: '110105199003074528', idExpiry: '2036-05-01' },
      pages: 2,
    });
  });

  it('recognises a scanned page from its image', { timeout: 120_000 }, async () => {
    const [licence] = (await renderDocumentSamples({ variants: ['clean'] })).filter(
      (sample) => sample.type === '营业执照',
    );
    const reading = await readPdf('scan.pdf', await scannedPdf(licence.image));
    expect(reading.documentType).toBe('营业执照');
    expect(reading.fields.creditCode).toBe(licence.expected.creditCode);
    expect(reading.pages).toBe(1);
  });

  it('says that a PDF without text or images cannot be read', async () => {
    const reading = await readPdf('empty.pdf', await emptyPdf());
    expect(reading).toMatchObject({ documentType: null, problem: READING_PROBLEMS.pdfWithoutText });
  });
});
