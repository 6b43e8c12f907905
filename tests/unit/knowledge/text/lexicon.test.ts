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

  it('does not read a key across the end of a longer key it overlaps', () => {
    const lexicon = new Lexicon(parseLexicon('领养 => 收养登记\n养老金 => 养老保险待遇'));
    expect(lexicon.match('领养老金的手续').map((match) => match.key)).toEqual(['养老金']);
    expect(lexicon.match('想领养一个孩子').map((match) => match.key)).toEqual(['领养']);
  });

  it('reads a key typed with a homophone in place of some of its characters', () => {
    const lexicon = new Lexicon(
      parseLexicon('低保 => 最低生活保障\n残疾证 => 残疾人证\n社保卡 => 社会保障卡'),
    );
    expect(lexicon.match('底保怎么申请').map((match) => match.key)).toEqual(['低保']);
    expect(lexicon.match('残积证到期了').map((match) => match.key)).toEqual(['残疾证']);
    expect(lexicon.match('社宝卡补办').map((match) => match.key)).toEqual(['社保卡']);
  });

  it('does not take words that only sound like a key for it', () => {
    const lexicon = new Lexicon(parseLexicon('夜市 => 占道经营\n失业 => 失业保险金'));
    // 爷是 (in 我爷爷是…) and 夜市 share the sound "ye shi" but no character.
    expect(lexicon.match('我爷爷是老党员')).toEqual([]);
    expect(lexicon.match('他叶诗文的粉丝')).toEqual([]);
    // 事业 is a word of its own.
    expect(lexicon.match('事业单位招聘')).toEqual([]);
  });
});
