/**
 * A catalog file that cannot be opened at all: missing, unreadable, or of a format no loader reads.
 * Problems inside a readable file are a CatalogValidationError instead.
 */
export class CatalogFileError extends Error {
  readonly code = 'CATALOG_UNREADABLE' as const;
  readonly file: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(`无法读取事项清单 ${file}：${reason}`, options);
    this.name = 'CatalogFileError';
    this.file = file;
  }
}
