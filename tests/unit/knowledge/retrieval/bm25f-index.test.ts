import { describe, expect, it } from 'vitest';
import { Bm25fIndex } from '../../../../knowledge/retrieval/bm25f-index.ts';

const fields = [
  { name: 'name', weight: 3, b: 0.5 },
  { name: 'body', weight: 1, b: 0.75 },
];

describe('Bm25fIndex', () => {
  it('ranks a match in a heavy field above the same match in a light field', () => {
    const index = new Bm25fIndex(fields);
    index.add({ id: 'light', fields: { name: ['x'], body: ['passport', 'y'] } });
    index.add({ id: 'heavy', fields: { name: ['passport'], body: ['y'] } });
    index.add({ id: 'none', fields: { name: ['z'], body: ['y'] } });
    const hits = index.search(new Map([['passport', 1]]));
    expect(hits.map((hit) => hit.id)).toEqual(['heavy', 'light']);
    expect(hits[0].matched).toEqual({ name: ['passport'] });
  });

  it('gives rare tokens more weight than common ones', () => {
    const index = new Bm25fIndex(fields);
    index.add({ id: 'a', fields: { name: ['common', 'rare'] } });
    index.add({ id: 'b', fields: { name: ['common'] } });
    index.add({ id: 'c', fields: { name: ['common'] } });
    expect(index.idf('rare')).toBeGreaterThan(index.idf('common'));
  });

  it('forgets removed documents', () => {
    const index = new Bm25fIndex(fields);
    index.add({ id: 'a', fields: { name: ['t'] } });
    index.add({ id: 'b', fields: { name: ['t'] } });
    index.remove('a');
    expect(index.search(new Map([['t', 1]])).map((hit) => hit.id)).toEqual(['b']);
    expect(index.size).toBe(1);
  });
});
