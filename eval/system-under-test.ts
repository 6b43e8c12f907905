/**
 * The system being measured, opened the way the hall runs it by default: an index built with the
 * built-in embedder and the assistant opened on it with that same embedder (so the vector signal is
 * measured too). Evaluation and benchmarks share this so they measure the same configuration.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAssistant } from '../bot/open-assistant.ts';
import type { Assistant } from '../bot/types.ts';
import { buildIndex } from '../ingest/build-index.ts';
import type { BuildSummary } from '../ingest/build-index.ts';
import type { Embedder } from '../knowledge/contracts.ts';
import { createEmbedder } from '../knowledge/embedders/create-embedder.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let builtin: Promise<Embedder> | undefined;

/** The built-in embedder, created once per process. */
export function builtinEmbedder(): Promise<Embedder> {
  builtin ??= createEmbedder({ kind: 'builtin' });
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

export async function openEvalAssistant(indexDir: string): Promise<Pick<Assistant, 'ask'>> {
  return openAssistant({ indexDir, embedder: await builtinEmbedder() });
}
