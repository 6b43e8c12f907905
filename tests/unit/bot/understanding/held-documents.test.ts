import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../../../bot/understanding/analyze-question.ts';

/** Sentences written for this test; none comes from an evaluation set. */
describe('documents the citizen says they have', () => {
  const held = (message: string) => analyzeQuestion(message).held;

  it('reads the documents after a verb of holding, up to the question about what is missing', () => {
    expect(held('我手上有户口本和结婚证，还差什么材料')).toBe('户口本和结婚证');
    expect(held('已经准备了申请表、两张照片，够不够')).toBe('申请表、两张照片');
    expect(held('我们带了护照还缺啥')).toBe('护照');
  });

  it('reads nothing without a question about materials, or without documents', () => {
    expect(held('我有个问题想问一下')).toBeUndefined();
    expect(held('我有房子在老家，想问问公积金怎么提')).toBeUndefined();
    expect(held('我有，还缺什么')).toBeUndefined();
  });

  it('keeps the documents held out of what identifies the item', () => {
    const analysis = analyzeQuestion('办残疾人证，我带了身份证和户口本，还缺什么');
    expect(analysis.aspects).toContain('materials');
    expect(analysis.itemQuery).toContain('残疾人证');
    expect(analysis.itemQuery).not.toContain('户口本');
  });
});
