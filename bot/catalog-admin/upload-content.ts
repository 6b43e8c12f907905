/**
 * The first check of an uploaded file, before anything reads it as a catalog: the extension must be
 * one its kind allows, and the content must be what the extension says — an .xlsx is a zip archive
 * (starts with "PK"), a .json parses, a .csv is text. A renamed file is refused here with a message
 * that says what it really is, instead of a confusing list of row errors later.
 */
import path from 'node:path';
import { CatalogAdminError } from './errors/catalog-admin-error.ts';

export type UploadKind = 'catalog' | 'hall';

export const UPLOAD_EXTENSIONS: Record<UploadKind, readonly string[]> = {
  catalog: ['.json', '.csv', '.xlsx'],
  hall: ['.json'],
};

const KIND_NAME: Record<UploadKind, string> = { catalog: '事项清单', hall: '大厅布局' };
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The old binary Excel format (OLE compound file). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const TEXT_SNIFF_BYTES = 8192;

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  magic.every((byte, index) => bytes[index] === byte);

/** What the bytes look like, for messages about a mismatch. */
function looksLike(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, ZIP)) return 'Excel 工作簿（.xlsx）或其他压缩文件';
  if (startsWith(bytes, OLE)) return '旧版 Excel（.xls）或 Word 文件，请在 Excel 中另存为 .xlsx 后上传';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'PDF 文件';
  if (bytes.subarray(0, TEXT_SNIFF_BYTES).includes(0)) return '二进制文件';
  return undefined;
}

const mismatch = (extension: string, what: string) =>
  new CatalogAdminError('UPLOAD_CONTENT_MISMATCH', `文件扩展名是 ${extension}，但内容是${what}。`);

/** Checks extension and content; returns the lower-case extension. */
export function checkUploadContent(kind: UploadKind, fileName: string, bytes: Uint8Array): string {
  const extension = path.extname(fileName).toLowerCase();
  const allowed = UPLOAD_EXTENSIONS[kind];
  if (!allowed.includes(extension)) {
    throw new CatalogAdminError(
      'UPLOAD_UNSUPPORTED_TYPE',
      `${KIND_NAME[kind]}只能上传 ${allowed.join('、')} 文件，“${fileName}”不是。`,
    );
  }
  if (bytes.length === 0) throw new CatalogAdminError('UPLOAD_EMPTY', `“${fileName}”是空文件。`);
  const seen = looksLike(bytes);
  if (extension === '.xlsx') {
    if (!startsWith(bytes, ZIP)) throw mismatch(extension, seen ?? '文本，不是 Excel 工作簿');
    return extension;
  }
  if (seen) throw mismatch(extension, seen);
  if (extension === '.json') {
    let value: unknown;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof SyntaxError ? error.message : '不是 UTF-8 编码的文本';
      throw mismatch(extension, `无法解析的 JSON（${reason}）`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw mismatch(extension, 'JSON，但最外层不是对象（应为 { … }）');
    }
  }
  return extension;
}

/** A file name safe to write to disk: the last path segment, without control characters, at most 120 characters. */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim();
  const extension = path.extname(cleaned);
  const stem = cleaned.slice(0, cleaned.length - extension.length).slice(0, 120 - extension.length);
  return stem && !stem.startsWith('.') ? `${stem}${extension}` : `upload${extension}`;
}
