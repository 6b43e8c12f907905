/**
 * The system being measured, opened the way the hall runs it by default: an index built with the
 * built-in embedder and the assistant opened on it through the runtime with that same embedder (so
 * the vector signal is measured too) and no chat model. Evaluation and benchmarks share this so they
 * measure the same configuration as `npm start` and `npm run ask`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSettings, type Settings } from '../config/settings.ts';
import type { Assistant } from '../bot/types.ts';
import { buildIndex } from '../ingest/build-index.ts';
import type { BuildSummary } from '../ingest/build-index.ts';
import type { Embedder } from '../knowledge/contracts.ts';
import { createEmbedder } from '../knowledge/embedders/create-embedder.ts';
import { buildRuntime, type RuntimeOverrides } from '../runtime/build-runtime.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The default configuration: built-in embedder, no chat model, whatever the environment says. */
const EVAL_EMBEDDER: Settings['embedder'] = { kind: 'builtin' };

let builtin: Promise<Embedder> | undefined;

/** The built-in embedder, created once per process. */
export function builtinEmbedder(): Promise<Embedder> {
  builtin ??= createEmbedder(EVAL_EMBEDDER);
  return builtin;
}

export async function buildEvalIndex(options: {
  catalogFile: string;
  hallFile: string;
  docsDir?: string;
  outDir: string;
}): Promise<BuildSummary> {
  return buildIndex({ ...options, embedder: await builtinEmbedder() });
}

export async function openEvalAssistant(
  indexDir: string,
  variant: Pick<RuntimeOverrides, 'tuning' | 'useVectors' | 'lexicon'> = {},
): Promise<Pick<Assistant, 'ask'>> {
  const settings: Settings = { ...loadSettings(), embedder: EVAL_EMBEDDER, chatModel: undefined };
  const runtime = await buildRuntime(settings, {
    indexDir,
    embedder: await builtinEmbedder(),
    chatModel: null,
    ...variant,
  });
  return runtime.assistant;
}
