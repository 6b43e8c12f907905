import { describe, expect, it } from 'vitest';
import { itemSchema, type ServiceItem } from '../../../../knowledge/catalog/schema.ts';
import { CatalogSearch } from '../../../../knowledge/retrieval/catalog-search.ts';
import { Lexicon, parseLexicon } from '../../../../knowledge/text/lexicon.ts';
import { SynonymGraph, loadDefaultSynonymGraph } from '../../../../knowledge/text/synonym-graph.ts';

const item = (id: string, name: string): ServiceItem =>
  itemSchema.parse({
    id,
    name,
    type: '公共服务',
    department: '区行政审批服务局',
    zone: '综合服务',
    window: '综合受理窗口',
    kind: '即办件',
    legalDays: 1,
    promisedDays: 1,
    visits: 1,
    online: '线下办理',
    fee: '不收费',
  });

const items = [
  item('A-1', '养犬登记证核发'),
  item('A-2', '居民身份证换领'),
  item('A-3', '个体工商户设立登记'),
];

describe('synonym expansion in catalog search', () => {
  const question = '我家的狗需要报备吗';

  it('finds an item named with 犬 from a question about 狗 only through the graph', () => {
    const plain = new CatalogSearch({ items });
    expect(plain.searchItems(plain.query(question), 3).map((hit) => hit.id)).not.toContain('A-1');

    const search = new CatalogSearch({ items, synonyms: loadDefaultSynonymGraph() });
    const query = search.query(question);
    expect(query.synonyms).toContain('犬');
    expect(query.literal.has('c:犬')).toBe(false);
    expect(search.searchItems(query, 3)[0]?.id).toBe('A-1');
  });

  it('adds only neighbours the catalog uses, below the weight of the question and the lexicon', () => {
    const graph = new SynonymGraph(
      new Map([
        [
          '营业执照',
          [
            { word: '工商户', weight: 1 },
            { word: '牌照', weight: 1 },
          ],
        ],
        ['工商户', [{ word: '营业执照', weight: 1 }]],
        ['牌照', [{ word: '营业执照', weight: 1 }]],
      ]),
    );
    const lexicon = new Lexicon(parseLexicon('开店 => 设立登记'));
    const search = new CatalogSearch({ items, lexicon, synonyms: graph });
    const query = search.query('开店要营业执照');
    expect(query.synonyms).toEqual(['工商户']);
    const synonymWeight = query.weights.get('w:工商户') ?? 0;
    expect(synonymWeight).toBeGreaterThan(0);
    expect(synonymWeight).toBeLessThan(query.weights.get('w:设立') ?? 0);
    expect(synonymWeight).toBeLessThan(query.weights.get('w:营业执照') ?? 0);
    expect(query.weights.has('w:牌照')).toBe(false);
  });
});
