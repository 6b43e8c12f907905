/**
 * `npm run ingest`: builds an index version from a catalog (and optionally policy documents and the
 * hall layout) and switches the index to it. With no arguments it builds the default index from
 * settings. A progress bar is drawn only on an interactive terminal, so logs and pipes stay clean;
 * the final summary line (or JSON with --json) is always printed, and every catalog warning (file,
 * row, column, reason) goes to stderr. Exit code 0 on success, 1 when the input or the build fails
 * (every catalog error is printed; with --strict warnings count as errors), 2 on wrong arguments.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SingleBar } from 'cli-progress';
import { loadSettings } from '../config/settings.ts';
import { formatCatalogIssue, type CatalogIssue } from '../knowledge/catalog/catalog-issue.ts';
import { createEmbedder } from '../knowledge/embedders/create-embedder.ts';
import { buildIndex, type BuildProgress, type BuildSummary } from './build-index.ts';
import { CliUsageError, INGEST_USAGE, parseIngestArguments } from './cli-arguments.ts';

const PHASE_LABELS: Record<BuildProgress['phase'], string> = {
  load: '读取',
  chunk: '切分',
  embed: '嵌入',
  write: '写入',
};

export function formatSummary(summary: BuildSummary): string {
  return (
    `已建立索引 v${summary.version}：事项 ${summary.items} 个，片段 ${summary.chunks} 个` +
    `（新嵌入 ${summary.embedded}，复用 ${summary.reused}），文档 ${summary.documents} 份，` +
    `错误 ${summary.errors} 个，提醒 ${summary.warnings} 处，用时 ${summary.seconds.toFixed(1)} 秒`
  );
}

/** One stderr line per catalog warning: file, row, column and reason. */
function printWarnings(warnings: CatalogIssue[]): void {
  for (const warning of warnings) process.stderr.write(`提醒：${formatCatalogIssue(warning)}\n`);
}

function createProgressReporter(): { onProgress?: (progress: BuildProgress) => void; stop(): void } {
  if (!process.stderr.isTTY) return { stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: '{phase} [{bar}] {value}/{total}',
    hideCursor: true,
    clearOnComplete: true,
  });
  let phase: BuildProgress['phase'] | undefined;
  return {
    onProgress(progress) {
      if (progress.phase !== phase) {
        if (phase) bar.stop();
        phase = progress.phase;
        bar.start(Math.max(progress.total, 1), progress.done, { phase: PHASE_LABELS[progress.phase] });
      } else {
        bar.setTotal(Math.max(progress.total, 1));
        bar.update(progress.done);
      }
    },
    stop: () => {
      if (phase) bar.stop();
    },
  };
}

export async function runIngestCli(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseIngestArguments(argv);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n\n${INGEST_USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    process.stdout.write(`${INGEST_USAGE}\n`);
    return 0;
  }

  const reporter = createProgressReporter();
  try {
    const settings = loadSettings();
    // An explicit catalog means an explicit set of inputs: the default documents are not mixed in.
    const explicit = args.catalog !== undefined;
    const summary = await buildIndex({
      catalogFile: path.resolve(args.catalog ?? settings.catalogFile),
      docsDir: args.docs ? path.resolve(args.docs) : explicit ? undefined : settings.docsDir,
      hallFile: path.resolve(args.hall ?? settings.hallFile),
      outDir: path.resolve(args.out ?? settings.indexDir),
      embedder: await createEmbedder(settings.embedder),
      onProgress: reporter.onProgress,
      strict: args.strict,
    });
    reporter.stop();
    for (const problem of summary.errorDetails) process.stderr.write(`警告：${problem.message}\n`);
    printWarnings(summary.warningDetails);
    process.stdout.write(args.json ? `${JSON.stringify(summary)}\n` : `${formatSummary(summary)}\n`);
    return 0;
  } catch (error) {
    reporter.stop();
    const code = (error as { code?: unknown } | null)?.code;
    const message = error instanceof Error ? error.message : String(error);
    // Coded errors carry a message written for the operator; anything else is a bug worth its stack.
    process.stderr.write(
      typeof code === 'string'
        ? `索引未建立：${message}\n`
        : `索引未建立：${(error as Error)?.stack ?? message}\n`,
    );
    return 1;
  }
}

// Run only as a program, so tests can import formatSummary without starting a build.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await runIngestCli(process.argv.slice(2));
}
