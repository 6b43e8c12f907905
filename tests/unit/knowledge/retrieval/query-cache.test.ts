import { describe, expect, it } from 'vitest';
import { itemSchema, type ServiceItem } from '../../../../knowledge/catalog/schema.ts';
import {
  CatalogSearch,
  QUERY_CACHE_SIZE,
  buildQuery,
} from '../../../../knowledge/retrieval/catalog-search.ts';

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

const items = [item('C-1', '营业执照遗失补领'), item('C-2', '居民身份证换领'), item('C-3', '养犬登记证核发')];

describe('the query cache of catalog search', () => {
  it('hands out the query of a recent text again, equal to a freshly built one', () => {
    const search = new CatalogSearch({ items });
    const query = search.query('身份证丢了怎么换');
    expect(search.query('身份证丢了怎么换')).toBe(query);
    expect(query).toEqual(buildQuery('身份证丢了怎么换'));
  });

  it(`keeps at most ${QUERY_CACHE_SIZE} texts: the oldest is built again`, () => {
    const search = new CatalogSearch({ items });
    const first = search.query('养狗要登记吗');
    for (let index = 0; index < QUERY_CACHE_SIZE; index += 1) search.query(`营业执照${index}`);
    const again = search.query('养狗要登记吗');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('finds the earlier turns’ candidates once per kept query, as the full search ranks them', () => {
    const search = new CatalogSearch({ items });
    const query = search.query('营业执照丢了');
    const context = search.contextCandidates(query);
    expect(search.contextCandidates(query)).toBe(context);
    const full = search.itemCandidates(query);
    const best = full[0].features.bm25f;
    expect(context.map((hit) => [hit.id, hit.context, hit.reasons()])).toEqual(
      full.map((hit) => [hit.id, hit.features.bm25f / best, hit.reasons]),
    );
  });
});
