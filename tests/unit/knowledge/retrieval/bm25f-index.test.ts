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

  it('matches many documents of one query as fieldScores and a search say it', () => {
    const index = new Bm25fIndex(fields);
    index.add({ id: 'a', fields: { name: ['passport', 'lost'], body: ['passport', 'photo', 'fee'] } });
    index.add({ id: 'b', fields: { name: ['visa'], body: ['passport', 'photo'] } });
    index.add({ id: 'c', fields: { name: ['dog'], body: ['licence'] } });
    const query = new Map([
      ['passport', 1],
      ['photo', 0.5],
      ['unknown', 1],
    ]);
    const match = index.fieldMatcher(query);
    for (const hit of index.search(query)) {
      const found = match(hit.id);
      expect(found.scores).toEqual(index.fieldScores(hit.id, query));
      expect(found.matched).toEqual(hit.matched);
      expect([found.holds(0), found.holds(1), found.holds(2)]).toEqual([true, true, false]);
    }
    expect(match('c').holds(0)).toBe(false);
    expect(index.search(query, 10, { matched: false })[0].matched).toEqual({});
  });
});
