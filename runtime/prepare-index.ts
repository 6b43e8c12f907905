/**
 * The index half of the runtime: the embedder that settings choose, and the index folder to open.
 * Without a folder from the caller this is the default index in `settings.indexDir`, built from the
 * shipped catalog, hall and policies the first time something needs it. Kept apart from
 * `build-runtime.ts` so that a tool needing only the indexed catalog (`npm run precheck`) does not
 * load the assistant.
 */
import type { Settings } from '../config/settings.ts';
import type { BuildSummary } from '../ingest/build-index.ts';
import { ensureDefaultIndex } from '../ingest/default-index.ts';
import type { Embedder } from '../knowledge/contracts.ts';
import { createEmbedder } from '../knowledge/embedders/create-embedder.ts';

export interface IndexOverrides {
  /** Use this embedder instead of the one `settings.embedder` describes. */
  embedder?: Embedder;
  /** Open this index folder as it is (never built here) instead of the default index. */
  indexDir?: string;
  /** Called before the default index is built (it takes a while on a fresh checkout). */
  onBuildStart?: () => void;
}

export interface PreparedIndex {
  embedder: Embedder;
  indexDir: string;
  /** Present when the default index had to be built now. */
  built?: BuildSummary;
}

export async function prepareIndex(
  settings: Settings,
  overrides: IndexOverrides = {},
): Promise<PreparedIndex> {
  const embedder = overrides.embedder ?? (await createEmbedder(settings.embedder));
  if (overrides.indexDir !== undefined) return { embedder, indexDir: overrides.indexDir };
  const built = await ensureDefaultIndex(settings, embedder, overrides.onBuildStart);
  return { embedder, indexDir: settings.indexDir, built };
}
