/**
 * The one place where errors become HTTP responses: `{ error: { code, message } }` with a status
 * chosen by the error's code. Unknown errors are logged and answered with a generic 500, so no
 * internal detail reaches a citizen.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { contextOf } from '../request-context.ts';
import { HttpError } from '../errors/http-error.ts';
import { CATALOG_ADMIN_STATUS } from '../../catalog-admin/errors/catalog-admin-error.ts';

const STATUS_BY_CODE: Record<string, number> = {
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  CASE_NOT_FOUND: 404,
  RATING_TARGET_NOT_FOUND: 404,
  ALREADY_RATED: 409,
  CASE_INVALID_TRANSITION: 409,
  USER_INVALID: 400,
  USER_NOT_FOUND: 404,
  ACCOUNT_DISABLED: 403,
  STORE_BUSY: 503,
  STORE_FULL: 503,
  STORE_READONLY: 503,
  ...CATALOG_ADMIN_STATUS,
};

interface CodedError {
  code: string;
  userMessage?: string;
}

const isCoded = (error: unknown): error is CodedError & Error =>
  error instanceof Error && typeof (error as Partial<CodedError>).code === 'string';

export function notFound(): RequestHandler {
  return (_request, _response, next) => next(new HttpError(404, 'NOT_FOUND', '您访问的地址不存在。'));
}

export function errorHandler(): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const context = contextOf(response);
    let status = 500;
    let code = 'INTERNAL_ERROR';
    let message = '系统繁忙，请稍后再试。';
    if (error instanceof HttpError) {
      status = error.status;
      code = error.code;
      message = error.userMessage;
      for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
    } else if (isCoded(error) && STATUS_BY_CODE[error.code]) {
      status = STATUS_BY_CODE[error.code];
      code = error.code;
      message = error.userMessage ?? message;
    } else if (isCoded(error) && (error as { type?: string }).type === 'entity.too.large') {
      status = 413;
      code = 'BODY_TOO_LARGE';
      message = '请求内容过大。';
    }
    if (status >= 500) context?.logger.error('request failed', { error, path: request.path });
    if (response.headersSent) return;
    if (status === 413) response.setHeader('Connection', 'close');
    if (code.startsWith('STORE_')) response.setHeader('Retry-After', '5');
    response.status(status).json({ error: { code, message } });
  };
}
