/**
 * Security headers and a strict Content-Security-Policy for the pages this server serves. The
 * widget script is loaded by other government sites, so it alone may be fetched cross-origin.
 * Strict-Transport-Security only when HSTS is switched on: sent over plain HTTP by mistake it is
 * ignored, but sent by a hall that later loses its certificate it locks browsers out.
 */
import type { RequestHandler } from 'express';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Shadow-root widgets and the console set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** What other sites load to embed the widget: widget.js and the pre-check chunk it loads on demand. */
const EMBEDDED_SCRIPT = /^\/(widget\.js|widget-precheck\.[0-9a-f]{10}\.js)$/;

export function securityHeaders(options: { hstsMaxAgeSeconds?: number } = {}): RequestHandler {
  return (request, response, next) => {
    if (options.hstsMaxAgeSeconds) {
      response.setHeader('Strict-Transport-Security', `max-age=${options.hstsMaxAgeSeconds}`);
    }
    response.setHeader('Content-Security-Policy', CSP);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Frame-Options', 'SAMEORIGIN');
    response.setHeader('Referrer-Policy', 'no-referrer');
    // The kiosk uses the microphone for speech input; nothing else needs devices.
    response.setHeader('Permissions-Policy', 'camera=(), geolocation=(), microphone=(self)');
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    response.setHeader(
      'Cross-Origin-Resource-Policy',
      EMBEDDED_SCRIPT.test(request.path) ? 'cross-origin' : 'same-origin',
    );
    if (request.path.startsWith('/api/')) response.setHeader('Cache-Control', 'no-store');
    next();
  };
}
