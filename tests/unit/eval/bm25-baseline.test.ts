import { describe, expect, it } from 'vitest';
import { baselineDocument, Bm25Baseline, cjkBigrams } from '../../../eval/bm25-baseline.ts';
import type { ServiceItem } from '../../../knowledge/catalog/schema.ts';

const item = (id: string, name: string, materials: string[], department: string): ServiceItem => ({
  id,
  name,
  aliases: [],
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
});

describe('BM25 baseline', () => {
  const items = [
    item('1', '普通护照签发', ['居民身份证'], '公安局出入境管理大队'),
    item('2', '社会保障卡申领', ['居民身份证', '照片'], '人力资源和社会保障局'),
    item('3', '住房公积金提取（租房）', ['租房合同'], '住房公积金管理中心'),
  ];
  const baseline = Bm25Baseline.fromItems(items);

  it('indexes name, materials, conditions and department', () => {
    expect(baselineDocument(items[2])).toContain('租房合同');
    expect(baselineDocument(items[2])).toContain('住房公积金管理中心');
  });

  it('ranks the item whose text shares the rarest bigrams first', () => {
    expect(baseline.search('我想办护照')[0]?.name).toBe('普通护照签发');
    expect(baseline.search('租房提取公积金')[0]?.name).toBe('住房公积金提取（租房）');
    expect(baseline.search('社保卡怎么申领')[0]?.name).toBe('社会保障卡申领');
  });

  it('returns nothing for a question with no shared bigram, and has no synonyms', () => {
    expect(baseline.search('明天天气怎么样')).toEqual([]);
    // A plain baseline does not know that 社宝 is a typo of 社保.
    expect(baseline.search('社宝').length).toBe(0);
  });

  it('gives a common term less weight than a rare one', () => {
    const hits = baseline.search('居民身份证 护照');
    expect(hits[0]?.name).toBe('普通护照签发');
    expect(hits.map((hit) => hit.name)).toContain('社会保障卡申领');
  });
});
