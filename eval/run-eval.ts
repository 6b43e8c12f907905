/**
 * `npm run eval -- [--index DIR | --catalog F --hall H] [--questions Q] [--docs D] [--json] [--verbose]`
 *
 * Measures the assistant on labelled questions, in process, beside a plain BM25 baseline computed in
 * the same run. Given a catalog it first builds a temporary index with the built-in embedder. With no
 * arguments it measures the shipped catalog and the unseen catalogs of two other halls, one table each:
 * the second is the honest number, since nothing in the system was tuned on it.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings } from '../config/settings.ts';
import { Bm25Baseline } from './bm25-baseline.ts';
import { evaluateQuestions } from './evaluate.ts';
import { formatReport } from './format-report.ts';
import { loadCatalog } from './load-catalog-items.ts';
import { acceptableItems, loadQuestions } from './question-schema.ts';
import type { EvalQuestion } from './question-schema.ts';
import type { EvalReport } from './summarize-results.ts';
import { buildEvalIndex, openEvalAssistant, PROJECT_ROOT } from './system-under-test.ts';

const DATA_DIR = path.join(PROJECT_ROOT, 'eval', 'data');

interface Target {
  label: string;
  questionsFile: string;
  /** Catalog for the baseline, and for building the index when `indexDir` is absent. */
  catalogFile: string;
  hallFile?: string;
  docsDir?: string;
  indexDir?: string;
}

function targetsFromArguments(): { targets: Target[]; json: boolean; verbose: boolean } {
  const { values } = parseArgs({
    options: {
      index: { type: 'string' },
      catalog: { type: 'string' },
      hall: { type: 'string' },
      docs: { type: 'string' },
      questions: { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  const settings = loadSettings();
  const resolve = (file: string | undefined) => (file === undefined ? undefined : path.resolve(file));
  const json = values.json ?? false;
  const verbose = values.verbose ?? false;

  if (values.index === undefined && values.catalog === undefined) {
    return {
      json,
      verbose,
      targets: [
        {
          label: 'default catalog',
          questionsFile: resolve(values.questions) ?? path.join(DATA_DIR, 'questions.jsonl'),
          catalogFile: settings.catalogFile,
          hallFile: settings.hallFile,
          docsDir: existsSync(settings.docsDir) ? settings.docsDir : undefined,
        },
        {
          label: 'other hall (unseen catalog)',
          questionsFile: path.join(DATA_DIR, 'other-hall', 'questions.jsonl'),
          catalogFile: path.join(DATA_DIR, 'other-hall', 'catalog.json'),
          hallFile: path.join(DATA_DIR, 'other-hall', 'hall.json'),
        },
        {
          label: 'third hall (unseen catalog)',
          questionsFile: path.join(DATA_DIR, 'third-hall', 'questions.jsonl'),
          catalogFile: path.join(DATA_DIR, 'third-hall', 'catalog.json'),
          hallFile: path.join(DATA_DIR, 'third-hall', 'hall.json'),
        },
      ],
    };
  }
  const catalogFile = resolve(values.catalog) ?? settings.catalogFile;
  const besideCatalog = path.join(path.dirname(catalogFile), 'questions.jsonl');
  const questionsFile =
    resolve(values.questions) ??
    (values.catalog !== undefined && existsSync(besideCatalog)
      ? besideCatalog
      : path.join(DATA_DIR, 'questions.jsonl'));
  if (values.index === undefined && values.hall === undefined) {
    throw new Error('--catalog needs --hall (the hall layout file of that catalog)');
  }
  return {
    json,
    verbose,
    targets: [
      {
        label: values.index !== undefined ? `index ${values.index}` : `catalog ${values.catalog}`,
        questionsFile,
        catalogFile,
        hallFile: resolve(values.hall),
        docsDir: resolve(values.docs),
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

async function evaluateTarget(target: Target, quiet: boolean): Promise<EvalReport> {
  const questions = await loadQuestions(target.questionsFile);
  const catalog = await loadCatalog(target.catalogFile);
  const unknown = unknownLabels(questions, new Set(catalog.items.map((item) => item.name)));
  if (unknown.length > 0) {
    console.error(
      `warning: ${unknown.length} labels name no item of the catalog:\n  ${unknown.join('\n  ')}`,
    );
  }

  let temporaryDir: string | undefined;
  let indexDir = target.indexDir;
  try {
    if (indexDir === undefined) {
      temporaryDir = await mkdtemp(path.join(os.tmpdir(), 'daoban-eval-'));
      indexDir = temporaryDir;
      if (!quiet) console.error(`building a temporary index of ${target.catalogFile} …`);
      await buildEvalIndex({
        catalogFile: target.catalogFile,
        hallFile: target.hallFile ?? loadSettings().hallFile,
        docsDir: target.docsDir,
        outDir: indexDir,
      });
    }
    const assistant = await openEvalAssistant(indexDir);
    return await evaluateQuestions({
      label: target.label,
      questions,
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
  } finally {
    if (temporaryDir !== undefined) await rm(temporaryDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { targets, json, verbose } = targetsFromArguments();
  const reports: EvalReport[] = [];
  for (const target of targets) {
    const report = await evaluateTarget(target, json);
    reports.push(report);
    if (!json) console.log(`${formatReport(report, verbose)}\n`);
  }
  if (json) console.log(JSON.stringify(reports, null, 2));
}

main().catch((error: unknown) => {
  const coded = error as { code?: string; message?: string };
  console.error(`eval failed${coded.code ? ` [${coded.code}]` : ''}: ${coded.message ?? String(error)}`);
  process.exitCode = 1;
});
