/**
 * `npm run eval -- [--split dev|holdout|all] [--suite NAME] [--json] [--verbose]`
 * `npm run eval -- [--index DIR | --catalog F --hall H] [--questions Q] [--docs D] [--json] [--verbose]`
 *
 * Measures the assistant on labelled questions, in process, beside a fair BM25 baseline computed in
 * the same run. With no arguments it runs every suite of eval/suites.ts and prints the dev side and
 * the holdout side separately, one table per suite: the holdout figures are the honest ones, since
 * nothing was tuned on them (run them to report, not to tune). Given a catalog (or an index) and a
 * question file it measures any hall's own catalog instead. A temporary index is built with the
 * built-in embedder per catalog, and shared by the suites on the same catalog.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings } from '../config/settings.ts';
import { Bm25Baseline } from './bm25-baseline.ts';
import { evaluateQuestions } from './evaluate.ts';
import { formatOverview, formatReport } from './format-report.ts';
import { loadCatalog } from './load-catalog-items.ts';
import { acceptableItems, loadQuestions } from './question-schema.ts';
import type { EvalQuestion } from './question-schema.ts';
import { loadSuites, SUITE_NAMES } from './suites.ts';
import type { Split, Suite } from './suites.ts';
import type { EvalReport } from './summarize-results.ts';
import { buildEvalIndex, openEvalAssistant, PROJECT_ROOT } from './system-under-test.ts';
import { ABLATION_NAMES, ABLATIONS, type Variant } from './ablations.ts';

const DATA_DIR = path.join(PROJECT_ROOT, 'eval', 'data');

interface Target {
  suite: string;
  split: Split | 'custom';
  questions: EvalQuestion[];
  /** Catalog for the baseline, and for building the index when `indexDir` is absent. */
  catalogFile: string;
  hallFile: string;
  docsDir?: string;
  indexDir?: string;
}

interface Run {
  targets: Target[];
  json: boolean;
  verbose: boolean;
  /** Ablations to run (eval/ablations.ts); `none` is the system as shipped. */
  ablations: string[];
}

async function runFromArguments(): Promise<Run> {
  const { values } = parseArgs({
    options: {
      split: { type: 'string', default: 'all' },
      suite: { type: 'string' },
      index: { type: 'string' },
      catalog: { type: 'string' },
      hall: { type: 'string' },
      docs: { type: 'string' },
      questions: { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      ablate: { type: 'string', default: 'none' },
    },
  });
  const ablate = values.ablate ?? 'none';
  if (ablate !== 'all' && !ABLATION_NAMES.includes(ablate)) {
    throw new Error(`unknown --ablate "${ablate}" (one of: all, ${ABLATION_NAMES.join(', ')})`);
  }
  const ablations = ablate === 'all' ? ABLATION_NAMES : [ablate];
  const resolve = (file: string | undefined) => (file === undefined ? undefined : path.resolve(file));
  const json = values.json ?? false;
  const verbose = values.verbose ?? false;

  if (values.index === undefined && values.catalog === undefined && values.questions === undefined) {
    const split = values.split ?? 'all';
    if (split !== 'dev' && split !== 'holdout' && split !== 'all') {
      throw new Error(`--split must be dev, holdout or all, not "${split}"`);
    }
    if (values.suite !== undefined && !SUITE_NAMES.includes(values.suite)) {
      throw new Error(`unknown --suite "${values.suite}" (suites: ${SUITE_NAMES.join(', ')})`);
    }
    const suites = (await loadSuites(split)).filter(
      (suite: Suite) => values.suite === undefined || suite.name === values.suite,
    );
    if (suites.length === 0) throw new Error(`suite ${values.suite} has no ${split} side`);
    return {
      json,
      verbose,
      ablations,
      targets: suites.map((suite) => ({
        suite: suite.name,
        split: suite.split,
        questions: suite.questions,
        catalogFile: suite.catalogFile,
        hallFile: suite.hallFile,
        docsDir: suite.docsDir,
      })),
    };
  }

  const settings = loadSettings();
  const catalogFile = resolve(values.catalog) ?? settings.catalogFile;
  const besideCatalog = path.join(path.dirname(catalogFile), 'questions.jsonl');
  const questionsFile =
    resolve(values.questions) ??
    (values.catalog !== undefined && existsSync(besideCatalog)
      ? besideCatalog
      : path.join(DATA_DIR, 'questions.jsonl'));
  if (values.catalog !== undefined && values.index === undefined && values.hall === undefined) {
    throw new Error('--catalog needs --hall (the hall layout file of that catalog)');
  }
  const custom = values.index === undefined && values.catalog === undefined;
  return {
    json,
    verbose,
    ablations,
    targets: [
      {
        suite:
          values.index !== undefined
            ? `index ${values.index}`
            : values.catalog !== undefined
              ? `catalog ${values.catalog}`
              : 'default catalog',
        split: 'custom',
        questions: await loadQuestions(questionsFile),
        catalogFile,
        hallFile: resolve(values.hall) ?? settings.hallFile,
        docsDir:
          resolve(values.docs) ?? (custom && existsSync(settings.docsDir) ? settings.docsDir : undefined),
        indexDir: resolve(values.index),
      },
    ],
  };
}

/** Labels that name no catalog item are mistakes in the question file, not in the system. */
function unknownLabels(questions: readonly EvalQuestion[], names: ReadonlySet<string>): string[] {
  return questions.flatMap((question) =>
    acceptableItems(question.expect)
      .filter((name) => !names.has(name))
      .map((name) => `${question.id}: ${name}`),
  );
}

/** Temporary indexes, one per catalog + hall + documents, removed when the run ends. */
class IndexCache {
  private readonly built = new Map<string, Promise<string>>();
  private readonly temporary: string[] = [];

  constructor(private readonly quiet: boolean) {}

  indexFor(target: Target): Promise<string> {
    if (target.indexDir !== undefined) return Promise.resolve(target.indexDir);
    const key = JSON.stringify([target.catalogFile, target.hallFile, target.docsDir ?? null]);
    let dir = this.built.get(key);
    if (dir === undefined) {
      dir = this.build(target);
      this.built.set(key, dir);
    }
    return dir;
  }

  private async build(target: Target): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'daoban-eval-'));
    this.temporary.push(dir);
    if (!this.quiet) {
      console.error(`building a temporary index of ${path.relative(PROJECT_ROOT, target.catalogFile)} …`);
    }
    await buildEvalIndex({
      catalogFile: target.catalogFile,
      hallFile: target.hallFile,
      docsDir: target.docsDir,
      outDir: dir,
    });
    return dir;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.temporary.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

