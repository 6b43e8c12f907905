/**
 * Content-hashed file names (`kiosk.3f9c2a81d0.js`): a name changes exactly when the bytes change, so
 * the server can let browsers keep such files for a year (`immutable`) and a release is still picked
 * up at once, through the pages (never cached without revalidation) that name the new files.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** Hex digits of the hash in a name; bot/server/routes/static-cache-policy.ts recognises the same shape. */
export const HASH_LENGTH = 10;

export function contentHash(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, HASH_LENGTH);
}

/** `console/console.js` + content → `console/console.<hash>.js` (forward slashes, as in URLs). */
export function hashedName(file: string, content: Uint8Array | string): string {
  const extension = path.posix.extname(file);
  return `${file.slice(0, file.length - extension.length)}.${contentHash(content)}${extension}`;
}
