import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ABBREVIATION_WEIGHT,
  GENERATED_GRAPH_FILE,
  MAX_GLOSS_WORDS,
  MAX_NEIGHBOURS,
  buildSynonymGraph,
  buildSynonymGraphFile,
  normalizeGloss,
  type CedictEntry,
} from '../../../../knowledge/language/build-synonym-graph.ts';
import { loadDefaultSynonymGraph, parseSynonymGraph } from '../../../../knowledge/text/synonym-graph.ts';

const entry = (simplified: string, ...definitions: string[]): CedictEntry => ({
  simplified,
  pinyin: 'x1',
  definitions,
});

describe('normalizeGloss', () => {
  it('strips notes, parentheses and a leading "to"', () => {
    expect(normalizeGloss('(literary) dog')).toBe('dog');
    expect(normalizeGloss('to stamp (a document)')).toBe('stamp');
    expect(normalizeGloss('fig. to give up')).toBe('give up');
    expect(normalizeGloss('Salary')).toBe('salary');
  });

  it('drops definitions that are only grammatical or cross-reference notes', () => {
    for (const note of [
      'variant of 狗[gou3]',
      'old variant of 犬[quan3]',
      'surname Wang',
      'classifier for books',
      'see 印章[yin4 zhang1]',
      'abbr. for 社會保險|社会保险[she4 hui4 bao3 xian3]',
      'used in 葡萄[pu2 tao5]',
      'Kangxi radical 94',
      'Taiwan pr. [quan2]',
      'lit. a dog in the manger',
    ]) {
      expect(normalizeGloss(note), note).toBeUndefined();
    }
  });
});

describe('buildSynonymGraph', () => {
  it('links words that share a specific gloss, folding plurals', () => {
    const graph = buildSynonymGraph([
      entry('薪俸', 'salary; wages'),
      entry('工钱', 'wage'),
      entry('树木', 'trees'),
    ]);
    expect(graph.get('薪俸')?.map((edge) => edge.word)).toEqual(['工钱']);
    expect(graph.get('工钱')?.map((edge) => edge.word)).toEqual(['薪俸']);
    expect(graph.has('树木')).toBe(false);
  });

  it('makes no edge through a gloss that too many words share', () => {
    const common = Array.from({ length: MAX_GLOSS_WORDS + 1 }, (_, index) =>
      entry(`做事${String.fromCodePoint(0x4e00 + index)}`, 'to do'),
    );
    expect(buildSynonymGraph(common).size).toBe(0);
    expect(buildSynonymGraph(common.slice(0, 3)).size).toBe(3);
  });

  it('keeps only simplified Han words of one to four characters, and no proper names', () => {
    const graph = buildSynonymGraph([
      entry('长城卡', 'credit card'),
      entry('信用卡', 'credit card'),
      entry('ATM卡', 'credit card'),
      entry('信用卡信用卡', 'credit card'),
      { simplified: '长城', pinyin: 'Chang2 cheng2', definitions: ['credit card'] },
    ]);
    expect([...graph.keys()].sort()).toEqual(['信用卡', '长城卡']);
  });

  it('links an abbreviation with the full form its definition names', () => {
    const graph = buildSynonymGraph([
      entry(
        '环评',
        'environmental impact assessment (abbr. for 環境影響評價|环境影响评价[huan2 jing4 ying3 xiang3 ping2 jia4])',
      ),
      entry('环保', 'environmental protection', 'abbr. for 環境保護|环境保护[huan2 jing4 bao3 hu4]'),
      entry('环境保护', 'to protect the environment'),
    ]);
    expect(graph.get('环保')).toEqual([{ word: '环境保护', weight: ABBREVIATION_WEIGHT }]);
    expect(graph.get('环境保护')?.map((edge) => edge.word)).toEqual(['环保']);
    expect(graph.has('环评')).toBe(false);
  });

  it('weights an edge by how specific the shared gloss is and how much of each word it is', () => {
    const graph = buildSynonymGraph([
      entry('甲乙', 'pay slip'),
      entry('丙丁', 'pay slip'),
      entry('戊己', 'pay slip', 'bonus', 'tip', 'fee'),
    ]);
    const weightOf = (from: string, to: string) =>
      graph.get(from)?.find((edge) => edge.word === to)?.weight ?? 0;
    expect(weightOf('甲乙', '丙丁')).toBeGreaterThan(weightOf('甲乙', '戊己'));
    for (const edges of graph.values()) for (const edge of edges) expect(edge.weight).toBeLessThanOrEqual(1);
  });
});

describe('the shipped CC-CEDICT graph', () => {
  const graph = loadDefaultSynonymGraph();

  it('knows everyday synonyms', () => {
    const neighbours = (word: string) => graph.neighbours(word).map((edge) => edge.word);
    expect(neighbours('狗')).toContain('犬');
    expect(neighbours('犬')).toContain('狗');
    expect(neighbours('薪水')).toContain('工资');
    expect(neighbours('驾照')).toContain('驾驶证');
    expect(neighbours('社保')).toContain('社会保险');
    expect(graph.neighbours('不存在的词')).toEqual([]);
    expect(graph.size).toBeGreaterThan(10_000);
  });

  it('is symmetric, bounded and weighted in (0, 1]', () => {
    for (const word of ['狗', '薪水', '烟草', '执照', '离婚']) {
      const edges = graph.neighbours(word);
      expect(edges.length).toBeLessThanOrEqual(MAX_NEIGHBOURS);
      for (const edge of edges) {
        expect(edge.weight).toBeGreaterThan(0);
        expect(edge.weight).toBeLessThanOrEqual(1);
        expect(graph.neighbours(edge.word).map((back) => back.word)).toContain(word);
      }
    }
  });

  it('records where its data comes from and under which licence', () => {
    const header = readFileSync(GENERATED_GRAPH_FILE, 'utf8').split('\n').slice(0, 3).join('\n');
    expect(header).toMatch(/cc-cedict \d+\.\d+\.\d+/);
    expect(header).toContain('CC BY-SA 4.0');
  });

  it('is what a fresh build from the installed cc-cedict produces', async () => {
    expect(await buildSynonymGraphFile()).toBe(readFileSync(GENERATED_GRAPH_FILE, 'utf8'));
  }, 120_000);
});

describe('parseSynonymGraph', () => {
  it('skips header lines and malformed edges', () => {
    const graph = parseSynonymGraph('# header\n甲\t乙 0.50\t丙 1.50\t丁\n乙\t甲 0.50\n');
    expect(graph.neighbours('甲')).toEqual([{ word: '乙', weight: 0.5 }]);
    expect(graph.size).toBe(2);
  });
});
