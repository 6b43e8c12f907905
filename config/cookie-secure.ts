/**
 * Whether the staff cookie is `Secure` when COOKIE_SECURE is not set: a trusted reverse proxy means
 * HTTPS ends there, so the browser must only send the cookie over HTTPS. TRUST_PROXY may be a flag,
 * a hop count or a list of addresses (its parsed form differs between versions): any value that
 * trusts some proxy counts.
 */
export function defaultCookieSecure(trustProxy: unknown): boolean {
  if (typeof trustProxy === 'boolean') return trustProxy;
  if (typeof trustProxy === 'number') return trustProxy > 0;
  if (typeof trustProxy === 'string') {
    const value = trustProxy.trim().toLowerCase();
    return value !== '' && !['0', 'false', 'no', 'off'].includes(value);
  }
  if (Array.isArray(trustProxy)) return trustProxy.length > 0;
  if (typeof trustProxy === 'function') return true;
  return false;
}
