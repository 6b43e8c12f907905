/**
 * Assembles a PolicyDocument from the raw text a loader extracted: whitespace cleaned, web-page
 * debris removed, metadata completed from the text, id and content hash set.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { normalizePdfText, normalizeWhitespace, unwrapPdfLines } from './clean-text.ts';
import { extractMetadata, parseDocNumber } from './extract-metadata.ts';
import type { DocumentFormat, DocumentMetadata, PolicyDocument } from './schema.ts';
import { removeWebPageDebris } from './web-page-debris.ts';

export interface ExtractedDocument {
  file: string;
  format: DocumentFormat;
  text: string;
  metadata?: DocumentMetadata;
  /** Overrides the id taken from the file name (e.g. a path relative to the policy folder). */
  id?: string;
}

/** A file name as an id: extension dropped, spaces and path separators made dashes. */
export function documentIdFromFile(file: string): string {
  const withoutExtension = file.slice(0, file.length - path.extname(file).length);
  return withoutExtension
    .replace(/[\\/]+/g, '/')
    .replace(/\s+/g, '-')
    .replace(/^\.?\//, '');
}

export function buildPolicyDocument(extracted: ExtractedDocument): PolicyDocument {
  const raw = extracted.format === 'pdf' ? normalizePdfText(extracted.text) : extracted.text;
  const cleaned = normalizeWhitespace(raw);
  const { lines, metadata: pageMetadata } = removeWebPageDebris(
    extracted.format === 'pdf' ? unwrapPdfLines(cleaned) : cleaned,
  );
  const contentLines = lines.filter((line) => line !== '');
  const known: DocumentMetadata = { ...pageMetadata, ...definedOnly(extracted.metadata ?? {}) };
  if (known.docNumber) known.docNumber = parseDocNumber(known.docNumber) ?? known.docNumber;
  const metadata = extractMetadata(contentLines, known);
  const text = contentLines.join('\n');
  const id = extracted.id ?? documentIdFromFile(path.basename(extracted.file));
  return {
    id,
    title: metadata.title ?? path.basename(extracted.file, path.extname(extracted.file)),
    ...(metadata.docNumber ? { docNumber: metadata.docNumber } : {}),
    ...(metadata.date ? { date: metadata.date } : {}),
    ...(metadata.source ? { source: metadata.source } : {}),
    file: extracted.file,
    format: extracted.format,
    text,
    hash: createHash('sha256').update(text).digest('hex'),
  };
}

function definedOnly(metadata: DocumentMetadata): DocumentMetadata {
  return Object.fromEntries(
    Object.entries(metadata).filter(([, value]) => typeof value === 'string' && value.trim()),
  ) as DocumentMetadata;
}
