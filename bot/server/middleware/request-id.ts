/**
 * Gives every request an id (kept from `X-Request-Id` when it looks safe), a logger that carries it,
 * and one structured log line when the response is finished.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../../logging/logger.ts';
import type { RequestContext } from '../request-context.ts';

const SAFE_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export function requestId(logger: Logger): RequestHandler {
  return (request, response, next) => {
    const incoming = request.get('x-request-id');
    const id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    const context: RequestContext = { requestId: id, logger: logger.child({ requestId: id }) };
    response.locals.context = context;
    response.setHeader('X-Request-Id', id);
    const started = performance.now();
    response.on('finish', () => {
      context.logger.info('request', {
        method: request.method,
        path: request.path,
        status: response.statusCode,
        ms: Math.round(performance.now() - started),
        staff: context.staff?.user.username,
      });
    });
    next();
  };
}
