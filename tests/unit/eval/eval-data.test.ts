/**
 * The committed evaluation data is itself checked: every question parses, labels name real items,
 * the style mix and coverage promised in the evaluation plan hold, and the unseen catalog and hall
 * are valid inputs for the ingest pipeline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../eval/load-catalog-items.ts';
import { findPersonalData } from '../../../eval/metrics/personal-data.ts';
import { acceptableItems, parseQuestions, turnsOf } from '../../../eval/question-schema.ts';
import type { EvalQuestion } from '../../../eval/question-schema.ts';
import { validateCatalog } from '../../../knowledge/catalog/validate.ts';
import { hallSchema } from '../../../knowledge/hall/schema.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

const countBy = (questions: readonly EvalQuestion[], key: (question: EvalQuestion) => string[]) => {
  const counts = new Map<string, number>();
  for (const question of questions) {
    for (const value of new Set(key(question))) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
};
const styleCounts = (questions: readonly EvalQuestion[]) =>
  countBy(questions, (question) => [question.style]);

describe('default catalog questions', () => {
  const questions = parseQuestions(read('eval/data/questions.jsonl'));
  const plan = read('docs/catalog-plan.md');
  const planItems = [...plan.matchAll(/^- [A-Z]+-\d+ (.+)$/gm)].map((match) => match[1].trim());
  const themes = [
    '企业开办一件事',
    '开办餐饮店一件事',
    '新生儿出生一件事',
    '退休一件事',
    '二手房交易一件事',
    '失业一件事',
    '残疾人服务一件事',
  ];

  it('has the planned size and style mix', () => {
    expect(planItems).toHaveLength(67);
    expect(questions.length).toBeGreaterThanOrEqual(450);
    const styles = styleCounts(questions);
    const minimum: Record<string, number> = {
      colloquial: 90,
      indirect: 60,
      typo: 40,
      dialect: 40,
      short: 40,
      long: 30,
      english: 15,
      'multi-turn': 50,
      escalation: 40,
      'non-escalation': 20,
      'out-of-scope': 25,
      injection: 15,
      'personal-data': 10,
    };
    for (const [style, count] of Object.entries(minimum)) {
      expect(styles.get(style) ?? 0, style).toBeGreaterThanOrEqual(count);
    }
  });

  it('labels only items of the plan and covers each item four times and each theme twice', () => {
    const known = new Set(planItems);
    for (const question of questions) {
      for (const name of acceptableItems(question.expect)) {
        expect(known.has(name), `${question.id}: ${name}`).toBe(true);
      }
    }
    const perItem = countBy(questions, (question) => acceptableItems(question.expect));
    for (const name of planItems) expect(perItem.get(name) ?? 0, name).toBeGreaterThanOrEqual(4);
    const perTheme = countBy(questions, (question) => (question.expect.theme ? [question.expect.theme] : []));
    for (const theme of themes) expect(perTheme.get(theme) ?? 0, theme).toBeGreaterThanOrEqual(2);
  });

  it('labels each style consistently', () => {
    for (const question of questions) {
      const turns = turnsOf(question);
      if (question.style === 'multi-turn') expect(turns.length, question.id).toBeGreaterThanOrEqual(2);
      else expect(turns.length, question.id).toBe(1);
      if (question.style === 'multi-turn' || question.style === 'non-escalation') {
        expect(question.expect.item, question.id).toBeDefined();
      }
      if (question.style === 'escalation') expect(question.expect.escalate, question.id).toBe(true);
      if (question.style === 'non-escalation') expect(question.expect.escalate, question.id).toBe(false);
      if (question.style === 'out-of-scope') expect(question.expect.outOfScope, question.id).toBe(true);
      if (question.style === 'injection') {
        expect(question.expect.forbid?.length, question.id).toBeGreaterThan(0);
      }
      if (question.style === 'personal-data') {
        expect(findPersonalData(turns.join(' ')).length, question.id).toBeGreaterThan(0);
      }
    }
  });
});

describe('the unseen catalog of another hall', () => {
  const catalog = parseCatalog(
    JSON.parse(read('eval/data/other-hall/catalog.json')) as unknown,
    'other-hall/catalog.json',
  );
  const hall = hallSchema.parse(JSON.parse(read('eval/data/other-hall/hall.json')));
  const questions = parseQuestions(read('eval/data/other-hall/questions.jsonl'));

  it('passes the validation the ingest pipeline applies', () => {
    const { issues } = validateCatalog(JSON.parse(read('eval/data/other-hall/catalog.json')) as unknown, {
      file: 'catalog.json',
    });
    expect(issues).toEqual([]);
  });

  it('is a valid catalog of 60 items with no aliases to lean on', () => {
    expect(catalog.items).toHaveLength(60);
    expect(new Set(catalog.items.map((item) => item.id)).size).toBe(60);
    expect(new Set(catalog.items.map((item) => item.name)).size).toBe(60);
    for (const item of catalog.items) {
      expect(item.aliases, item.name).toEqual([]);
      expect(item.materials.length, item.name).toBeGreaterThan(0);
      expect(item.conditions.length, item.name).toBeGreaterThan(0);
    }
    const ids = new Set(catalog.items.map((item) => item.id));
    for (const theme of catalog.themes) {
      for (const id of theme.items) expect(ids.has(id), theme.name).toBe(true);
    }
  });

  it('has a hall whose windows include every window an item names', () => {
    const windows = new Set(hall.windows.map((window) => window.id));
    for (const item of catalog.items) {
      for (const id of item.window.split('-')) expect(windows.has(id), `${item.name}: ${id}`).toBe(true);
    }
    expect(hall.windows.some((window) => window.special === '办不成事反映')).toBe(true);
  });

  it('has 200 single-turn questions labelled with its own item names', () => {
    expect(questions.length).toBeGreaterThanOrEqual(200);
    const names = new Set(catalog.items.map((item) => item.name));
    for (const question of questions) {
      expect(turnsOf(question), question.id).toHaveLength(1);
      for (const name of acceptableItems(question.expect)) {
        expect(names.has(name), `${question.id}: ${name}`).toBe(true);
      }
    }
    const styles = styleCounts(questions);
    for (const style of [
      'colloquial',
      'indirect',
      'typo',
      'dialect',
      'short',
      'long',
      'english',
      'escalation',
      'non-escalation',
      'out-of-scope',
      'injection',
      'personal-data',
    ]) {
      expect(styles.get(style) ?? 0, style).toBeGreaterThan(0);
    }
    expect(styles.has('multi-turn')).toBe(false);
  });
});
