/**
 * The worker-backed OCR reader on document images rendered by the test itself (document-samples.ts:
 * nine layouts, each clean, skewed, turned, blurred, washed out and noisy/JPEG, every one with its
 * own fictional person or company). Targets of issue 11: the type right in ≥ 95% of the samples, the
 * numbers read exactly in ≥ 90% of those that carry one. The figures are printed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentReading } from '../../bot/precheck/documents/document-reader.ts';
import {
  createOcrDocumentReader,
  DocumentReaderClosedError,
  type OcrDocumentReader,
} from '../../bot/precheck/documents/ocr-document-reader.ts';
import { READING_PROBLEMS } from '../../bot/precheck/documents/reading-problems.ts';
import {
  type DocumentSample,
  renderDocumentSamples,
  renderNonDocuments,
} from '../helpers/document-samples.ts';

const TODAY = '2026-12-02';

let directory: string;
let reader: OcrDocumentReader;

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'daoban-ocr-'));
  // A generous time limit: the machine may be shared, and this test measures accuracy, not speed.
  reader = createOcrDocumentReader({ workers: 1, timeoutMs: 120_000, today: () => TODAY });
  await reader.warmUp();
});

afterAll(async () => {
  await reader.close();
  await rm(directory, { recursive: true, force: true });
});

async function readSample(sample: DocumentSample, index: number): Promise<DocumentReading> {
  const file = path.join(directory, `sample-${index}.${sample.contentType === 'image/png' ? 'png' : 'jpg'}`);
  await writeFile(file, sample.image);
  return reader.read({ path: file, contentType: sample.contentType });
}

describe('OCR document reader on generated samples', () => {
  it(
    'recognises the document type in ≥ 95% and reads the numbers exactly in ≥ 90%',
    { timeout: 900_000 },
    async () => {
      const samples = await renderDocumentSamples();
      expect(samples.length).toBeGreaterThanOrEqual(40);
      let typesRight = 0;
      let withNumbers = 0;
      let numbersRight = 0;
      const misses: string[] = [];
      for (const [index, sample] of samples.entries()) {
        const reading = await readSample(sample, index);
        if (reading.documentType === sample.type) typesRight += 1;
        else misses.push(`${sample.name}: type ${reading.documentType ?? 'null'}`);
        const expected = Object.entries(sample.expected);
        if (expected.length > 0) {
          withNumbers += 1;
          const exact = expected.every(
            ([key, value]) => reading.fields[key as keyof DocumentReading['fields']] === value,
          );
          if (exact) numbersRight += 1;
          else {
            misses.push(
              `${sample.name}: numbers ${expected.map(([key]) => key).join(', ')} not read exactly`,
            );
          }
        }
        // Whatever is read must be right: a wrong number is worse than none.
        for (const [key, value] of Object.entries(reading.fields)) {
          const wanted = sample.expected[key as keyof DocumentReading['fields']];
          if (wanted !== undefined) {
            expect(value === wanted || value === undefined, `${sample.name} ${key}`).toBe(true);
          }
        }
      }
      const typeShare = typesRight / samples.length;
      const numberShare = numbersRight / withNumbers;
      console.log(
        `OCR on ${samples.length} generated samples: type right ${typesRight}/${samples.length} (${(typeShare * 100).toFixed(1)}%), ` +
          `numbers exact ${numbersRight}/${withNumbers} (${(numberShare * 100).toFixed(1)}%)` +
          (misses.length ? `\n  ${misses.join('\n  ')}` : ''),
      );
      expect(typeShare).toBeGreaterThanOrEqual(0.95);
      expect(numberShare).toBeGreaterThanOrEqual(0.9);
    },
  );

  it('gives no type and a problem for a blank sheet and for noise', { timeout: 300_000 }, async () => {
    const { blank, noise } = await renderNonDocuments();
    for (const [name, image] of [
      ['blank', blank],
      ['noise', noise],
    ] as const) {
      const file = path.join(directory, `${name}.png`);
      await writeFile(file, image);
      const reading = await reader.read({ path: file, contentType: 'image/png' });
      expect(reading.documentType, name).toBeNull();
      expect(reading.fields, name).toEqual({});
      expect(reading.problem, name).toMatch(/未能识别/);
    }
  });

  it('says so when a file is not the image it claims to be', async () => {
    const file = path.join(directory, 'broken.png');
    await writeFile(file, Buffer.from('not an image at all'));
    const reading = await reader.read({ path: file, contentType: 'image/png' });
    expect(reading).toMatchObject({ documentType: null, problem: READING_PROBLEMS.unreadableImage });
  });
});

describe('OCR document reader pool', () => {
  it(
    'answers a job that overruns its time limit with a problem, and goes on with a fresh worker',
    { timeout: 120_000 },
    async () => {
      const [sample] = await renderDocumentSamples({ variants: ['clean'] });
      const file = path.join(directory, 'slow.png');
      await writeFile(file, sample.image);
      // 1 ms, counted once the worker has its models: no page is read that fast.
      const hasty = createOcrDocumentReader({ timeoutMs: 1 });
      try {
        const first = await hasty.read({ path: file, contentType: 'image/png' });
        expect(first).toMatchObject({ documentType: null, problem: READING_PROBLEMS.timeout });
        // The overrunning worker was killed; the next job gets a new one (and the same limit).
        const second = await hasty.read({ path: file, contentType: 'image/png' });
        expect(second.problem).toBe(READING_PROBLEMS.timeout);
        expect(hasty.runningWorkers()).toBeLessThanOrEqual(1);
      } finally {
        await hasty.close();
      }
      expect(hasty.runningWorkers()).toBe(0);
    },
  );

  it('stops its workers on close() and refuses further reads', { timeout: 120_000 }, async () => {
    const pool = createOcrDocumentReader({ workers: 2 });
    await pool.warmUp();
    expect(pool.runningWorkers()).toBe(2);
    // Noise: each worker is in the middle of recognition (four turns) when close() comes.
    const { noise } = await renderNonDocuments();
    const file = path.join(directory, 'queued.png');
    await writeFile(file, noise);
    const pending = [1, 2, 3].map(() => pool.read({ path: file, contentType: 'image/png' }));
    const settled = Promise.allSettled(pending);
    await pool.close();
    for (const result of await settled) {
      expect(result.status).toBe('rejected');
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(DocumentReaderClosedError);
    }
    await expect(pool.read({ path: file, contentType: 'image/png' })).rejects.toBeInstanceOf(
      DocumentReaderClosedError,
    );
    expect(pool.runningWorkers()).toBe(0);
  });
});
