/**
 * Whether the staff cookie is `Secure` when COOKIE_SECURE is not set: a trusted reverse proxy means
 * HTTPS ends there, so the browser must only send the cookie over HTTPS.
 */
import type { TrustProxySetting } from './trust-proxy-setting.ts';

export function defaultCookieSecure(trustProxy: TrustProxySetting): boolean {
  if (trustProxy === false) return false;
  if (typeof trustProxy === 'number') return trustProxy > 0;
  return trustProxy.length > 0;
}
