import { describe, expect, it } from 'vitest';
import { LexicalEmbedder, LEXICAL_EMBEDDER_ID } from '../../../../knowledge/embedders/lexical-embedder.ts';

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * b[index], 0);
const norm = (vector: number[]) => Math.sqrt(cosine(vector, vector));

describe('LexicalEmbedder', () => {
  const embedder = new LexicalEmbedder();

  it('declares its id and dimensions and returns unit vectors of that length', async () => {
    expect(embedder.id).toBe(LEXICAL_EMBEDDER_ID);
    const [vector] = await embedder.embedDocuments(['社会保障卡申领需要带身份证原件']);
    expect(vector).toHaveLength(384);
    expect(norm(vector)).toBeCloseTo(1, 6);
  });

  it('is deterministic across instances', async () => {
    const again = new LexicalEmbedder();
    expect(await again.embedQuery('内地居民结婚登记')).toEqual(await embedder.embedQuery('内地居民结婚登记'));
  });

  it('places a question nearer to the item it is about than to unrelated items', async () => {
    const query = await embedder.embedQuery('我想办理结婚登记要带什么');
    const [marriage, food, socialCard] = await embedder.embedDocuments([
      '内地居民结婚登记',
      '食品经营许可',
      '社会保障卡申领',
    ]);
    expect(cosine(query, marriage)).toBeGreaterThan(cosine(query, food));
    expect(cosine(query, marriage)).toBeGreaterThan(cosine(query, socialCard));
  });

  it('treats traditional and full-width text like simplified text', async () => {
    const simplified = await embedder.embedQuery('结婚登记 ABC');
    const traditional = await embedder.embedQuery('結婚登記　ＡＢＣ');
    expect(cosine(simplified, traditional)).toBeCloseTo(1, 6);
  });

  it('returns a defined unit vector for text without any characters to hash', async () => {
    const vector = await embedder.embedQuery('，。！');
    expect(norm(vector)).toBeCloseTo(1, 6);
    expect(vector.every(Number.isFinite)).toBe(true);
  });

  it('puts a non-default size into its id so that indexes of different sizes never mix', () => {
    const small = new LexicalEmbedder({ dimensions: 64 });
    expect(small.dimensions).toBe(64);
    expect(small.id).not.toBe(LEXICAL_EMBEDDER_ID);
    expect(() => new LexicalEmbedder({ dimensions: 3 })).toThrow(RangeError);
  });
});
