/**
 * Which precompressed copy a request may get, from its Accept-Encoding header (RFC 9110 §12.5.3):
 * brotli before gzip, an encoding with `q=0` refused, `*` standing in for encodings not named.
 */
export type ContentEncoding = 'br' | 'gzip';

const PREFERENCE: ContentEncoding[] = ['br', 'gzip'];

function weights(header: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((entry) => entry.trim()).find((entry) => entry.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    found.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  return found;
}

/** The encodings acceptable to the client, best first (identity, always acceptable here, is implied). */
export function acceptedEncodings(header: string | undefined): ContentEncoding[] {
  if (!header) return [];
  const found = weights(header);
  const wildcard = found.get('*') ?? 0;
  return PREFERENCE.filter((encoding) => (found.get(encoding) ?? wildcard) > 0);
}
