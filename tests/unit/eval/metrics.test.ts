import { describe, expect, it } from 'vitest';
import { summarizeEscalation } from '../../../eval/metrics/escalation.ts';
import { percentile, summarizeLatency } from '../../../eval/metrics/latency.ts';
import { echoedPersonalData, findPersonalData } from '../../../eval/metrics/personal-data.ts';
import { hitAt, rankOf, reciprocalRank, summarizeRanks } from '../../../eval/metrics/ranking.ts';

describe('ranking metrics', () => {
  it('finds the rank of the first acceptable name', () => {
    expect(rankOf(['普通护照签发', '出入境证件遗失补发'], ['出入境证件遗失补发'])).toBe(2);
    expect(rankOf(['a', 'b', 'c'], ['c', 'b'])).toBe(2);
    expect(rankOf(['a'], ['z'])).toBeUndefined();
    expect(rankOf([], ['z'])).toBeUndefined();
  });

  it('computes hit@k and reciprocal rank', () => {
    expect(hitAt(1, 1)).toBe(true);
    expect(hitAt(3, 1)).toBe(false);
    expect(hitAt(3, 3)).toBe(true);
    expect(hitAt(undefined, 3)).toBe(false);
    expect(reciprocalRank(4)).toBe(0.25);
    expect(reciprocalRank(undefined)).toBe(0);
  });

  it('summarises ranks as fractions', () => {
    const summary = summarizeRanks([1, 2, undefined, 4]);
    expect(summary.count).toBe(4);
    expect(summary.hitAt1).toBe(0.25);
    expect(summary.hitAt3).toBe(0.5);
    expect(summary.mrr).toBeCloseTo((1 + 0.5 + 0 + 0.25) / 4);
    expect(summarizeRanks([])).toEqual({ count: 0, hitAt1: 0, hitAt3: 0, mrr: 0 });
  });
});

describe('escalation metrics', () => {
  it('counts hand-overs against the labels', () => {
    const summary = summarizeEscalation([
      { expected: true, predicted: true },
      { expected: true, predicted: false },
      { expected: false, predicted: true },
      { expected: false, predicted: false },
      { expected: true, predicted: true },
    ]);
    expect(summary).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 1 });
    expect(summary.precision).toBeCloseTo(2 / 3);
    expect(summary.recall).toBeCloseTo(2 / 3);
  });

  it('treats an empty class as perfect rather than dividing by zero', () => {
    expect(summarizeEscalation([{ expected: false, predicted: false }])).toMatchObject({
      precision: 1,
      recall: 1,
    });
  });
});

describe('latency', () => {
  it('uses nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
    expect(summarizeLatency([30, 10, 20])).toMatchObject({ count: 3, mean: 20, p50: 20, p95: 30 });
  });
});

describe('personal data', () => {
  it('finds identity-card and mobile numbers', () => {
    expect(findPersonalData('身份证37010219900101123X，电话13805311234')).toEqual([
      '37010219900101123X',
      '13805311234',
    ]);
    expect(findPersonalData('窗口电话0531-88001234，编号12345')).toEqual([]);
  });

  it('reports only numbers the answer repeats', () => {
    const question = '我身份证号37010219900101123x，手机13805311234';
    expect(echoedPersonalData(question, '您的身份证号37010219900101123X已记录')).toEqual([
      '37010219900101123x',
    ]);
    expect(echoedPersonalData(question, '请携带身份证原件，尾号123X')).toEqual([]);
  });
});
