/** Raised when an index folder has no complete version yet (nothing was ever built there). */
export class IndexNotBuiltError extends Error {
  readonly code = 'INDEX_NOT_BUILT';
  readonly folder: string;

  constructor(folder: string, detail?: string) {
    super(
      `No index has been built in ${folder}${detail ? ` (${detail})` : ''}. ` +
        'Run `npm run ingest` (or `npm run ingest -- --catalog <file> --out <folder>`) first.',
    );
    this.name = 'IndexNotBuiltError';
    this.folder = folder;
  }
}
