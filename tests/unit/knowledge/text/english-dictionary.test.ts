import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_ENGLISH_FILE,
  MAX_TRANSLATIONS,
  buildEnglishDictionary,
  buildEnglishDictionaryFile,
} from '../../../../knowledge/language/build-english-dictionary.ts';
import {
  MAX_GLOSS_WORDS,
  MIN_EDGE_WEIGHT,
  type CedictEntry,
} from '../../../../knowledge/language/build-synonym-graph.ts';
import {
  MAX_PHRASE_WORDS,
  englishKey,
  englishRuns,
  inflectionBases,
  loadDefaultEnglishDictionary,
  parseEnglishDictionary,
} from '../../../../knowledge/text/english-dictionary.ts';

const entry = (simplified: string, ...definitions: string[]): CedictEntry => ({
  simplified,
  pinyin: 'x1',
  definitions,
});

const words = (translations: Array<{ word: string }>) => translations.map((translation) => translation.word);

describe('englishKey and englishRuns', () => {
  it('puts glosses and questions in one form', () => {
    expect(englishKey('apply for sth')).toBe('apply for');
    expect(englishKey("driver's license")).toBe('driver license');
    expect(englishKey('lose one’s job')).toBe('lose job');
    expect(englishKey('Off-Plan')).toBe('off plan');
    expect(englishKey('café')).toBe('cafe');
  });

  it('finds runs of latin words between Chinese, digits and punctuation', () => {
    expect(englishRuns('第一次申请Truck Driver的qualification certificate，要先exam吗？')).toEqual([
      ['truck', 'driver'],
      ['qualification', 'certificate'],
      ['exam'],
    ]);
    expect(englishRuns('I lost my passport, how can I get a new one?')).toEqual([
      ['i', 'lost', 'my', 'passport'],
      ['how', 'can', 'i', 'get', 'a', 'new', 'one'],
    ]);
    expect(englishRuns('车货总重超过100吨')).toEqual([]);
  });

  it('offers uninflected forms of plurals and verb forms', () => {
    expect(inflectionBases('licenses')).toContain('license');
    expect(inflectionBases('cities')).toContain('city');
    expect(inflectionBases('filing')).toContain('file');
    expect(inflectionBases('renewed')).toContain('renew');
    expect(inflectionBases('transferred')).toContain('transfer');
    expect(inflectionBases('dog')).toEqual([]);
  });
});

describe('buildEnglishDictionary', () => {
  it('gives each English gloss its headwords, phrases included', () => {
    const dictionary = buildEnglishDictionary([
      entry('护照', 'passport'),
      entry('驾照', "driver's license"),
      entry('申请', 'to apply for sth', 'application form (CL:份[fen4])'),
      entry('执照', 'license; permit'),
    ]);
    expect(words(dictionary.get('passport') ?? [])).toEqual(['护照']);
    expect(words(dictionary.get('driver license') ?? [])).toEqual(['驾照']);
    expect(words(dictionary.get('apply for') ?? [])).toEqual(['申请']);
    expect(dictionary.get('passport')?.[0].weight).toBe(1);
  });

  it('weights a headword down when the gloss is one sense among many', () => {
    const dictionary = buildEnglishDictionary([
      entry('居住证', 'residence permit'),
      entry('户口', 'registered residence', 'residence permit', 'bank account', 'population'),
    ]);
    const [first, second] = dictionary.get('residence permit') ?? [];
    expect(first.word).toBe('居住证');
    expect(second.word).toBe('户口');
    expect(second.weight).toBeLessThan(first.weight);
  });

  it('drops glosses too many headwords share, function words and long phrases', () => {
    const common = Array.from({ length: MAX_GLOSS_WORDS + 1 }, (_, index) =>
      entry(`做事${String.fromCodePoint(0x4e00 + index)}`, 'to do business'),
    );
    expect(buildEnglishDictionary(common).has('do business')).toBe(false);
    const some = buildEnglishDictionary(common.slice(0, 3));
    expect(some.get('do business')?.length).toBe(3);
    const dictionary = buildEnglishDictionary([
      entry('我', 'I', 'me', 'my'),
      entry('随便', 'to do as one pleases today'),
    ]);
    expect(dictionary.size).toBe(0);
  });
});

describe('the shipped CC-CEDICT English dictionary', () => {
  const dictionary = loadDefaultEnglishDictionary();

  it('translates everyday words and phrases', () => {
    expect(words(dictionary.lookup('dog'))).toEqual(expect.arrayContaining(['狗', '犬']));
    expect(words(dictionary.lookup('Dogs'))).toEqual(expect.arrayContaining(['狗', '犬']));
    expect(words(dictionary.lookup('passport'))).toContain('护照');
    expect(words(dictionary.lookup('driver'))).toContain('司机');
    expect(words(dictionary.lookup('licenses'))).toContain('执照');
    expect(words(dictionary.lookup('residence permit'))).toContain('居住证');
    expect(words(dictionary.lookup('the'))).toEqual([]);
    expect(dictionary.lookup('no such english phrase')).toEqual([]);
    expect(dictionary.size).toBeGreaterThan(20_000);
  });

  it('is bounded and weighted in (0, 1], no phrase longer than the search tries', () => {
    let longestPhrase = 0;
    let mostTranslations = 0;
    for (const line of readFileSync(GENERATED_ENGLISH_FILE, 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [english, ...fields] = line.split('\t');
      longestPhrase = Math.max(longestPhrase, english.split(' ').length);
      mostTranslations = Math.max(mostTranslations, fields.length);
    }
    expect(longestPhrase).toBeLessThanOrEqual(MAX_PHRASE_WORDS);
    expect(mostTranslations).toBeLessThanOrEqual(MAX_TRANSLATIONS);
    for (const phrase of ['dog', 'license', 'certificate', 'apply for']) {
      for (const { word, weight } of dictionary.lookup(phrase)) {
        expect([...word].length).toBeLessThanOrEqual(4);
        expect(weight).toBeGreaterThanOrEqual(MIN_EDGE_WEIGHT);
        expect(weight).toBeLessThanOrEqual(1);
      }
    }
  });

  it('records where its data comes from and under which licence', () => {
    const header = readFileSync(GENERATED_ENGLISH_FILE, 'utf8').split('\n').slice(0, 3).join('\n');
    expect(header).toMatch(/cc-cedict \d+\.\d+\.\d+/);
    expect(header).toMatch(/data updated \d{4}-\d{2}-\d{2}/);
    expect(header).toContain('CC BY-SA 4.0');
  });

  it('is what a fresh build from the installed cc-cedict produces', async () => {
    expect(await buildEnglishDictionaryFile()).toBe(readFileSync(GENERATED_ENGLISH_FILE, 'utf8'));
  }, 120_000);
});

describe('parseEnglishDictionary', () => {
  it('skips header lines and malformed translations', () => {
    const dictionary = parseEnglishDictionary('# header\ndog\t狗 0.50\t犬 1.50\t猫\ncat\t猫 0.80\n');
    expect(dictionary.lookup('dog')).toEqual([{ word: '狗', weight: 0.5 }]);
    expect(dictionary.size).toBe(2);
  });
});
