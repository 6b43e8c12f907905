/**
 * A policy document as the knowledge base keeps it: plain text with one paragraph (or heading, or
 * table cell) per line, and the metadata a citation needs (title, 文号, date, source).
 */

export const DOCUMENT_FORMATS = ['txt', 'md', 'html', 'pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface PolicyDocument {
  /** Stable id from the file name, used in chunk ids `doc:<id>:<n>`. */
  id: string;
  title: string;
  /** 文号, e.g. 济起管办发〔2024〕1号. */
  docNumber?: string;
  /** 成文日期 (or the first date in the text), YYYY-MM-DD. */
  date?: string;
  /** Issuing body or publishing site. */
  source?: string;
  file: string;
  format: DocumentFormat;
  /** Clean text, one paragraph per line; Markdown headings keep their `#` marks for chunking. */
  text: string;
  /** sha256 of the text, so incremental ingest re-chunks only changed documents. */
  hash: string;
}

/** Metadata a loader found in the file itself (front matter, HTML <title>). */
export interface DocumentMetadata {
  title?: string;
  docNumber?: string;
  date?: string;
  source?: string;
}
