/**
 * The default index: built from the shipped catalog, hall and policies into `settings.indexDir`
 * the first time something needs it (`npm start`, `npm run ask`, `npm run precheck` with no --index).
 */
import type { Settings } from '../config/settings.ts';
import type { Embedder } from '../knowledge/contracts.ts';
import { readCurrentVersion } from '../knowledge/index/index-folder.ts';
import { buildIndex, type BuildSummary } from './build-index.ts';

/** Builds the default index when `settings.indexDir` has none; returns the summary if it built. */
export async function ensureDefaultIndex(
  settings: Settings,
  embedder: Embedder,
  onBuild?: () => void,
): Promise<BuildSummary | undefined> {
  if (await readCurrentVersion(settings.indexDir)) return undefined;
  onBuild?.();
  return buildIndex({
    catalogFile: settings.catalogFile,
    docsDir: settings.docsDir,
    hallFile: settings.hallFile,
    outDir: settings.indexDir,
    embedder,
  });
}
