import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  Lexicon,
  LexiconSourceError,
  loadDefaultLexicon,
  parseLexicon,
} from '../../../../knowledge/text/lexicon.ts';
import { normalizeForMatch } from '../../../../knowledge/text/normalize.ts';

describe('Lexicon', () => {
  it('parses keys and expansions and ignores comments', () => {
    const entries = parseLexicon('# comment\n房本 | 房产证 => 不动产权证书, 不动产登记\n\nbad line\n');
    expect(entries).toEqual([{ keys: ['房本', '房产证'], expansions: ['不动产权证书', '不动产登记'] }]);
  });

  it('gives each entry the source of the @source line above it', () => {
    const entries = parseLexicon(
      '房本 => 不动产权证书\n@source general:colloquial\n狗 => 犬只\n猫 => 宠物\n@source hall:example # note\n专窗 => 窗口\n',
    );
    expect(entries.map((entry) => entry.source)).toEqual([
      undefined,
      'general:colloquial',
      'general:colloquial',
      'hall:example',
    ]);
  });

  it('rejects a malformed @source line with its file and line', () => {
    expect(() => parseLexicon('狗 => 犬只\n@source somewhere\n', 'pets.txt')).toThrow(LexiconSourceError);
    expect(() => parseLexicon('狗 => 犬只\n@source somewhere\n', 'pets.txt')).toThrow(
      /pets\.txt:2: bad @source/,
    );
  });

  it('ships a source for every entry', () => {
    const folder = fileURLToPath(new URL('../../../../knowledge/data/lexicon/', import.meta.url));
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.txt'))) {
      const entries = parseLexicon(readFileSync(folder + name, 'utf8'), name);
      expect(entries.filter((entry) => !entry.source).map((entry) => entry.keys[0])).toEqual([]);
    }
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
