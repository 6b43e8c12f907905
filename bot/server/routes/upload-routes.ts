/**
 * Pre-check uploads (自助预审): a citizen sends a photo or PDF of a document
 * (`POST /api/v1/precheck/uploads`, multipart with one `file`), and may withdraw it at once
 * (`DELETE /api/v1/precheck/uploads/:id`). Mounted before the JSON body reader, since uploads are
 * not JSON. No route ever serves a stored file.
 */
import { Router } from 'express';
import type { Services } from '../services/services.ts';
import { HttpError } from '../errors/http-error.ts';
import { rateLimit } from '../middleware/rate-limit.ts';
import { addressKey } from '../network/client-address.ts';
import { readMultipartFile } from '../../precheck/uploads/read-multipart-file.ts';
import { typeRejected, UPLOAD_ERROR_STATUS, UploadError } from '../../precheck/uploads/upload-error.ts';
import { SNIFF_BYTES, sniffContentType } from '../../precheck/uploads/sniff-content-type.ts';

export const UPLOADS_PATH = '/api/v1/precheck/uploads';

/** An upload's own errors as HTTP errors (413, 415, 422, 400, 404). */
export function uploadHttpError(error: unknown): unknown {
  if (error instanceof UploadError) {
    return new HttpError(UPLOAD_ERROR_STATUS[error.code], error.code, error.userMessage);
  }
  return error;
}

export function uploadRoutes(services: Services): Router {
  const router = Router();

  router.post(
    UPLOADS_PATH,
    rateLimit(services.limiters.uploads, (request) => addressKey(request.ip ?? 'unknown')),
    async (request, response) => {
      response.setHeader('Cache-Control', 'no-store');
      try {
        const bytes = await readMultipartFile(request, {
          maxBytes: services.settings.uploads.maxBytes,
          // A file that is no photo or PDF is refused from its first bytes, not read in whole.
          checkHead: {
            headBytes: SNIFF_BYTES,
            check: (head) => (sniffContentType(head) ? undefined : typeRejected()),
          },
        });
        response.status(201).json(await services.uploads.accept(bytes));
      } catch (error) {
        // A body refused before its end is not read on: the connection closes after the answer.
        if (!request.complete) response.setHeader('Connection', 'close');
        throw uploadHttpError(error);
      }
    },
  );

  router.delete(`${UPLOADS_PATH}/:id`, (request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    if (!services.uploads.withdraw(request.params.id)) {
      throw new HttpError(404, 'UPLOAD_NOT_FOUND', '找不到该上传文件，可能已撤回或已过保存期限。');
    }
    response.status(204).end();
  });

  return router;
}
