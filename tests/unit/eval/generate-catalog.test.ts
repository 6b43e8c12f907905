import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../bench/generate-catalog.ts';
import { parseCatalog } from '../../../eval/load-catalog-items.ts';
import { validateCatalog } from '../../../knowledge/catalog/validate.ts';

describe('generated benchmark catalog', () => {
  it('is valid against the catalog schema at 10,000 items, with unique ids and names', () => {
    const catalog = parseCatalog(JSON.parse(JSON.stringify(generateCatalog(10_000))) as unknown);
    expect(catalog.items).toHaveLength(10_000);
    expect(new Set(catalog.items.map((item) => item.id)).size).toBe(10_000);
    expect(new Set(catalog.items.map((item) => item.name)).size).toBe(10_000);
    expect(new Set(catalog.items.map((item) => item.department)).size).toBeGreaterThan(10);
    expect(
      validateCatalog(JSON.parse(JSON.stringify(generateCatalog(10_000))) as unknown, { file: 'generated' })
        .issues,
    ).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateCatalog(300, 7))).toBe(JSON.stringify(generateCatalog(300, 7)));
    expect(JSON.stringify(generateCatalog(300, 7))).not.toBe(JSON.stringify(generateCatalog(300, 8)));
  });

  it('refuses more items than distinct combinations', () => {
    expect(() => generateCatalog(1_000_000)).toThrow(RangeError);
  });
});
