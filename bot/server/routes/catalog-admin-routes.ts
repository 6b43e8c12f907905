/**
 * Catalog and hall-layout management (admins only): upload a file as the raw request body with its
 * name in the query, read its validation report and its difference from the live version, publish
 * it (re-indexed in the background; poll the job), list the versions and roll back. Mounted before
 * the JSON body reader, since uploads are not JSON; login, the admin role and the CSRF token are
 * checked as on every other staff route.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../services/services.ts';
import { validate } from '../validate.ts';
import { rawBody } from '../middleware/raw-body.ts';
import { jsonBody } from '../middleware/json-body.ts';
import { requireAdmin, requireStaff } from '../middleware/staff-auth.ts';
import { staffOf } from '../request-context.ts';
import { CatalogAdminError } from '../../catalog-admin/errors/catalog-admin-error.ts';
import type { CatalogAdminService } from '../../catalog-admin/catalog-admin-service.ts';

const PREFIX = '/api/v1/admin/catalog';

const uploadQuerySchema = z.object({
  kind: z.enum(['catalog', 'hall'], { error: '文件类型应为 catalog（事项清单）或 hall（大厅布局）' }),
  fileName: z.string({ error: '请提供文件名' }).trim().min(1, '请提供文件名').max(200, '文件名过长'),
});

const publishSchema = z.object({ expectedLiveVersion: z.string().max(100).optional() });

export function catalogAdminRoutes(services: Services): Router {
  const router = Router();
  const { settings } = services;
  const admin = (): CatalogAdminService => {
    if (!services.catalogAdmin) {
      throw new CatalogAdminError('CATALOG_ADMIN_UNAVAILABLE', '此服务未启用事项清单管理。');
    }
    return services.catalogAdmin;
  };
  const tooLarge = () =>
    new CatalogAdminError(
      'UPLOAD_TOO_LARGE',
      `文件过大（上限 ${Math.floor(settings.limits.maxUploadBytes / 1024)} KB）。`,
    );

  router.use(PREFIX, requireStaff(services.accounts), requireAdmin());

  router.post(
    `${PREFIX}/drafts`,
    rawBody({ maxBytes: settings.limits.maxUploadBytes, tooLarge }),
    async (request, response) => {
      const query = validate(uploadQuerySchema, request.query);
      const draft = await admin().upload({
        kind: query.kind,
        fileName: query.fileName,
        bytes: request.body as Buffer,
        actor: staffOf(response).user.username,
      });
      response.status(201).json({ draft });
    },
  );

  router.get(`${PREFIX}/drafts/:id`, (request, response) => {
    response.json({ draft: admin().draft(request.params.id) });
  });

  router.get(`${PREFIX}/drafts/:id/diff`, (request, response) => {
    response.json(admin().diff(request.params.id));
  });

  router.post(
    `${PREFIX}/drafts/:id/publish`,
    jsonBody({ maxBytes: settings.limits.maxBodyBytes }),
    async (request, response) => {
      const body = validate(publishSchema, request.body);
      const job = await admin().publish(
        String(request.params.id),
        staffOf(response).user.username,
        body.expectedLiveVersion,
      );
      response.status(202).json({ job });
    },
  );

  router.get(`${PREFIX}/jobs/:id`, (request, response) => {
    response.json({ job: admin().job(request.params.id) });
  });

  router.get(`${PREFIX}/versions`, async (_request, response) => {
    response.json(await admin().versions());
  });

  router.post(`${PREFIX}/versions/:version/rollback`, async (request, response) => {
    // No body is needed; any sent is drained so the connection stays usable.
    request.resume();
    const result = await admin().rollback(request.params.version, staffOf(response).user.username);
    response.json({ version: result.version, previousVersion: result.previousVersion });
  });

  return router;
}
