/**
 * A policy document that could not be read (unsupported format, broken file, not UTF-8, no text).
 * Folder loads collect these and go on with the other documents.
 */
export class DocumentLoadError extends Error {
  readonly code = 'DOCUMENT_LOAD_FAILED' as const;
  readonly file: string;
  /** The reason alone, in Chinese, without the file name. */
  readonly reason: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(`无法读取政策文件 ${file}：${reason}`, options);
    this.name = 'DocumentLoadError';
    this.file = file;
    this.reason = reason;
  }
}
