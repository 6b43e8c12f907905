/** An API address on the widget's server (`data-server`, or the page's own origin when empty). */
export function apiUrl(server: string, path: string): URL {
  return new URL(path, new URL(server || '/', location.href));
}
