/**
 * One upload read from start to end, inside an OCR worker: an image is prepared and recognised; a
 * PDF gives its text layer page by page, and a scanned page its images, recognised like photos. The
 * text is then classified and its numbers read. Anything that cannot be read becomes a `problem`,
 * never an exception, so that the citizen is told what to do.
 */
import { readFile } from 'node:fs/promises';
import type { LocalDate } from '../../calendar/local-date.ts';
import { classifyDocument } from './classify-document.ts';
import type { DocumentReading, UploadContentType } from './document-reader.ts';
import { readPdfPages } from './pdf-pages.ts';
import { prepareImage } from './prepare-image.ts';
import { READING_PROBLEMS } from './reading-problems.ts';
import { readDocumentFields } from './read-numbers.ts';
import { recogniseImage, type TextRecogniser } from './recognise-image.ts';

export interface ReadDocumentOptions {
  /** Pages of a PDF read at most (the upload limit). */
  maxPages: number;
  /** The hall's date, for the ID number's birth date check (tests fix it). */
  today?: LocalDate;
}

export interface ReadDocumentFile {
  path: string;
  contentType: UploadContentType;
}

function fromLines(lines: string[], pages: number, today?: LocalDate): DocumentReading {
  if (lines.length === 0) {
    return { documentType: null, fields: {}, lines, pages, problem: READING_PROBLEMS.noText };
  }
  const { type } = classifyDocument(lines);
  const fields = readDocumentFields(lines, type, today);
  return type === null
    ? { documentType: null, fields, lines, pages, problem: READING_PROBLEMS.unknownType }
    : { documentType: type, fields, lines, pages };
}

const failed = (problem: string, pages = 0): DocumentReading => ({
  documentType: null,
  fields: {},
  lines: [],
  pages,
  problem,
});

async function readImage(recogniser: TextRecogniser, input: string | Buffer): Promise<string[] | undefined> {
  let prepared: Buffer;
  try {
    prepared = await prepareImage(input);
  } catch {
    return undefined;
  }
  return (await recogniseImage(recogniser, prepared)).lines;
}

async function readPdf(
  recogniser: TextRecogniser,
  path: string,
  options: ReadDocumentOptions,
): Promise<DocumentReading> {
  let content;
  try {
    content = await readPdfPages(new Uint8Array(await readFile(path)), options.maxPages);
  } catch {
    return failed(READING_PROBLEMS.unreadablePdf);
  }
  const pages = content.pages.length;
  const lines: string[] = [];
  let scanned = false;
  for (const page of content.pages) {
    lines.push(...page.lines);
    for (const image of page.images) {
      scanned = true;
      lines.push(...((await readImage(recogniser, image)) ?? []));
    }
  }
  if (lines.length === 0 && !scanned) return failed(READING_PROBLEMS.pdfWithoutText, pages);
  return fromLines(lines, pages, options.today);
}

export async function readDocumentFile(
  recogniser: TextRecogniser,
  file: ReadDocumentFile,
  options: ReadDocumentOptions,
): Promise<DocumentReading> {
  if (file.contentType === 'application/pdf') return readPdf(recogniser, file.path, options);
  const lines = await readImage(recogniser, file.path);
  if (lines === undefined) return failed(READING_PROBLEMS.unreadableImage, 1);
  return fromLines(lines, 1, options.today);
}
