/**
 * A map that holds at most `limit` entries and forgets the least recently used one first: for
 * results that are worth keeping for repeated inputs (the same question asked again, the earlier
 * turns of a conversation read again on its next turn) without growing with traffic.
 */
export class LruCache<K, V> {
  readonly limit: number;
  private readonly entries = new Map<K, V>();

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`LruCache limit must be ≥ 1, got ${limit}`);
    }
    this.limit = limit;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value of a key, which becomes the most recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // A Map iterates in insertion order: re-inserting moves the key to the recent end.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** The cached value of a key, or the computed one (then cached). */
  through(key: K, compute: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = compute();
      this.set(key, value);
    }
    return value;
  }
}
