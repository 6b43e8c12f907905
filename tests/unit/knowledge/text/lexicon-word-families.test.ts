import { describe, expect, it } from 'vitest';
import { loadDefaultLexicon } from '../../../../knowledge/text/lexicon.ts';
import { normalizeForMatch } from '../../../../knowledge/text/normalize.ts';

const expansionsOf = (text: string) =>
  loadDefaultLexicon()
    .match(normalizeForMatch(text))
    .flatMap((match) => match.expansions);

describe('document-state word families', () => {
  it('read loss, damage and expiry of any document the same way', () => {
    expect(expansionsOf('学生证坐地铁的时候弄丢了')).toContain('补办');
    expect(expansionsOf('暂住的那张卡被洗衣机洗坏了')).toContain('换领');
    expect(expansionsOf('我的从业资格证明年就期满')).toContain('延续');
  });

  it('say nothing of sentences without such a state', () => {
    expect(expansionsOf('第一次办，要带什么')).not.toContain('补办');
  });
});
