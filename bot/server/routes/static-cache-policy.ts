/**
 * How long browsers keep each kind of built file. Names with a content hash (`kiosk.3f9c2a81d0.js`,
 * written by web-widget/build.ts) never change content, so they are kept a year without asking
 * again; pages must show a release at once, so they are always revalidated; unhashed files (the
 * `widget.js` other sites embed, the favicon) are kept for a few minutes only.
 */
const HASHED = /\.[0-9a-f]{10}\.[a-z0-9]+$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
export const SHORT = 'public, max-age=300';

export function cacheControlFor(file: string): string {
  if (file.endsWith('.html')) return REVALIDATE;
  return HASHED.test(file) ? IMMUTABLE : SHORT;
}
