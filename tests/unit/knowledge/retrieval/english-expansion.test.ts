import { describe, expect, it } from 'vitest';
import { itemSchema, type ServiceItem } from '../../../../knowledge/catalog/schema.ts';
import { CatalogSearch } from '../../../../knowledge/retrieval/catalog-search.ts';
import {
  EnglishDictionary,
  loadDefaultEnglishDictionary,
} from '../../../../knowledge/text/english-dictionary.ts';

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
  item('B-1', '营业执照遗失补领'),
  item('B-2', '居民身份证换领'),
  item('B-3', '养犬登记证核发'),
  item('B-4', '机动车驾驶证补领'),
];

describe('English expansion in catalog search', () => {
  const question = '我想办个business license';

  it('finds the item named with 营业执照 from "business license" only through the dictionary', () => {
    const plain = new CatalogSearch({ items });
    expect(plain.searchItems(plain.query(question), 3).map((hit) => hit.id)).not.toContain('B-1');

    const search = new CatalogSearch({ items, english: loadDefaultEnglishDictionary() });
    const query = search.query(question);
    expect(query.translations).toContain('执照');
    expect(query.literal.has('w:执照')).toBe(false);
    expect(search.searchItems(query, 3)[0]?.id).toBe('B-1');
  });

  it('reaches a one-character catalog word as a character', () => {
    const search = new CatalogSearch({ items, english: loadDefaultEnglishDictionary() });
    const query = search.query('家里的dog要登记吗');
    expect(query.translations).toContain('犬');
    expect(query.weights.get('c:犬') ?? 0).toBeGreaterThan(0);
    expect(search.searchItems(query, 3)[0]?.id).toBe('B-3');
  });

  it('takes the longest phrase first and adds only words the catalog uses, below the question', () => {
    const dictionary = new EnglishDictionary(
      new Map([
        ['driver license', [{ word: '驾驶证', weight: 0.8 }]],
        ['driver', [{ word: '司机', weight: 1 }]],
        ['license', [{ word: '执照', weight: 1 }]],
        [
          'lost',
          [
            { word: '遗失', weight: 1 },
            { word: '丢了', weight: 1 },
          ],
        ],
      ]),
    );
    const search = new CatalogSearch({ items, english: dictionary });
    const query = search.query('我的driver license lost了，补领要什么');
    expect([...query.translations].sort()).toEqual(['遗失', '驾驶证'].sort());
    expect(query.weights.has('w:执照')).toBe(false);
    expect(query.weights.has('w:丢了')).toBe(false);
    const translated = query.weights.get('w:驾驶证') ?? 0;
    expect(translated).toBeGreaterThan(0);
    expect(translated).toBeLessThan(query.weights.get('w:补领') ?? 0);
    expect(search.searchItems(query, 3)[0]?.id).toBe('B-4');
  });
});
