/**
 * OCR bench (part of `npm run bench`, or alone: `tsx bench/ocr-bench.ts`): the worker's model load,
 * and the time per page of the worker-backed reader over the generated document samples
 * (tests/helpers/document-samples.ts: nine layouts × clean, skewed, turned, blurred, low-contrast,
 * noisy-JPEG), median and p95, overall and per variant. Reported, never judged: the target is
 * ≤ 1.5 s per page on the project machine.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createOcrDocumentReader } from '../bot/precheck/documents/ocr-document-reader.ts';
import { formatTable } from '../eval/format-report.ts';
import { summarizeLatency } from '../eval/metrics/latency.ts';
import { renderDocumentSamples, SAMPLE_VARIANTS } from '../tests/helpers/document-samples.ts';

export interface OcrBenchResult {
  /** From creating the reader to its worker reporting the models loaded (thread start included). */
  workerStartMs: number;
  /** Loading the detection and recognition models inside the worker. */
  modelLoadMs: number;
  /** The worker's first small reading after loading (onnxruntime's first run of each model). */
  warmUpMs: number;
  samples: number;
  typesRight: number;
  rows: { label: string; latency: ReturnType<typeof summarizeLatency> }[];
  /** The machine's 1-minute load average at the start and the end: the figures depend on it. */
  load: [number, number];
}

export async function benchOcr(): Promise<OcrBenchResult> {
  const loadBefore = os.loadavg()[0];
  const samples = await renderDocumentSamples();
  const directory = await mkdtemp(path.join(os.tmpdir(), 'daoban-ocr-bench-'));
  const started = performance.now();
  const reader = createOcrDocumentReader({ workers: 1, timeoutMs: 120_000 });
  try {
    const { modelLoadMs, warmUpMs } = await reader.warmUp();
    const workerStartMs = performance.now() - started;
    const times = new Map<string, number[]>();
    let typesRight = 0;
    for (const [index, sample] of samples.entries()) {
      const file = path.join(directory, `${index}.${sample.contentType === 'image/png' ? 'png' : 'jpg'}`);
      await writeFile(file, sample.image);
      const readStarted = performance.now();
      const reading = await reader.read({ path: file, contentType: sample.contentType });
      const elapsed = performance.now() - readStarted;
      if (reading.documentType === sample.type) typesRight += 1;
      times.set(sample.variant, [...(times.get(sample.variant) ?? []), elapsed]);
    }
    const all = [...times.values()].flat();
    const upright = SAMPLE_VARIANTS.filter((variant) => variant !== 'turned').flatMap(
      (variant) => times.get(variant) ?? [],
    );
    return {
      workerStartMs,
      modelLoadMs,
      warmUpMs,
      samples: samples.length,
      typesRight,
      load: [loadBefore, os.loadavg()[0]],
      rows: [
        { label: 'all samples', latency: summarizeLatency(all) },
        { label: 'all but turned', latency: summarizeLatency(upright) },
        ...SAMPLE_VARIANTS.map((variant) => ({
          label: variant,
          latency: summarizeLatency(times.get(variant) ?? []),
        })),
      ],
    };
  } finally {
    await reader.close();
    await rm(directory, { recursive: true, force: true });
  }
}

export function formatOcrBench(result: OcrBenchResult): string {
  const table = formatTable(
    ['OCR pages', 'count', 'median s', 'p95 s', 'mean s'],
    result.rows.map(({ label, latency }) => [
      label,
      String(latency.count),
      (latency.p50 / 1000).toFixed(2),
      (latency.p95 / 1000).toFixed(2),
      (latency.mean / 1000).toFixed(2),
    ]),
  );
  return (
    `${table}\nOCR model load ${(result.modelLoadMs / 1000).toFixed(2)} s, first run ` +
    `${(result.warmUpMs / 1000).toFixed(2)} s (worker ready after ` +
    `${(result.workerStartMs / 1000).toFixed(2)} s); type right ${result.typesRight}/${result.samples}; ` +
    `one worker, ${os.cpus().length} CPUs, load average ${result.load.map((value) => value.toFixed(1)).join(' → ')}`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  benchOcr().then(
    (result) => console.log(formatOcrBench(result)),
    (error: unknown) => {
      console.error(`OCR bench failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
