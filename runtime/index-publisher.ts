/**
 * Publishing a catalog or hall layout from the staff console: a new index version is built next to
 * the one in service (ingest's `buildIndex`, which re-embeds only what changed and switches the
 * folder's `current` pointer when the version is complete), the assistant is opened on it, and the
 * live holder switches to it in one assignment. Rolling back opens an older version still on disk
 * and switches the same way. The folder's `current` pointer follows, so a restart opens what was
 * last put in service.
 */
import type { VersionInfo } from '../bot/catalog-admin/catalog-admin-ports.ts';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildIndex, type BuildPhase, type BuildSummary } from '../ingest/build-index.ts';
import {
  listVersions,
  readCurrentVersion,
  switchCurrentVersion,
  versionFolder,
} from '../knowledge/index/index-folder.ts';
import { readManifest } from '../knowledge/index/index-store.ts';
import { openAssistant } from '../bot/open-assistant.ts';
import { CatalogAdminError } from '../bot/catalog-admin/errors/catalog-admin-error.ts';
import type { Runtime } from './build-runtime.ts';
import type { LiveRuntime, LiveVersion } from './live-runtime.ts';

export type PublishPhase = BuildPhase | 'open' | 'switch';

export interface PublishProgress {
  phase: PublishPhase;
  done: number;
  total: number;
}

export interface PublishInput {
  /** The new catalog; the live one when omitted (a hall layout is being published). */
  catalogFile?: string;
  /** The new hall layout; the live one when omitted. */
  hallFile?: string;
  onProgress?: (progress: PublishProgress) => void;
}

export interface PublishResult {
  version: string;
  previousVersion: string;
  summary: BuildSummary;
}

/** One version on disk, as the version history shows it (the console's port describes it). */
export type IndexVersionInfo = VersionInfo;

export interface IndexPublisherOptions {
  runtime: Pick<Runtime, 'indexDir' | 'embedder' | 'lexicon' | 'chatModel'>;
  live: LiveRuntime;
  /** Policy documents indexed with every version (the same folder the default index uses). */
  docsDir?: string;
  /** Scratch folder for the live catalog or hall written out as a file for the build. */
  workDir: string;
  /** Awaited after the new version is opened and before it goes live (tests hold a publish here). */
  beforeSwitch?: (version: string) => Promise<void> | void;
}

export function createIndexPublisher(options: IndexPublisherOptions) {
  const { runtime, live } = options;
  const indexDir = runtime.indexDir;

  const openVersion = async (folder: string): Promise<LiveVersion> => {
    const assistant = await openAssistant({
      indexDir: folder,
      embedder: runtime.embedder,
      lexicon: runtime.lexicon,
      chatModel: runtime.chatModel,
    });
    return {
      assistant,
      indexVersion: assistant.indexVersion,
      items: assistant.catalog.items.length,
      catalog: assistant.catalog,
      hall: assistant.hall,
    };
  };

  /** The live catalog or hall as a JSON file the build can read. */
  const writeLive = async (name: 'catalog' | 'hall'): Promise<string> => {
    const content = name === 'catalog' ? live.current().catalog : live.current().hall;
    if (!content) throw new CatalogAdminError('CATALOG_ADMIN_UNAVAILABLE', '当前服务没有可管理的事项清单。');
    await mkdir(options.workDir, { recursive: true });
    const file = path.join(options.workDir, `live-${name}-${randomBytes(4).toString('hex')}.json`);
    await writeFile(file, JSON.stringify(content));
    return file;
  };

  return {
    async publish(input: PublishInput): Promise<PublishResult> {
      const progress = input.onProgress ?? (() => undefined);
      const previousVersion = live.current().indexVersion;
      const written: string[] = [];
      try {
        const catalogFile = input.catalogFile ?? (await writeLive('catalog'));
        const hallFile = input.hallFile ?? (await writeLive('hall'));
        written.push(
          ...[catalogFile, hallFile].filter((file) => file !== input.catalogFile && file !== input.hallFile),
        );
        const summary = await buildIndex({
          catalogFile,
          hallFile,
          docsDir: options.docsDir,
          outDir: indexDir,
          embedder: runtime.embedder,
          onProgress: progress,
        });
        try {
          progress({ phase: 'open', done: 0, total: 1 });
          const next = await openVersion(summary.folder);
          progress({ phase: 'open', done: 1, total: 1 });
          progress({ phase: 'switch', done: 0, total: 1 });
          await options.beforeSwitch?.(summary.version);
          await live.replace(next);
          progress({ phase: 'switch', done: 1, total: 1 });
        } catch (error) {
          // The build already pointed the folder at the new version: point it back, so that a
          // restart opens what is in service, and drop the version that never went live, so that
          // it takes no place of a version to roll back to.
          if ((await readCurrentVersion(indexDir)) === summary.version) {
            await switchCurrentVersion(indexDir, previousVersion);
          }
          await rm(versionFolder(indexDir, summary.version), { recursive: true, force: true });
          throw error;
        }
        return { version: summary.version, previousVersion, summary };
      } finally {
        await Promise.all(written.map((file) => rm(file, { force: true })));
      }
    },

    /** Puts an older (or newer) version on disk back in service: the rollback. */
    async activate(
      version: string,
    ): Promise<{ version: string; previousVersion: string; live: LiveVersion }> {
      if (!(await listVersions(indexDir)).includes(version)) {
        throw new CatalogAdminError('VERSION_NOT_FOUND', `版本 ${version} 不存在或已被清理。`);
      }
      const previousVersion = live.current().indexVersion;
      if (version === previousVersion) {
        throw new CatalogAdminError('VERSION_ALREADY_LIVE', `版本 ${version} 已在使用中。`);
      }
      // Open first: if the version cannot be opened, nothing has changed.
      const next = await openVersion(versionFolder(indexDir, version));
      await switchCurrentVersion(indexDir, version);
      await live.replace(next);
      return { version, previousVersion, live: next };
    },

    /** Versions on disk, newest first. */
    async versions(): Promise<IndexVersionInfo[]> {
      const liveVersion = live.current().indexVersion;
      const infos: IndexVersionInfo[] = [];
      for (const version of (await listVersions(indexDir)).reverse()) {
        try {
          const manifest = await readManifest(versionFolder(indexDir, version));
          infos.push({
            version,
            createdAt: manifest.createdAt,
            catalogVersion: manifest.catalog.version,
            hallName: manifest.hall.name,
            ...manifest.counts,
            live: version === liveVersion,
          });
        } catch {
          // A damaged version cannot be rolled back to; it is left out of the history.
        }
      }
      return infos;
    },
  };
}

export type IndexPublisher = ReturnType<typeof createIndexPublisher>;
