/**
 * Reads JSON request bodies strictly: a size limit (413), JSON content type (415), valid UTF-8
 * (400 INVALID_UTF8 — not silently replaced with U+FFFD as the usual parsers do), well-formed
 * JSON (400 MALFORMED_JSON) and an object at the top. Lone surrogate escapes become U+FFFD.
 */
import type { RequestHandler } from 'express';
import { HttpError } from '../errors/http-error.ts';
import { wellFormedJson } from '../well-formed-text.ts';
import { readBoundedBody } from './raw-body.ts';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function jsonBody(options: { maxBytes: number }): RequestHandler {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const tooLarge = () =>
    new HttpError(413, 'BODY_TOO_LARGE', `请求内容过大（上限 ${Math.floor(options.maxBytes / 1024)} KB）。`);
  return (request, _response, next) => {
    if (!WITH_BODY.has(request.method)) return next();
    readBoundedBody(request, { maxBytes: options.maxBytes, tooLarge }, (error, body) => {
      if (error) return next(error);
      const raw = body as Buffer;
      if (raw.length === 0) {
        request.body = {};
        return next();
      }
      const type = request.get('content-type') ?? '';
      if (!/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(type)) {
        return next(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 JSON 格式（application/json）提交。'));
      }
      let text: string;
      try {
        text = decoder.decode(raw);
      } catch {
        return next(new HttpError(400, 'INVALID_UTF8', '请求内容不是有效的 UTF-8 编码。'));
      }
      let parsed: unknown;
      try {
        parsed = wellFormedJson(JSON.parse(text));
      } catch {
        return next(new HttpError(400, 'MALFORMED_JSON', '请求内容不是有效的 JSON。'));
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return next(new HttpError(400, 'MALFORMED_JSON', '请求内容应为 JSON 对象。'));
      }
      request.body = parsed;
      next();
    });
  };
}
