/** Per-request context (request id, logger, staff session) kept in `res.locals`, typed. */
import type { Response } from 'express';
import type { Logger } from '../logging/logger.ts';
import type { StaffSession } from '../auth/staff-accounts.ts';

export interface RequestContext {
  requestId: string;
  logger: Logger;
  staff?: StaffSession;
}

export function contextOf(response: Response): RequestContext {
  return response.locals.context as RequestContext;
}

/** The signed-in staff session; only valid behind the `requireStaff` middleware. */
export function staffOf(response: Response): StaffSession {
  const staff = contextOf(response).staff;
  if (!staff) throw new Error('staffOf() used on a route without requireStaff');
  return staff;
}
