import { describe, expect, it } from 'vitest';
import { Postings } from '../../../../knowledge/retrieval/postings.ts';

describe('Postings', () => {
  it('holds appended documents with their field frequencies and finds them', () => {
    const postings = new Postings(3);
    for (let document = 0; document < 100; document += 2) postings.append(document, [document, 0, 1]);
    expect(postings.length).toBe(50);
    expect(postings.find(42)).toBe(21);
    expect(postings.find(43)).toBe(-1);
    expect([postings.frequency(21, 0), postings.frequency(21, 1), postings.frequency(21, 2)]).toEqual([
      42, 0, 1,
    ]);
    postings.trim();
    expect(postings.documents.length).toBe(50);
    expect(postings.frequency(49, 0)).toBe(98);
  });

  it('keeps a frequency too large for two bytes exactly', () => {
    const postings = new Postings(2);
    postings.append(0, [3, 4]);
    postings.append(5, [70_000, 1]);
    postings.append(9, [2, 100_000]);
    expect(postings.frequencies).toBeInstanceOf(Uint32Array);
    expect(
      [0, 1, 2].map((position) => [postings.frequency(position, 0), postings.frequency(position, 1)]),
    ).toEqual([
      [3, 4],
      [70_000, 1],
      [2, 100_000],
    ]);
  });
});
