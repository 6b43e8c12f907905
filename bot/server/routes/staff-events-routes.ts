/**
 * `GET /api/v1/staff/events`: the console's live channel as server-sent events (see
 * services/staff-stream.ts). EventSource sends the session cookie; without a session the answer
 * is 401 like every staff route, and the stream ends when the session does.
 */
import { Router } from 'express';
import type { Services } from '../services/services.ts';
import { readCookie, requireStaff, SESSION_COOKIE } from '../middleware/staff-auth.ts';
import { staffOf } from '../request-context.ts';

export function staffEventsRoutes(services: Services): Router {
  const router = Router();
  router.get('/api/v1/staff/events', requireStaff(services.accounts), (request, response) => {
    const token = readCookie(request, SESSION_COOKIE) ?? '';
    services.staffStreams.open(staffOf(response), token, response);
  });
  return router;
}
