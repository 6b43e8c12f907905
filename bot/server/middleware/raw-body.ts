/**
 * Reads a request body as raw bytes (file uploads), with a size limit: a declared length over the
 * limit is refused before reading, and reading stops as soon as the limit is passed.
 */
import type { RequestHandler } from 'express';

export function rawBody(options: { maxBytes: number; tooLarge: () => Error }): RequestHandler {
  return (request, _response, next) => {
    const declared = Number(request.get('content-length') ?? NaN);
    if (declared > options.maxBytes) {
      request.resume();
      return next(options.tooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    request.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > options.maxBytes) {
        failed = true;
        chunks.length = 0;
        next(options.tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('error', (error) => {
      if (!failed) {
        failed = true;
        next(error);
      }
    });
    request.on('end', () => {
      if (failed) return;
      request.body = Buffer.concat(chunks);
      next();
    });
  };
}
