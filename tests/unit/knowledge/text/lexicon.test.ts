import { describe, expect, it } from 'vitest';
import { Lexicon, loadDefaultLexicon, parseLexicon } from '../../../../knowledge/text/lexicon.ts';
import { normalizeForMatch } from '../../../../knowledge/text/normalize.ts';

describe('Lexicon', () => {
  it('parses keys and expansions and ignores comments', () => {
    const entries = parseLexicon('# comment\n房本 | 房产证 => 不动产权证书, 不动产登记\n\nbad line\n');
    expect(entries).toEqual([{ keys: ['房本', '房产证'], expansions: ['不动产权证书', '不动产登记'] }]);
  });

  it('prefers the longest key at a position and does not expand the keys inside it', () => {
    const lexicon = new Lexicon(parseLexicon('结婚 => 结婚登记\n结婚证丢了 => 补领婚姻登记证'));
    expect(lexicon.match('我结婚证丢了').map((match) => match.key)).toEqual(['结婚证丢了']);
    expect(lexicon.match('我想结婚').map((match) => match.key)).toEqual(['结婚']);
  });

  it('ships a general lexicon that maps everyday words to official terms', () => {
    const lexicon = loadDefaultLexicon();
    const expansions = lexicon.match(normalizeForMatch('房本过户')).flatMap((match) => match.expansions);
    expect(expansions).toContain('转移登记');
    expect(expansions).toContain('不动产权证书');
  });
});
