/** Raised when an index version exists but one of its files is missing, unreadable or inconsistent. */
export class IndexCorruptError extends Error {
  readonly code = 'INDEX_CORRUPT';
  readonly folder: string;

  constructor(folder: string, reason: string, options?: { cause?: unknown }) {
    super(
      `The index version in ${folder} is unusable: ${reason}. Rebuild it with \`npm run ingest\`.`,
      options,
    );
    this.name = 'IndexCorruptError';
    this.folder = folder;
  }
}
