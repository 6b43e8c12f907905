/**
 * Account actions for administrators (the console's 用户管理 and `npm run admin`): disable and enable
 * a user, reset a password, revoke every session. Admin only, CSRF-checked, each in the audit log
 * (by the accounts service). The list and creation of users stay in `staff-routes.ts`.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../services/services.ts';
import { validate } from '../validate.ts';
import { requireAdmin, requireStaff } from '../middleware/staff-auth.ts';
import { staffOf } from '../request-context.ts';

const resetPasswordSchema = z.object({ password: z.string({ error: '请填写新密码' }).max(256) });

export function userAdminRoutes(services: Services): Router {
  const router = Router();
  const { accounts } = services;
  router.use('/api/v1/admin/users/:username', requireStaff(accounts), requireAdmin());
  const actor = (response: Parameters<typeof staffOf>[0]) => staffOf(response).user.username;

  router.post('/api/v1/admin/users/:username/disable', (request, response) => {
    response.json({ user: accounts.disableUser(request.params.username, actor(response)) });
  });

  router.post('/api/v1/admin/users/:username/enable', (request, response) => {
    response.json({ user: accounts.enableUser(request.params.username, actor(response)) });
  });

  router.post('/api/v1/admin/users/:username/reset-password', async (request, response) => {
    const body = validate(resetPasswordSchema, request.body);
    const user = await accounts.resetPassword(request.params.username, body.password, actor(response));
    response.json({ user });
  });

  router.post('/api/v1/admin/users/:username/revoke-sessions', (request, response) => {
    response.json({ revoked: accounts.revokeSessions(request.params.username, actor(response)) });
  });

  return router;
}
