/**
 * Reads a request body as raw bytes, with a size limit: a declared length over the limit is refused
 * before reading, and reading stops as soon as the limit is passed. `rawBody` (file uploads) stores
 * the bytes; `readBoundedBody` is the reader the JSON body parser shares.
 */
import type { Request, RequestHandler } from 'express';

/** Calls `done` once: with the whole body, or with the error (`tooLarge()` past the limit). */
export function readBoundedBody(
  request: Request,
  options: { maxBytes: number; tooLarge: () => Error },
  done: (error: unknown, body?: Buffer) => void,
): void {
  const declared = Number(request.get('content-length') ?? NaN);
  if (declared > options.maxBytes) {
    // Stop reading; the error handler answers and closes the connection.
    request.resume();
    done(options.tooLarge());
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let failed = false;
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    chunks.length = 0;
    done(error);
  };
  request.on('data', (chunk: Buffer) => {
    if (failed) return;
    size += chunk.length;
    if (size > options.maxBytes) fail(options.tooLarge());
    else chunks.push(chunk);
  });
  request.on('error', fail);
  request.on('end', () => {
    if (!failed) done(undefined, Buffer.concat(chunks));
  });
}

export function rawBody(options: { maxBytes: number; tooLarge: () => Error }): RequestHandler {
  return (request, _response, next) =>
    readBoundedBody(request, options, (error, body) => {
      if (error) return next(error);
      request.body = body;
      next();
    });
}
