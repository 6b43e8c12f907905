/**
 * Why an upload was refused, with a stable code and a message for the citizen; the HTTP layer maps
 * the code to a status (`UPLOAD_ERROR_STATUS`).
 */
export type UploadErrorCode =
  | 'UPLOAD_TOO_LARGE'
  | 'UPLOAD_TYPE_REJECTED'
  | 'UPLOAD_IMAGE_TOO_LARGE'
  | 'UPLOAD_PDF_TOO_MANY_PAGES'
  | 'UPLOAD_UNREADABLE'
  | 'UPLOAD_NOT_FOUND'
  | 'UPLOAD_NOT_MULTIPART'
  | 'UPLOAD_MALFORMED'
  | 'UPLOAD_MISSING_FILE'
  | 'UPLOAD_TOO_MANY_FILES';

export const UPLOAD_ERROR_STATUS: Record<UploadErrorCode, number> = {
  UPLOAD_TOO_LARGE: 413,
  UPLOAD_TYPE_REJECTED: 415,
  UPLOAD_IMAGE_TOO_LARGE: 422,
  UPLOAD_PDF_TOO_MANY_PAGES: 422,
  UPLOAD_UNREADABLE: 422,
  UPLOAD_NOT_FOUND: 404,
  UPLOAD_NOT_MULTIPART: 415,
  UPLOAD_MALFORMED: 400,
  UPLOAD_MISSING_FILE: 400,
  UPLOAD_TOO_MANY_FILES: 400,
};

export class UploadError extends Error {
  override readonly name = 'UploadError';
  constructor(
    readonly code: UploadErrorCode,
    readonly userMessage: string,
  ) {
    super(`${code}: ${userMessage}`);
  }
}

export const typeRejected = () =>
  new UploadError('UPLOAD_TYPE_REJECTED', '只能上传照片（JPG/PNG/WebP）或 PDF 文件。');

export const tooLarge = (maxBytes: number) =>
  new UploadError(
    'UPLOAD_TOO_LARGE',
    `文件过大，请上传不超过 ${Math.floor(maxBytes / (1024 * 1024))} MB 的文件。`,
  );
