/**
 * The evaluation suites, each a catalog (with its hall and documents) and the questions asked of it,
 * on one side of the fixed split:
 *
 * - `default`, `qingchuan`: the independent sets of eval/data/devsets, dev and holdout;
 * - `own-default`, `hand-over`, `dialogues`, `other-hall`, `third-hall`: the project's own sets, dev only (they
 *   were used to tune the system).
 *
 * Holdout suites are only run to report a finished change. Importing this module has no side effects
 * (a training script reads `loadSuites('dev')`); paths are fixed, not taken from settings, so that the
 * labels always meet the catalog they were written for.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { labelCatalog, loadDevsetFolder } from './devsets.ts';
import type { DevsetFlavour } from './devsets.ts';
import { loadCatalog } from './load-catalog-items.ts';
import { loadQuestions } from './question-schema.ts';
import type { EvalQuestion } from './question-schema.ts';

export type Split = 'dev' | 'holdout';

export interface Suite {
  name: string;
  split: Split;
  catalogFile: string;
  hallFile: string;
  docsDir?: string;
  questions: EvalQuestion[];
}

export const SUITES_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EVAL_DATA = path.join(SUITES_ROOT, 'eval', 'data');
export const DEVSETS_DIR = path.join(EVAL_DATA, 'devsets');
const SHIPPED = path.join(SUITES_ROOT, 'knowledge', 'data');

interface DevsetSource {
  kind: 'devset';
  name: string;
  folder: string;
  flavour: DevsetFlavour;
  catalogFile: string;
  hallFile: string;
  docsDir?: string;
}

interface OwnSource {
  kind: 'own';
  name: string;
  questionsFile: string;
  catalogFile: string;
  hallFile: string;
  docsDir?: string;
}

const shippedDocs = path.join(SHIPPED, 'policies');

const SOURCES: ReadonlyArray<DevsetSource | OwnSource> = [
  {
    kind: 'devset',
    name: 'default',
    folder: path.join(DEVSETS_DIR, 'default'),
    flavour: 'default',
    catalogFile: path.join(SHIPPED, 'catalog.json'),
    hallFile: path.join(SHIPPED, 'hall.json'),
    docsDir: shippedDocs,
  },
  {
    kind: 'devset',
    name: 'qingchuan',
    folder: path.join(DEVSETS_DIR, 'qingchuan-hall'),
    flavour: 'hall',
    catalogFile: path.join(DEVSETS_DIR, 'qingchuan-hall', 'catalog.json'),
    hallFile: path.join(DEVSETS_DIR, 'qingchuan-hall', 'hall.json'),
  },
  {
    kind: 'own',
    name: 'own-default',
    questionsFile: path.join(EVAL_DATA, 'questions.jsonl'),
    catalogFile: path.join(SHIPPED, 'catalog.json'),
    hallFile: path.join(SHIPPED, 'hall.json'),
    docsDir: shippedDocs,
  },
  {
    kind: 'own',
    name: 'hand-over',
    questionsFile: path.join(EVAL_DATA, 'hand-over', 'questions.jsonl'),
    catalogFile: path.join(SHIPPED, 'catalog.json'),
    hallFile: path.join(SHIPPED, 'hall.json'),
    docsDir: shippedDocs,
  },
  {
    kind: 'own',
    name: 'dialogues',
    questionsFile: path.join(EVAL_DATA, 'dialogues', 'questions.jsonl'),
    catalogFile: path.join(SHIPPED, 'catalog.json'),
    hallFile: path.join(SHIPPED, 'hall.json'),
    docsDir: shippedDocs,
  },
  {
    kind: 'own',
    name: 'other-hall',
    questionsFile: path.join(EVAL_DATA, 'other-hall', 'questions.jsonl'),
    catalogFile: path.join(EVAL_DATA, 'other-hall', 'catalog.json'),
    hallFile: path.join(EVAL_DATA, 'other-hall', 'hall.json'),
  },
  {
    kind: 'own',
    name: 'third-hall',
    questionsFile: path.join(EVAL_DATA, 'third-hall', 'questions.jsonl'),
    catalogFile: path.join(EVAL_DATA, 'third-hall', 'catalog.json'),
    hallFile: path.join(EVAL_DATA, 'third-hall', 'hall.json'),
  },
];

/** Names of all suites, in the order they are run. */
export const SUITE_NAMES: readonly string[] = SOURCES.map((source) => source.name);

const relative = (file: string) => path.relative(SUITES_ROOT, file);

/**
 * The suites of a split, in a fixed order (per split: default, qingchuan, then the own sets on the
 * dev side). Every question line is validated; labels must name items of the suite's catalog.
 */
export async function loadSuites(split: Split | 'all'): Promise<Suite[]> {
  const splits: Split[] = split === 'all' ? ['dev', 'holdout'] : [split];
  const suites: Suite[] = [];
  for (const side of splits) {
    for (const source of SOURCES) {
      const docsDir = source.docsDir !== undefined && existsSync(source.docsDir) ? source.docsDir : undefined;
      const base = {
        name: source.name,
        split: side,
        catalogFile: source.catalogFile,
        hallFile: source.hallFile,
      };
      if (source.kind === 'own') {
        if (side !== 'dev') continue;
        suites.push({
          ...base,
          ...(docsDir ? { docsDir } : {}),
          questions: await loadQuestions(source.questionsFile),
        });
        continue;
      }
      const catalog = labelCatalog(await loadCatalog(source.catalogFile));
      const dir = path.join(source.folder, side);
      const questions = await loadDevsetFolder({
        dir,
        flavour: source.flavour,
        catalog,
        idPrefix: `${source.name}/${side}`,
        displayDir: relative(dir),
      });
      suites.push({ ...base, ...(docsDir ? { docsDir } : {}), questions });
    }
  }
  return suites;
}
