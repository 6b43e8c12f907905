import { describe, expect, it } from 'vitest';
import { withoutNegatedContent } from '../../../../bot/understanding/negated-content.ts';

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
});
