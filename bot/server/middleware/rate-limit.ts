/** Express middleware over a RateLimiter: 429 with Retry-After when a key is over its limit. */
import type { Request, RequestHandler } from 'express';
import type { RateLimiter } from '../../safety/rate-limiter.ts';
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

export function tooManyRequests(retryAfterSeconds: number): HttpError {
  return new HttpError(429, 'RATE_LIMITED', `请求过于频繁，请 ${retryAfterSeconds} 秒后再试。`, {
    'Retry-After': String(retryAfterSeconds),
  });
}