async function evaluateTarget(
  target: Target,
  indexes: IndexCache,
  quiet: boolean,
  variant: Variant,
): Promise<EvalReport> {
  const catalog = await loadCatalog(target.catalogFile);
  const unknown = unknownLabels(target.questions, new Set(catalog.items.map((item) => item.name)));
  if (unknown.length > 0) {
    console.error(
      `warning: ${unknown.length} labels name no item of the catalog:\n  ${unknown.join('\n  ')}`,
    );
  }
  const assistant = await openEvalAssistant(await indexes.indexFor(target), variant);
  // One untimed question first, so that lazy start-up work is not charged to the first question.
  await assistant.ask(['你好']);
  const label = target.split === 'custom' ? target.suite : `${target.suite} · ${target.split}`;
  if (!quiet) console.error(`evaluating ${label} …`);
  return evaluateQuestions({
    label,
    questions: target.questions,
    ask: (turns) => assistant.ask(turns),
    baseline: Bm25Baseline.fromItems(catalog.items),
    onProgress: quiet
      ? undefined
      : (done, total) => {
          if (done % 50 === 0 || done === total) {
            process.stderr.write(`  ${done}/${total}${done === total ? '\n' : '\r'}`);
          }
        },
  });
}

const SECTION_TITLES: Record<Target['split'], string> = {
  dev: 'DEV (used for diagnosis and tuning)',
  holdout: 'HOLDOUT (never tuned on: report only)',
  custom: 'CUSTOM',
};

async function main(): Promise<void> {
  const { targets, json, verbose, ablations } = await runFromArguments();
  const indexes = new IndexCache(json);
  const results: Array<{ suite: string; split: Target['split']; ablation: string; report: EvalReport }> = [];
  try {
    for (const ablation of ablations) {
      const { label, variant } = ABLATIONS[ablation];
      if (ablation !== 'none' && !json) console.log(`######## ablation: ${ablation} (${label}) ########\n`);
      for (const split of ['dev', 'holdout', 'custom'] as const) {
        const ofSplit = targets.filter((target) => target.split === split);
        if (ofSplit.length === 0) continue;
        const reports: Array<{ suite: string; report: EvalReport }> = [];
        for (const target of ofSplit) {
          const report = await evaluateTarget(target, indexes, json, variant());
          reports.push({ suite: target.suite, report });
          results.push({ suite: target.suite, split, ablation, report });
        }
        if (json) continue;
        const bar = '='.repeat(24);
        console.log(`${bar} ${SECTION_TITLES[split]} ${bar}\n`);
        // With several ablations only the overview is printed, one line per suite.
        if (ablations.length === 1) {
          for (const { report } of reports) console.log(`${formatReport(report, verbose)}\n`);
        }
        if (reports.length > 1 || ablations.length > 1) {
          console.log(`-- ${split} overview --\n${formatOverview(reports)}\n`);
        }
      }
    }
  } finally {
    await indexes.dispose();
  }
  if (json) console.log(JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  const coded = error as { code?: string; message?: string };
  console.error(`eval failed${coded.code ? ` [${coded.code}]` : ''}: ${coded.message ?? String(error)}`);
  process.exitCode = 1;
});
