import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../../../../bot/precheck/documents/read-document-file.ts';
import { READING_PROBLEMS } from '../../../../../bot/precheck/documents/reading-problems.ts';
import {
  type RecognisedLine,
  recogniseImage,
  type TextRecogniser,
} from '../../../../../bot/precheck/documents/recognise-image.ts';
import { emptyPdf, textPdf } from '../../../../helpers/document-samples-pdf.ts';

const TODAY = '2026-12-02';
const CODE = '91110105MA01C7LT3N';
const line = (text: string, y: number, mean = 0.99): RecognisedLine => ({
  text,
  mean,
  box: [
    [40, y],
    [40 + 24 * text.length, y],
    [40 + 24 * text.length, y + 24],
    [40, y + 24],
  ],
});
const LICENCE = [line('营业执照', 20), line(`统一社会信用代码${CODE}`, 80), line('法定代表人王芳', 140)];
const GARBLED = [line('些卞丫', 20, 0.4), line('乙亻', 80, 0.3)];

/** A recogniser that answers each call with the next of the given readings. */
function scripted(readings: RecognisedLine[][]): TextRecogniser & { calls: number } {
  const recogniser = {
    calls: 0,
    detect: async () => readings[Math.min(recogniser.calls++, readings.length - 1)],
  };
  return recogniser;
}

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'daoban-read-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function file(name: string, data: Buffer) {
  const target = path.join(directory, name);
  await writeFile(target, data);
  return target;
}

describe('recogniseImage', () => {
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();

  it('keeps the first reading when it recognises a document', async () => {
    const recogniser = scripted([LICENCE]);
    const result = await recogniseImage(recogniser, await image);
    expect(result).toMatchObject({ turn: 0, classification: { type: '营业执照' } });
    expect(recogniser.calls).toBe(1);
  });

  it('turns the image when the reading is poor, and stops at the first good turn', async () => {
    const recogniser = scripted([GARBLED, LICENCE]);
    const result = await recogniseImage(recogniser, await image);
    expect(result.classification.type).toBe('营业执照');
    expect(result.turn).toBe(180);
    expect(recogniser.calls).toBe(2);
  });

  it('tries the side turns first when the text boxes stand upright, the right one first', async () => {
    const standing = (texts: string[]): RecognisedLine[] =>
      texts.map((text, index) => ({
        text,
        mean: 0.9,
        box: [
          [40 * index, 0],
          [40 * index + 24, 0],
          [40 * index + 24, 120],
          [40 * index, 120],
        ],
      }));
    // Read although sideways: the photo was turned clockwise, so a quarter turn back (270°) comes first.
    const readable = scripted([standing(['营业执照', '统一社会信用代码', '法定代表人']), LICENCE]);
    expect((await recogniseImage(readable, await image)).turn).toBe(270);
    // Sideways and unreadable: turned the other way.
    const unreadable = scripted([standing(['些卞丫', '乙亻']), LICENCE]);
    expect((await recogniseImage(unreadable, await image)).turn).toBe(90);
  });

  it('keeps the most confident reading when no turn recognises a document', async () => {
    const recogniser = scripted([GARBLED, [line('今天天气很好', 20)], GARBLED, GARBLED]);
    const result = await recogniseImage(recogniser, await image);
    expect(result.classification.type).toBeNull();
    expect(result.lines).toEqual(['今天天气很好']);
    expect(recogniser.calls).toBe(4);
  });
});

describe('readDocumentFile', () => {
  const options = { maxPages: 3, today: TODAY };

  it('reads a PDF through its text layer, without recognition', async () => {
    const pdf = await file(
      'licence.pdf',
      await textPdf([['营业执照', `统一社会信用代码 ${CODE}`, '法定代表人 王芳', '经营范围 技术开发']]),
    );
    const recogniser = scripted([]);
    const reading = await readDocumentFile(
      recogniser,
      { path: pdf, contentType: 'application/pdf' },
      options,
    );
    expect(reading).toMatchObject({ documentType: '营业执照', fields: { creditCode: CODE }, pages: 1 });
    expect(reading.problem).toBeUndefined();
    expect(recogniser.calls).toBe(0);
  });

  it('reads no more pages than the limit', async () => {
    const pages = Array.from({ length: 5 }, (_, index) =>
      index < 4 ? [`第${index + 1}页 说明`] : ['营业执照', `统一社会信用代码 ${CODE}`],
    );
    const pdf = await file('long.pdf', await textPdf(pages));
    const reading = await readDocumentFile(
      scripted([]),
      { path: pdf, contentType: 'application/pdf' },
      options,
    );
    expect(reading.pages).toBe(3);
    expect(reading.lines.join('')).not.toContain('营业执照');
    expect(reading.documentType).toBeNull();
  });

  it('says so when a PDF has no text and no image to recognise', async () => {
    const pdf = await file('empty.pdf', await emptyPdf());
    const reading = await readDocumentFile(
      scripted([]),
      { path: pdf, contentType: 'application/pdf' },
      options,
    );
    expect(reading).toMatchObject({ documentType: null, problem: READING_PROBLEMS.pdfWithoutText, pages: 1 });
  });

  it('says so when a file is not the PDF or image it claims to be', async () => {
    const broken = await file('broken.bin', Buffer.from('%PDF-1.7 nothing else'));
    expect(
      (await readDocumentFile(scripted([]), { path: broken, contentType: 'application/pdf' }, options))
        .problem,
    ).toBe(READING_PROBLEMS.unreadablePdf);
    expect(
      (await readDocumentFile(scripted([]), { path: broken, contentType: 'image/jpeg' }, options)).problem,
    ).toBe(READING_PROBLEMS.unreadableImage);
  });

  it('gives the lines with no type and a problem when the text is no known document', async () => {
    const photo = await file(
      'photo.png',
      await sharp({ create: { width: 200, height: 100, channels: 3, background: '#eee' } })
        .png()
        .toBuffer(),
    );
    const reading = await readDocumentFile(
      scripted([[line('欢迎光临', 20)]]),
      { path: photo, contentType: 'image/png' },
      options,
    );
    expect(reading).toMatchObject({
      documentType: null,
      lines: ['欢迎光临'],
      problem: READING_PROBLEMS.unknownType,
    });
  });
});
