/**
 * The port between an uploaded document and the pre-check: what a reader (OCR on images, the text
 * layer of a PDF) recognised in one stored upload. The pre-check treats a recognised document as a
 * material the citizen has provided, and the numbers read from it as the fields they would have typed.
 */

/** The document types a reader can recognise; anything else is `null` (not recognised). */
export const DOCUMENT_TYPES = [
  '居民身份证',
  '营业执照',
  '户口簿',
  '结婚证',
  '离婚证',
  '不动产权证书',
  '出生医学证明',
  '银行卡',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The content types an upload may have, decided from its bytes, never from its name. */
export type UploadContentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export interface DocumentReading {
  /** The recognised type, or null when the text matches none. */
  documentType: DocumentType | null;
  /** Numbers read from the document, each passing its own check (GB 11643, GB 32100); never guesses. */
  fields: { idNumber?: string; creditCode?: string; idExpiry?: string };
  /** The recognised text lines, in reading order (kept in memory only, never logged). */
  lines: string[];
  /** Pages read (1 for an image). */
  pages: number;
  /** Why nothing could be read, in plain zh-CN ("未能识别出文字，请在光线充足处重新拍摄。"). */
  problem?: string;
}

export interface DocumentReader {
  /** Reads one stored upload off the service's event loop, so that answering never waits for it. */
  read(file: { path: string; contentType: UploadContentType }): Promise<DocumentReading>;
  /** Stops the workers that read documents. */
  close(): Promise<void>;
}
