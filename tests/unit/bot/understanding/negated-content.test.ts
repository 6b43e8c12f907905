import { describe, expect, it } from 'vitest';
import { negatedContent, withoutNegatedContent } from '../../../../bot/understanding/negated-content.ts';

describe('withoutNegatedContent', () => {
  it('drops what a correction says is not meant', () => {
    expect(withoutNegatedContent('我是合伙企业，不是公司', true)).not.toContain('公司');
    expect(withoutNegatedContent('我说的是换证而不是补证', true)).toContain('换证');
    expect(withoutNegatedContent('我说的是换证而不是补证', true)).not.toContain('补证');
  });

  it('drops a dismissed topic in any turn', () => {
    const text = withoutNegatedContent('先不说驾照了，行驶证丢了怎么补', false);
    expect(text).not.toContain('驾照');
    expect(text).toContain('行驶证');
  });

  it('keeps conditions and questions that only look negative', () => {
    expect(withoutNegatedContent('户口不是本地的，能办居住证吗', false)).toContain('本地');
    expect(withoutNegatedContent('是不是个体户也要登记', true)).toContain('个体户');
  });

  it('reads a contrast "不是 X，是 Y" (and "是 Y，不是 X") as setting X aside, outside corrections too', () => {
    expect(negatedContent('我不是本地人，是外地来打工的', false)).toEqual(['本地人']);
    expect(negatedContent('要办的是换证，不是补证', false)).toEqual(['补证']);
    expect(negatedContent('我们单位是事业单位而不是企业', false)).toEqual(['企业']);
    const text = withoutNegatedContent('孩子不是在医院生的，是在家里生的', false);
    expect(text).not.toContain('医院');
    expect(text).toContain('家里');
  });

  it('finds no negated words in conditions, "是不是" questions or one-character spans', () => {
    expect(negatedContent('户口不是本地的，能办居住证吗', false)).toEqual([]);
    expect(negatedContent('是不是要本人去，不是的话能代办吗', false)).toEqual([]);
    expect(negatedContent('这个不是我的，是我妈的', false)).toEqual([]);
  });

  it('gives the dismissed topic without its particles', () => {
    expect(negatedContent('先不说社保了，医保怎么转', false)).toEqual(['社保']);
  });
});
