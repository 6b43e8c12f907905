import { describe, expect, it } from 'vitest';
import { createByteBudgetCache } from '../../../../bot/speech/byte-budget-cache.ts';

describe('byte-budget cache', () => {
  it('evicts the least recently used entries once the bytes exceed the budget', () => {
    const cache = createByteBudgetCache<string>(100);
    cache.set('a', 'A', 40);
    cache.set('b', 'B', 40);
    expect(cache.get('a')).toBe('A');
    cache.set('c', 'C', 40);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
    expect(cache.bytes).toBe(80);
    expect(cache.size).toBe(2);
  });

  it('replaces an entry in place and never keeps one larger than the budget', () => {
    const cache = createByteBudgetCache<string>(100);
    cache.set('a', 'A', 40);
    cache.set('a', 'A2', 60);
    expect(cache.bytes).toBe(60);
    cache.set('huge', 'H', 101);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')).toBe('A2');
    const none = createByteBudgetCache<string>(0);
    none.set('a', 'A', 1);
    expect(none.size).toBe(0);
  });
});
