/**
 * The UI team's built assets (`web-widget/dist/`): `/` demo page, `/widget.js`, `/console`, `/kiosk`.
 * Served only when the folder exists, so the API runs on its own too.
 */
import { existsSync } from 'node:fs';
import express, { Router } from 'express';

export function staticRoutes(folder: string): Router {
  const router = Router();
  if (!existsSync(folder)) return router;
  router.use(
    express.static(folder, {
      index: 'index.html',
      extensions: ['html'],
      fallthrough: true,
      setHeaders(response, file) {
        // Pages change with releases; hashed assets could be cached longer, but names are not hashed.
        if (file.endsWith('.html')) response.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  return router;
}
