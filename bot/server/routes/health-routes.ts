/** `GET /healthz`: liveness plus what the hall's monitoring wants to see (catalog size, index version). */
import { Router } from 'express';
import type { Services } from '../services/services.ts';

export function healthRoutes(services: Services): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({
      status: 'ok',
      items: services.indexInfo.items,
      indexVersion: services.indexInfo.indexVersion,
    });
  });
  return router;
}
