/**
 * Staff authentication for the staff API: the HttpOnly session cookie resolves to a staff session
 * (401 without one), state-changing calls must carry the CSRF token (403), and admin-only routes
 * check the role (403).
 */
import type { Request, RequestHandler, Response } from 'express';
import type { StaffAccounts } from '../../auth/staff-accounts.ts';
import { CSRF_HEADER, verifyCsrfToken } from '../../auth/csrf.ts';
import { requireRole } from '../../auth/roles.ts';
import { AuthError } from '../../auth/errors/auth-error.ts';
import { contextOf } from '../request-context.ts';

export const SESSION_COOKIE = 'daoban_staff';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function setSessionCookie(
  response: Response,
  token: string,
  options: { maxAgeSeconds: number; secure: boolean },
) {
  const attributes = [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${options.maxAgeSeconds}`,
  ];
  if (options.secure) attributes.push('Secure');
  response.append('Set-Cookie', attributes.join('; '));
}

export function clearSessionCookie(response: Response, secure: boolean) {
  response.append(
    'Set-Cookie',
    `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`,
  );
}

/** Requires a signed-in staff member; state-changing methods also need the CSRF header. */
export function requireStaff(accounts: StaffAccounts): RequestHandler {
  return (request, response, next) => {
    const session = accounts.authenticate(readCookie(request, SESSION_COOKIE));
    if (!session) return next(new AuthError('AUTH_REQUIRED'));
    contextOf(response).staff = session;
    if (!SAFE_METHODS.has(request.method)) verifyCsrfToken(session.csrfToken, request.get(CSRF_HEADER));
    next();
  };
}

export function requireAdmin(): RequestHandler {
  return (_request, response, next) => {
    const staff = contextOf(response).staff;
    if (!staff) return next(new AuthError('AUTH_REQUIRED'));
    requireRole(staff.user.role, 'admin');
    next();
  };
}
