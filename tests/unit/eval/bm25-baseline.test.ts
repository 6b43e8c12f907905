import { describe, expect, it } from 'vitest';
import {
  baselineDocument,
  baselineQuery,
  Bm25Baseline,
  cjkBigrams,
  cjkTokens,
} from '../../../eval/bm25-baseline.ts';
import type { ServiceItem } from '../../../knowledge/catalog/schema.ts';

const item = (
  id: string,
  name: string,
  materials: string[],
  department: string,
  aliases: string[] = [],
): ServiceItem => ({
  id,
  name,
  aliases,
  type: '公共服务',
  department,
  zone: '社会民生',
  window: 'C01',
  kind: '即办件',
  legalDays: 1,
  promisedDays: 0,
  commitment: false,
  visits: 1,
  online: '线下办理',
  fee: '不收费',
  conditions: [],
  materials: materials.map((material) => ({ name: material, form: '原件', copies: 1, required: '必要' })),
  process: [],
  basis: [],
  themes: [],
});

describe('cjk bigram analyzer', () => {
  it('makes overlapping bigrams of Han runs and keeps latin words', () => {
    expect(cjkBigrams('护照办理')).toEqual(['护照', '照办', '办理']);
    expect(cjkBigrams('办 ID卡')).toEqual(['办', 'id', '卡']);
    expect(cjkBigrams('ＡＢＣ１２３，社保卡')).toEqual(['abc123', '社保', '保卡']);
  });

  it('also emits every Han character as a unigram unless told not to', () => {
    expect(cjkTokens('护照办理')).toEqual(['护照', '照办', '办理', '护', '照', '办', '理']);
    expect(cjkTokens('办 ID卡')).toEqual(['办', 'id', '卡']);
    expect(cjkTokens('护照办理', { unigrams: false })).toEqual(cjkBigrams('护照办理'));
  });
});

describe('BM25 baseline', () => {
  const items = [
    item('1', '普通护照签发', ['居民身份证'], '公安局出入境管理大队'),
    item('2', '社会保障卡申领', ['居民身份证', '照片'], '人力资源和社会保障局'),
    item('3', '住房公积金提取（租房）', ['租房合同'], '住房公积金管理中心'),
    item('4', '内地居民结婚登记', ['户口簿'], '民政局', ['领证', '扯证']),
  ];
  const baseline = Bm25Baseline.fromItems(items);

  it('indexes name, aliases, conditions, materials and department', () => {
    expect(baselineDocument(items[2])).toContain('租房合同');
    expect(baselineDocument(items[2])).toContain('住房公积金管理中心');
    expect(baselineDocument(items[3])).toContain('扯证');
  });

  it('finds an item through its aliases, as the system may', () => {
    expect(baseline.search('明天去扯证')[0]?.name).toBe('内地居民结婚登记');
  });

  it('searches all turns of a dialogue joined, without bigrams across turns', () => {
    expect(baselineQuery(['我想办护照', '要带啥'])).toBe('我想办护照\n要带啥');
    expect(cjkBigrams(baselineQuery(['护照', '照片']))).not.toContain('照照');
    expect(baseline.search(baselineQuery(['我要领证', '那要带啥']))[0]?.name).toBe('内地居民结婚登记');
  });

  it('ranks the item whose text shares the rarest bigrams first', () => {
    expect(baseline.search('我想办护照')[0]?.name).toBe('普通护照签发');
    expect(baseline.search('租房提取公积金')[0]?.name).toBe('住房公积金提取（租房）');
    expect(baseline.search('社保卡怎么申领')[0]?.name).toBe('社会保障卡申领');
  });

  it('returns nothing for a question sharing no character, and has no synonyms', () => {
    expect(baseline.search('明天天气怎么样')).toEqual([]);
    // Bigrams alone miss the typo 社宝; the unigram 社 still finds the social security card.
    expect(Bm25Baseline.fromItems(items, { unigrams: false }).search('社宝')).toEqual([]);
    expect(baseline.search('社宝')[0]?.name).toBe('社会保障卡申领');
    // No synonyms: 丈夫 shares no character with 结婚登记.
    expect(baseline.search('丈夫').length).toBe(0);
  });

  it('gives a common term less weight than a rare one', () => {
    const hits = baseline.search('居民身份证 护照');
    expect(hits[0]?.name).toBe('普通护照签发');
    expect(hits.map((hit) => hit.name)).toContain('社会保障卡申领');
  });
});
