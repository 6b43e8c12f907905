/**
 * Loads policy documents (TXT, MD, HTML, PDF, DOCX) into PolicyDocuments: the format-specific
 * extraction happens here, the shared cleaning and metadata in knowledge/documents. A folder load
 * reports the files it could not read next to the documents it could, so one broken file does not
 * stop an ingest run.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPolicyDocument, documentIdFromFile } from '../../knowledge/documents/build-document.ts';
import type { DocumentFormat, DocumentMetadata, PolicyDocument } from '../../knowledge/documents/schema.ts';
import { DocumentLoadError } from '../../knowledge/errors/document-load-error.ts';
import { extractHtml } from './extract-html.ts';
import { extractMarkdown } from './extract-markdown.ts';
import { decodeUtf8, NotUtf8Error } from './read-text-file.ts';

const FORMATS: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export const isDocumentFile = (file: string): boolean => path.extname(file).toLowerCase() in FORMATS;

async function extractPdf(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(bytes);
  const { text } = await extractText(pdf, { mergePages: false });
  return text.join('\n');
}

async function extractDocx(buffer: Buffer): Promise<string> {
  const mammoth = await import('mammoth');
  const result = await mammoth.extractRawText({ buffer });
  return result.value;
}

async function extract(
  file: string,
  format: DocumentFormat,
  bytes: Buffer,
): Promise<{ text: string; metadata?: DocumentMetadata }> {
  switch (format) {
    case 'txt':
      return { text: decodeUtf8(bytes) };
    case 'md':
      return extractMarkdown(decodeUtf8(bytes));
    case 'html':
      return extractHtml(decodeUtf8(bytes));
    case 'pdf':
      return { text: await extractPdf(new Uint8Array(bytes)) };
    case 'docx':
      return { text: await extractDocx(bytes) };
  }
}

async function load(file: string, id?: string): Promise<PolicyDocument> {
  const format = FORMATS[path.extname(file).toLowerCase()];
  if (!format) {
    throw new DocumentLoadError(
      file,
      `不支持“${path.extname(file) || '无扩展名'}”格式，请使用 .txt、.md、.html、.pdf 或 .docx`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new DocumentLoadError(file, '文件不存在或无法打开', { cause: error });
  }
  let extracted;
  try {
    extracted = await extract(file, format, bytes);
  } catch (error) {
    if (error instanceof NotUtf8Error) throw new DocumentLoadError(file, error.message, { cause: error });
    throw new DocumentLoadError(file, `文件已损坏或无法解析（${format.toUpperCase()}）`, { cause: error });
  }
  const document = buildPolicyDocument({ file, format, ...extracted, ...(id ? { id } : {}) });
  if (!document.text.trim()) throw new DocumentLoadError(file, '没有可提取的文字（扫描件需先进行文字识别）');
  return document;
}

/** Load one document; the format is chosen by extension. Throws DocumentLoadError. */
export async function loadDocument(file: string): Promise<PolicyDocument> {
  return load(file);
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Load every document in a folder (and its subfolders). Files of other formats are skipped; files
 * that fail are returned in `errors`. Ids are paths relative to the folder, so they stay unique.
 */
export async function loadDocuments(
  folder: string,
): Promise<{ documents: PolicyDocument[]; errors: DocumentLoadError[] }> {
  const documents: PolicyDocument[] = [];
  const errors: DocumentLoadError[] = [];
  let files: string[];
  try {
    files = await listFiles(folder);
  } catch (error) {
    return {
      documents,
      errors: [new DocumentLoadError(folder, '政策文件目录不存在或无法读取', { cause: error })],
    };
  }
  for (const file of files.filter(isDocumentFile)) {
    try {
      documents.push(await load(file, documentIdFromFile(path.relative(folder, file))));
    } catch (error) {
      errors.push(
        error instanceof DocumentLoadError
          ? error
          : new DocumentLoadError(file, String(error), { cause: error }),
      );
    }
  }
  return { documents, errors };
}
