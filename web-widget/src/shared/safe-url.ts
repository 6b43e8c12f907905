/**
 * Links that come from the catalog (online service addresses) are only made clickable when they are
 * plain http(s); anything else (javascript:, data:) is shown as text instead.
 */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, 'https://invalid.example');
    if (url.origin === 'https://invalid.example') return undefined;
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
