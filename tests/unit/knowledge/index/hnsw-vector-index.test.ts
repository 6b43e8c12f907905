import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HnswVectorIndex } from '../../../../knowledge/index/hnsw-vector-index.ts';

let folder: string;
beforeEach(async () => (folder = await mkdtemp(path.join(tmpdir(), 'daoban-hnsw-'))));
afterEach(async () => rm(folder, { recursive: true, force: true }));

/** Deterministic pseudo-random vectors, so failures reproduce. */
function vectors(count: number, dimensions: number, seed = 7): number[][] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  return Array.from({ length: count }, () => Array.from({ length: dimensions }, next));
}

describe('HnswVectorIndex', () => {
  it('finds each stored vector as its own nearest neighbour, with cosine similarity as score', async () => {
    const index = await HnswVectorIndex.create({ dimensions: 16 });
    const points = vectors(50, 16);
    points.forEach((point, position) => index.add(`chunk-${position}`, point));
    expect(index.size).toBe(50);
    for (const [position, point] of points.entries()) {
      const [best] = index.search(point, 3);
      expect(best.chunkId).toBe(`chunk-${position}`);
      expect(best.score).toBeCloseTo(1, 5);
    }
    const [opposite] = index
      .search(
        points[0].map((value) => -value),
        50,
      )
      .slice(-1);
    expect(opposite).toMatchObject({ chunkId: 'chunk-0' });
    expect(opposite.score).toBeCloseTo(-1, 5);
  });

  it('grows past its initial capacity', async () => {
    const index = await HnswVectorIndex.create({ dimensions: 8, capacity: 16 });
    const points = vectors(100, 8, 3);
    points.forEach((point, position) => index.add(`c${position}`, point));
    expect(index.size).toBe(100);
    expect(index.capacity).toBeGreaterThanOrEqual(100);
    expect(index.search(points[99], 1)[0].chunkId).toBe('c99');
  });

  it('removes vectors from results, replaces a chunk re-added under the same id, and clamps k', async () => {
    const index = await HnswVectorIndex.create({ dimensions: 4 });
    index.add('a', [1, 0, 0, 0]);
    index.add('b', [0, 1, 0, 0]);
    index.add('c', [0, 0, 1, 0]);
    index.remove('a');
    index.remove('not-there');
    expect(index.size).toBe(2);
    expect(index.search([1, 0, 0, 0], 10).map((hit) => hit.chunkId)).not.toContain('a');
    index.add('b', [0, 0, 0, 1]);
    expect(index.size).toBe(2);
    expect(index.search([0, 0, 0, 1], 1)[0]).toMatchObject({ chunkId: 'b' });
    expect(index.search([0, 0, 0, 1], 1)[0].score).toBeCloseTo(1, 5);
    expect(index.search([0, 1, 0, 0], 0)).toEqual([]);
  });

  it('saves and loads the graph with its labels, and keeps working after load', async () => {
    const index = await HnswVectorIndex.create({ dimensions: 12, capacity: 16 });
    const points = vectors(40, 12, 11);
    points.forEach((point, position) => index.add(`doc:${position}`, point));
    index.remove('doc:5');
    await index.save(folder);

    const loaded = await HnswVectorIndex.load(folder);
    expect(loaded.dimensions).toBe(12);
    expect(loaded.size).toBe(39);
    expect(loaded.has('doc:5')).toBe(false);
    expect(loaded.search(points[17], 1)[0].chunkId).toBe('doc:17');
    expect(loaded.search(points[5], 39).map((hit) => hit.chunkId)).not.toContain('doc:5');
    const stored = loaded.getVector('doc:17')!;
    const length = Math.hypot(...points[17]);
    stored.forEach((value, dimension) => expect(value).toBeCloseTo(points[17][dimension] / length, 5));

    loaded.add('new', points[5]);
    expect(loaded.search(points[5], 1)[0].chunkId).toBe('new');
  });

  it('rejects vectors of the wrong length with a typed error', async () => {
    const index = await HnswVectorIndex.create({ dimensions: 4 });
    expect(() => index.add('x', [1, 2, 3])).toThrow(
      expect.objectContaining({ code: 'INDEX_VECTOR_DIMENSION' }),
    );
    expect(() => index.search([1, 2], 1)).toThrow(
      expect.objectContaining({ code: 'INDEX_VECTOR_DIMENSION' }),
    );
  });

  it('reports a folder without a saved index as corrupt', async () => {
    await expect(HnswVectorIndex.load(folder)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
  });
});
