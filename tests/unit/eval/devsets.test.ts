/**
 * The independent labelled sets and the suites built from them: every line of both splits loads into
 * the evaluation model, labels resolve through the catalogs, the split is kept (dev and holdout share
 * no question, holdout questions appear nowhere in the project's own sets), ids are unique, and a bad
 * line is reported with its file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelCatalog, parseDevsetFile } from '../../../eval/devsets.ts';
import type { ParseDevsetOptions } from '../../../eval/devsets.ts';
import { parseCatalog } from '../../../eval/load-catalog-items.ts';
import { kindOf, turnsOf } from '../../../eval/question-schema.ts';
import type { EvalQuestion } from '../../../eval/question-schema.ts';
import { DEVSETS_DIR, loadSuites, SUITE_NAMES } from '../../../eval/suites.ts';
import type { Suite } from '../../../eval/suites.ts';
import { validateCatalog } from '../../../knowledge/catalog/validate.ts';
import { hallSchema } from '../../../knowledge/hall/schema.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const nonBlankLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '').length;
const textOf = (question: EvalQuestion) => turnsOf(question).join('\n');

const SETS = [
  { folder: 'default', suite: 'default' },
  { folder: 'qingchuan-hall', suite: 'qingchuan' },
];

describe('suites', async () => {
  const all = await loadSuites('all');
  const find = (name: string, split: Suite['split']) => {
    const suite = all.find((candidate) => candidate.name === name && candidate.split === split);
    if (suite === undefined) throw new Error(`no suite ${name} ${split}`);
    return suite;
  };

  it('lists the devsets on both sides and the own sets on the dev side only', async () => {
    expect(SUITE_NAMES).toEqual([
      'default',
      'qingchuan',
      'own-default',
      'hand-over',
      'dialogues',
      'other-hall',
      'third-hall',
    ]);
    expect(all.map((suite) => `${suite.name}/${suite.split}`)).toEqual([
      'default/dev',
      'qingchuan/dev',
      'own-default/dev',
      'hand-over/dev',
      'dialogues/dev',
      'other-hall/dev',
      'third-hall/dev',
      'default/holdout',
      'qingchuan/holdout',
    ]);
    expect((await loadSuites('dev')).map((suite) => suite.name)).toEqual(SUITE_NAMES);
    expect((await loadSuites('holdout')).map((suite) => suite.name)).toEqual(['default', 'qingchuan']);
    expect(find('default', 'dev').catalogFile).toBe(path.join(root, 'knowledge/data/catalog.json'));
    expect(find('default', 'dev').docsDir).toBe(path.join(root, 'knowledge/data/policies'));
    expect(find('qingchuan', 'holdout').hallFile).toBe(path.join(DEVSETS_DIR, 'qingchuan-hall/hall.json'));
    expect(find('qingchuan', 'holdout').docsDir).toBeUndefined();
  });

  it('loads every line of every devset file, on both sides', () => {
    for (const { folder, suite } of SETS) {
      for (const split of ['dev', 'holdout'] as const) {
        const dir = path.join(DEVSETS_DIR, folder, split);
        const lines = readdirSync(dir)
          .filter((name) => name.endsWith('.jsonl'))
          .reduce((sum, name) => sum + nonBlankLines(path.join(dir, name)), 0);
        expect(lines, `${folder}/${split}`).toBeGreaterThan(0);
        expect(find(suite, split).questions, `${folder}/${split}`).toHaveLength(lines);
      }
    }
  });

  it('keeps the split: dev and holdout share no question, and the own sets hold no holdout question', () => {
    for (const { suite } of SETS) {
      const holdout = new Set(find(suite, 'holdout').questions.map(textOf));
      for (const question of find(suite, 'dev').questions) {
        expect(holdout.has(textOf(question)), question.id).toBe(false);
      }
    }
    // The sets were split one by one: a generic line (an English injection) may be dev in one set and
    // holdout in the other. The project's own (tuned) sets must hold no holdout question, except a
    // bare command too short to be anyone's phrasing (a three-character request for a person is in both).
    const holdout = new Set(
      all.filter((suite) => suite.split === 'holdout').flatMap((suite) => suite.questions.map(textOf)),
    );
    for (const suite of all.filter(
      (candidate) => candidate.split === 'dev' && candidate.name.includes('-'),
    )) {
      for (const question of suite.questions) {
        if ([...textOf(question)].length <= 4) continue;
        expect(holdout.has(textOf(question)), `${suite.name}: ${question.id}`).toBe(false);
      }
    }
  });

  it('gives every question a unique id within its suite, and devset ids unique across suites', () => {
    for (const suite of all) {
      const ids = suite.questions.map((question) => question.id);
      expect(new Set(ids).size, suite.name).toBe(ids.length);
    }
    const devsetIds = all
      .filter((suite) => suite.name === 'default' || suite.name === 'qingchuan')
      .flatMap((suite) => suite.questions.map((question) => question.id));
    expect(new Set(devsetIds).size).toBe(devsetIds.length);
    for (const id of devsetIds) expect(id).toMatch(/^(default|qingchuan)\/(dev|holdout)\/[a-z]+:\d+$/);
  });

  it('converts each format to the question model', () => {
    const dev = find('default', 'dev').questions;
    const byFile = (file: string) => dev.filter((question) => question.id.startsWith(`default/dev/${file}:`));
    expect(byFile('questions').every((question) => kindOf(question) === 'single')).toBe(true);
    expect(byFile('questions').every((question) => question.expect.item !== undefined)).toBe(true);
    expect(byFile('themes').every((question) => kindOf(question) === 'theme')).toBe(true);
    expect(byFile('dialogues').every((question) => kindOf(question) === 'dialogue')).toBe(true);
    expect(byFile('dialogues').every((question) => question.pattern !== undefined)).toBe(true);
    expect(byFile('escalation').every((question) => kindOf(question) === 'escalation')).toBe(true);
    expect(byFile('negatives').every((question) => kindOf(question) === 'negative')).toBe(true);
    for (const question of byFile('negatives')) {
      if (question.expect.category === 'pii') {
        expect(question.expect.outOfScope, question.id).toBeUndefined();
        expect(question.style).toBe('personal-data');
      } else {
        expect(question.expect.outOfScope, question.id).toBe(true);
      }
    }
    expect(dev.some((question) => question.expect.mustNotContain !== undefined)).toBe(true);
    const qingchuan = find('qingchuan', 'dev').questions;
    const catalog = parseCatalog(
      JSON.parse(read('eval/data/devsets/qingchuan-hall/catalog.json')) as unknown,
    );
    const names = new Set(catalog.items.map((item) => item.name));
    for (const question of qingchuan) {
      if (question.expect.item !== undefined) expect(names.has(question.expect.item), question.id).toBe(true);
    }
    expect(
      qingchuan.filter((question) => question.expect.category === 'no_such_service').length,
    ).toBeGreaterThan(0);
  });

  it('has a valid qingchuan catalog without aliases, and a hall with every window it names', () => {
    const raw = JSON.parse(read('eval/data/devsets/qingchuan-hall/catalog.json')) as unknown;
    expect(validateCatalog(raw, { file: 'catalog.json' }).issues).toEqual([]);
    const catalog = parseCatalog(raw);
    for (const item of catalog.items) expect(item.aliases, item.name).toEqual([]);
    const hall = hallSchema.parse(JSON.parse(read('eval/data/devsets/qingchuan-hall/hall.json')));
    const windows = new Set(hall.windows.map((window) => window.id));
    for (const item of catalog.items) {
      for (const id of item.window.split('-')) expect(windows.has(id), `${item.name}: ${id}`).toBe(true);
    }
  });
});

describe('devset line validation', () => {
  const catalog = labelCatalog({
    items: [
      { id: 'LH-1', name: '河道采砂许可' },
      { id: 'LH-2', name: '取水许可' },
    ] as never,
    themes: [{ name: '开店一件事' }] as never,
  });
  const options = (format: ParseDevsetOptions['format'], flavour: ParseDevsetOptions['flavour']) => ({
    file: 'x/dev/' + format + '.jsonl',
    format,
    flavour,
    catalog,
    idPrefix: `x/dev/${format}`,
  });

  it('converts ids to names and normalises styles', () => {
    const [question] = parseDevsetFile(
      '\n{"q": "抽砂", "expect": "LH-1", "style": "long_story"}\n',
      options('questions', 'hall'),
    );
    expect(question).toEqual({
      id: 'x/dev/questions:2',
      style: 'long-story',
      q: '抽砂',
      expect: { item: '河道采砂许可' },
    });
    const [dialogue] = parseDevsetFile(
      '{"turns": ["取水", "要带啥"], "expect": "LH-2"}',
      options('dialogues', 'hall'),
    );
    expect(dialogue).toMatchObject({
      style: 'multi-turn',
      turns: ['取水', '要带啥'],
      expect: { item: '取水许可' },
    });
    const [escalation] = parseDevsetFile(
      '{"q": "找真人", "escalate": true, "why": "要人工"}',
      options('escalation', 'default'),
    );
    expect(escalation).toMatchObject({ style: 'escalation', expect: { escalate: true }, note: '要人工' });
  });

  it('reports a bad line with its file and line', () => {
    const cases: Array<[string, ParseDevsetOptions, RegExp]> = [
      [
        '{"q": "抽砂", "expect": "LH-9", "style": "short"}',
        options('questions', 'hall'),
        /questions\.jsonl:1: item id "LH-9"/,
      ],
      [
        '{"q": "a", "expect_name": "采砂", "style": "short"}',
        options('questions', 'default'),
        /:1: "采砂" names no item/,
      ],
      [
        '{"q": "a", "expect_name": "取水许可", "style": "rude"}',
        options('questions', 'default'),
        /unknown style "rude"/,
      ],
      [
        '{"q": "a", "expect_theme": "结婚一件事", "expect_any": ["取水许可"]}',
        options('themes', 'default'),
        /names no theme/,
      ],
      ['{"q": "a", "category": "weather"}', options('negatives', 'hall'), /negatives\.jsonl:1: category/],
      ['{"q": "a", "expect": "LH-1", "style": "short", "extra": 1}', options('questions', 'hall'), /:1: /],
      [
        '{"turns": ["只有一轮"], "expect": "LH-1"}',
        options('dialogues', 'hall'),
        /dialogues\.jsonl:1: turns/,
      ],
      ['{"q": "a"', options('negatives', 'default'), /negatives\.jsonl:1: not valid JSON/],
      ['{"q": "a", "category": "offtopic"}', options('themes', 'hall'), /a hall set has no themes file/],
    ];
    for (const [line, given, message] of cases) {
      expect(() => parseDevsetFile(`\n\n${line}`, given), line).toThrow();
      expect(() => parseDevsetFile(line, given), line).toThrow(message);
    }
  });
});
