/**
 * The UI team's built assets (`web-widget/dist/`): `/` demo page, `/widget.js`, `/console`, `/kiosk`,
 * their hashed bundles and stylesheets, and the favicon (also at `/favicon.ico`). Served only when
 * the folder exists, so the API runs on its own too.
 *
 * Each text file has brotli and gzip copies made at build time (`x.js.br`, `x.js.gz`); the copy is
 * chosen by Accept-Encoding, with `Vary: Accept-Encoding` so shared caches keep them apart, and a
 * conditional request is answered 304 by the ETag of the copy that was sent. The copies themselves
 * are not addressable.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Router, type Request, type Response, type NextFunction } from 'express';
import { acceptedEncodings } from './accept-encoding.ts';
import { cacheControlFor } from './static-cache-policy.ts';

/** Addresses browsers ask for by convention, served from a file of another name. */
const ALIASES: Record<string, string> = { '/favicon.ico': '/favicon.svg' };
const COPY_SUFFIX = /\.(br|gz)$/;
const SUFFIX = { br: '.br', gzip: '.gz' } as const;

const isFile = (file: string): boolean => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

/** The URL path as a path inside the folder, or undefined for anything that must not be served. */
function decodedPath(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  // No dot files or dot segments ('..' included).
  if (decoded.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  // An empty segment could make a redirect protocol-relative (`//host/`).
  if (decoded.includes('//') || !decoded.startsWith('/')) return undefined;
  return decoded.slice(1);
}

export function staticRoutes(folder: string): Router {
  const router = Router();
  if (!existsSync(folder)) return router;
  const root = path.resolve(folder);

  router.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const wanted = decodedPath(ALIASES[request.path] ?? request.path);
    if (wanted === undefined || COPY_SUFFIX.test(wanted)) return next();

    let relative = wanted;
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    else if (!isFile(path.join(root, relative))) {
      if (isFile(path.join(root, relative, 'index.html'))) {
        // `/kiosk` → `/kiosk/`, so the page's relative addresses resolve inside its folder.
        const queryStart = request.originalUrl.indexOf('?');
        const query = queryStart >= 0 ? request.originalUrl.slice(queryStart) : '';
        response.redirect(301, `${request.path}/${query}`);
        return;
      }
      if (isFile(path.join(root, `${relative}.html`))) relative += '.html';
    }
    if (!isFile(path.join(root, relative))) return next();

    const copy = acceptedEncodings(request.headers['accept-encoding']).find((encoding) =>
      isFile(path.join(root, relative + SUFFIX[encoding])),
    );
    const hasCopies = Object.values(SUFFIX).some((suffix) => isFile(path.join(root, relative + suffix)));
    response.type(path.extname(relative));
    response.setHeader('Cache-Control', cacheControlFor(relative));
    if (hasCopies) response.vary('Accept-Encoding');
    if (copy) response.setHeader('Content-Encoding', copy);
    const sent = copy ? relative + SUFFIX[copy] : relative;
    // `root` keeps the dot-file check to the part of the path that came from the URL.
    response.sendFile(sent, { root, cacheControl: false, dotfiles: 'deny' }, (error) => {
      if (!error || response.headersSent) return;
      response.removeHeader('Content-Encoding');
      const status = (error as { status?: number }).status;
      if (status === 404) next();
      else if (status && status < 500) response.status(status).end();
      else next(error);
    });
  });
  return router;
}
