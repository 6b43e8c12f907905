/**
 * CSRF protection for the staff API: a random token per staff session, returned by login and `/me`,
 * that state-changing requests must echo in the `X-CSRF-Token` header. A forged cross-site form
 * cannot read it; SameSite=Strict cookies are the second layer.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AuthError } from './errors/auth-error.ts';

export const CSRF_HEADER = 'x-csrf-token';

export function createCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}

export function verifyCsrfToken(expected: string, received: string | undefined): void {
  const a = Buffer.from(expected);
  const b = Buffer.from(received ?? '');
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new AuthError('CSRF_INVALID', 'Missing or wrong CSRF token.');
  }
}
