import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../../knowledge/retrieval/lru-cache.ts';

describe('LruCache', () => {
  it('never holds more than its limit, forgetting the least recently used first', () => {
    const cache = new LruCache<string, number>(3);
    for (let index = 0; index < 10; index += 1) cache.set(`k${index}`, index);
    expect(cache.size).toBe(3);
    expect(cache.get('k6')).toBeUndefined();
    expect([cache.get('k7'), cache.get('k8'), cache.get('k9')]).toEqual([7, 8, 9]);
  });

  it('counts a read as a use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('computes a missing value once and keeps it', () => {
    const cache = new LruCache<string, object>(2);
    let computed = 0;
    const compute = () => ({ computed: (computed += 1) });
    const first = cache.through('x', compute);
    expect(cache.through('x', compute)).toBe(first);
    expect(computed).toBe(1);
  });

  it('setting a known key replaces its value without growing', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
  });

  it('refuses a limit below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
