/**
 * The Express application: middleware order matters — request id and security headers first, then
 * per-IP rate limits, the catalog upload routes (raw bodies), the strict JSON body reader, the routes, the static UI, and last the
 * 404 and the one error handler.
 */
import express, { type Express } from 'express';
import type { Services } from './services/services.ts';
import { requestId } from './middleware/request-id.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { jsonBody } from './middleware/json-body.ts';
import { errorHandler, notFound } from './middleware/error-handler.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { publicRoutes } from './routes/public-routes.ts';
import { precheckRoutes } from './routes/precheck-routes.ts';
import { staffKnowledgeRoutes } from './routes/staff-knowledge-routes.ts';
import { staffRoutes } from './routes/staff-routes.ts';
import { staticRoutes } from './routes/static-routes.ts';
import { catalogAdminRoutes } from './routes/catalog-admin-routes.ts';
import { userAdminRoutes } from './routes/user-admin-routes.ts';
import { addressKey } from './network/client-address.ts';
import { uploadRoutes } from './routes/upload-routes.ts';
import { speechRoutes } from './routes/speech-routes.ts';

export function createApp(services: Services): Express {
  const app = express();
  app.disable('x-powered-by');
  // request.ip is the right-most untrusted address of X-Forwarded-For (TRUST_PROXY).
  app.set('trust proxy', services.clientAddress.trust);
  app.use(requestId(services.logger));
  app.use(
    securityHeaders({
      hstsMaxAgeSeconds: services.settings.server.hsts
        ? services.settings.server.hstsMaxAgeSeconds
        : undefined,
    }),
  );
  app.use(
    '/api',
    rateLimit(services.limiters.ip, (request) => addressKey(request.ip ?? 'unknown')),
  );
  // Catalog uploads are raw files, read by their own size-limited reader before the JSON one.
  app.use(catalogAdminRoutes(services));
  // Pre-check uploads are multipart, read by their own streaming reader.
  app.use(uploadRoutes(services));
  app.use(jsonBody({ maxBytes: services.settings.limits.maxBodyBytes }));
  app.use(healthRoutes(services));
  app.use(publicRoutes(services));
  app.use(precheckRoutes(services));
  app.use(staffKnowledgeRoutes(services));
  app.use(staffRoutes(services));
  app.use(userAdminRoutes(services));
  app.use(speechRoutes(services));
  app.use(staticRoutes(services.settings.server.staticDir));
  app.use(notFound());
  app.use(errorHandler());
  return app;
}
