/**
 * Why a catalog or hall upload, publish or rollback was refused. The code tells the error handler the
 * status; the message is for the administrator, in Chinese, and says what to do.
 */
export const CATALOG_ADMIN_STATUS = {
  /** The file is larger than MAX_UPLOAD_BYTES. */
  UPLOAD_TOO_LARGE: 413,
  /** An extension the kind of file does not allow. */
  UPLOAD_UNSUPPORTED_TYPE: 415,
  /** The content does not match the extension (an .xlsx that is no workbook, a .json that does not parse). */
  UPLOAD_CONTENT_MISMATCH: 400,
  UPLOAD_EMPTY: 400,
  UPLOAD_INVALID: 400,
  DRAFT_NOT_FOUND: 404,
  VERSION_NOT_FOUND: 404,
  JOB_NOT_FOUND: 404,
  /** The file has errors: it can never be published. */
  DRAFT_HAS_ERRORS: 422,
  /** Another publish or rollback is running. */
  INDEX_BUSY: 409,
  /** The live version changed after the administrator looked at the difference. */
  LIVE_VERSION_CHANGED: 409,
  /** The version asked for is already in service. */
  VERSION_ALREADY_LIVE: 409,
  /** This server answers with an assistant supplied by its host, not from an index it manages. */
  CATALOG_ADMIN_UNAVAILABLE: 503,
} as const;

export type CatalogAdminErrorCode = keyof typeof CATALOG_ADMIN_STATUS;

export class CatalogAdminError extends Error {
  override readonly name = 'CatalogAdminError';
  readonly userMessage: string;
  constructor(
    readonly code: CatalogAdminErrorCode,
    userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage}`, options);
    this.userMessage = userMessage;
  }
}
