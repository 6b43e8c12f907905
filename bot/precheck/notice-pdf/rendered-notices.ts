/**
 * The last rendered notice PDFs, by pre-check number and the address their QR code carries: a stored
 * pre-check never changes, so a second download (or a citizen pressing the button again) costs no
 * rendering, and a client cannot keep the server busy by asking for the same PDF over and over.
 */
export function createRenderedNotices(capacity = 32) {
  const cache = new Map<string, Buffer>();
  return {
    async get(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
      const cached = cache.get(key);
      if (cached) {
        // Map keeps insertion order: re-inserting makes it the most recently used.
        cache.delete(key);
        cache.set(key, cached);
        return cached;
      }
      const rendered = await render();
      cache.set(key, rendered);
      while (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return rendered;
    },
  };
}
