/**
 * A least-recently-used cache bounded by bytes rather than entries: synthesised sentences differ
 * in size by a factor of ten, and memory is what the budget (SPEECH_CACHE_MB) is about. An entry
 * larger than the whole budget is not kept.
 */

export interface ByteBudgetCache<Value> {
  get(key: string): Value | undefined;
  set(key: string, value: Value, bytes: number): void;
  readonly bytes: number;
  readonly size: number;
}

export function createByteBudgetCache<Value>(budgetBytes: number): ByteBudgetCache<Value> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  const entries = new Map<string, { value: Value; bytes: number }>();
  let used = 0;

  return {
    get bytes() {
      return used;
    },
    get size() {
      return entries.size;
    },
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    set(key, value, bytes) {
      const existing = entries.get(key);
      if (existing) {
        used -= existing.bytes;
        entries.delete(key);
      }
      if (bytes > budgetBytes) return;
      entries.set(key, { value, bytes });
      used += bytes;
      for (const [oldest, entry] of entries) {
        if (used <= budgetBytes) break;
        entries.delete(oldest);
        used -= entry.bytes;
      }
    },
  };
}
