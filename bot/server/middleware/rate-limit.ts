/** Express middleware over a RateLimiter: 429 with Retry-After when a key is over its limit. */
import type { Request, RequestHandler } from 'express';
import type { RateLimiter } from '../../safety/rate-limiter.ts';
import type { FrameKind, FrameLimits } from '../ws/frame-limits.ts';
import { addressKey } from '../network/client-address.ts';
import { HttpError } from '../errors/http-error.ts';

export function rateLimit(
  limiter: RateLimiter,
  keyOf: (request: Request) => string | undefined,
): RequestHandler {
  return (request, _response, next) => {
    const key = keyOf(request);
    if (key === undefined) return next();
    const decision = limiter.take(key);
    if (decision.allowed) return next();
    next(tooManyRequests(decision.retryAfterSeconds));
  };
}

/**
 * An HTTP route that does what a websocket frame does spends that frame's budget, per chat session
 * (the body's `sessionId`) and per client address, so neither channel doubles the other's allowance.
 * A body without a session id is left to the route's validation.
 */
export function frameBudget(limits: FrameLimits, kind: FrameKind): RequestHandler {
  return (request, _response, next) => {
    const body = request.body as { sessionId?: unknown } | undefined;
    if (typeof body?.sessionId !== 'string') return next();
    const decision = limits.take(kind, body.sessionId, addressKey(request.ip ?? 'unknown'));
    if (decision.allowed) return next();
    next(tooManyRequests(decision.retryAfterSeconds));
  };
}

export function tooManyRequests(retryAfterSeconds: number): HttpError {
  return new HttpError(429, 'RATE_LIMITED', `请求过于频繁，请 ${retryAfterSeconds} 秒后再试。`, {
    'Retry-After': String(retryAfterSeconds),
  });
}
