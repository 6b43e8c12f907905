/**
 * `npm run bench`: ingest throughput (items/s, chunks/s), in-process answer latency (p50/p95/p99) and
 * memory (RSS, heap) for the shipped catalog and for a generated 10,000-item catalog. It prints a
 * table and never fails on timing: numbers depend on the machine, so they are reported, not judged.
 * The assistant is opened through the runtime (via eval/system-under-test.ts), as `npm start` opens it.
 * Then the OCR reader's model load and time per page (bench/ocr-bench.ts; `--no-ocr` skips it).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadSettings } from '../config/settings.ts';
import { formatTable } from '../eval/format-report.ts';
import { loadCatalog } from '../eval/load-catalog-items.ts';
import { summarizeLatency } from '../eval/metrics/latency.ts';
import { loadQuestions, turnsOf } from '../eval/question-schema.ts';
import { buildEvalIndex, openEvalAssistant, PROJECT_ROOT } from '../eval/system-under-test.ts';
import { generateCatalog } from './generate-catalog.ts';
import { runSpeechBench } from './speech-bench.ts';
import { benchOcr, formatOcrBench } from './ocr-bench.ts';

interface BenchRow {
  label: string;
  items: number;
  chunks: number;
  ingestSeconds: number;
  questions: number;
  latency: ReturnType<typeof summarizeLatency>;
  rssMb: number;
  heapMb: number;
}

const ASPECT_FRAMES = [
  '{}要带什么材料',
  '{}在哪个窗口办',
  '{}多久能办好',
  '{}要交钱吗',
  '{}能在网上办吗',
  '请问{}需要什么条件',
];

/** Questions for a generated catalog: item names in everyday frames, spread over the catalog. */
function questionsForNames(names: readonly string[], count: number): string[][] {
  const step = Math.max(1, Math.floor(names.length / count));
  return Array.from({ length: Math.min(count, names.length) }, (_, index) => {
    const name = names[index * step].replace(/（.*?）/g, '');
    return [ASPECT_FRAMES[index % ASPECT_FRAMES.length].replace('{}', name)];
  });
}

const megabytes = (bytes: number) => bytes / 1024 / 1024;

async function benchCatalog(options: {
  label: string;
  catalogFile: string;
  hallFile: string;
  docsDir?: string;
  questions: string[][];
}): Promise<BenchRow> {
  const catalog = await loadCatalog(options.catalogFile);
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'daoban-bench-'));
  try {
    const started = performance.now();
    const summary = await buildEvalIndex({
      catalogFile: options.catalogFile,
      hallFile: options.hallFile,
      docsDir: options.docsDir,
      outDir,
    });
    const ingestSeconds = (performance.now() - started) / 1000;
    const assistant = await openEvalAssistant(outDir);
    // One warm-up question so that lazy loading (dictionary, index files) is not counted as latency.
    await assistant.ask(options.questions[0] ?? ['你好']);
    const latencies: number[] = [];
    for (const turns of options.questions) {
      const askStarted = performance.now();
      await assistant.ask(turns);
      latencies.push(performance.now() - askStarted);
    }
    const memory = process.memoryUsage();
    return {
      label: options.label,
      items: catalog.items.length,
      chunks: summary.chunks,
      ingestSeconds,
      questions: latencies.length,
      latency: summarizeLatency(latencies),
      rssMb: megabytes(memory.rss),
      heapMb: megabytes(memory.heapUsed),
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

function formatBench(rows: readonly BenchRow[]): string {
  const header = [
    'catalog',
    'items',
    'chunks',
    'ingest s',
    'items/s',
    'chunks/s',
    'questions',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'RSS MB',
    'heap MB',
  ];
  return formatTable(
    header,
    rows.map((row) => [
      row.label,
      String(row.items),
      String(row.chunks),
      row.ingestSeconds.toFixed(2),
      (row.items / row.ingestSeconds).toFixed(1),
      (row.chunks / row.ingestSeconds).toFixed(1),
      String(row.questions),
      row.latency.p50.toFixed(1),
      row.latency.p95.toFixed(1),
      row.latency.p99.toFixed(1),
      row.rssMb.toFixed(0),
      row.heapMb.toFixed(0),
    ]),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '10000' },
      questions: { type: 'string', default: '200' },
      json: { type: 'boolean', default: false },
      ocr: { type: 'boolean', default: true },
    },
    allowNegative: true,
  });
  const settings = loadSettings();
  const questionCount = Number(values.questions);
  const rows: BenchRow[] = [];

  const evalQuestions = await loadQuestions(path.join(PROJECT_ROOT, 'eval', 'data', 'questions.jsonl'));
  rows.push(
    await benchCatalog({
      label: 'default',
      catalogFile: settings.catalogFile,
      hallFile: settings.hallFile,
      docsDir: existsSync(settings.docsDir) ? settings.docsDir : undefined,
      questions: evalQuestions.slice(0, questionCount).map(turnsOf),
    }),
  );

  const generated = generateCatalog(Number(values.items));
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'daoban-bench-catalog-'));
  try {
    const catalogFile = path.join(scratch, 'catalog.json');
    await writeFile(catalogFile, JSON.stringify(generated));
    rows.push(
      await benchCatalog({
        label: `generated ${generated.items.length}`,
        catalogFile,
        hallFile: settings.hallFile,
        questions: questionsForNames(
          generated.items.map((item) => item.name),
          questionCount,
        ),
      }),
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else {
    console.log(
      `${formatBench(rows)}\n(Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}; memory after the run)`,
    );
  }
  // The hall screen guide's voice (issue 12): its own server, its own table.
  if (!values.json) console.log(`\n${await runSpeechBench()}`);

  // Reading uploaded documents (issue 11); `--no-ocr` leaves it out.
  if (values.ocr) {
    const ocr = await benchOcr();
    console.log(values.json ? JSON.stringify({ ocr }, null, 2) : `\n${formatOcrBench(ocr)}`);
  }
}

main().catch((error: unknown) => {
  const coded = error as { code?: string; message?: string };
  console.error(`bench failed${coded.code ? ` [${coded.code}]` : ''}: ${coded.message ?? String(error)}`);
  process.exitCode = 1;
});
