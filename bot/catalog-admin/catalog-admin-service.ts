/**
 * Catalog and hall-layout management for administrators: upload a file (checked by content, then
 * validated into a report), compare it with what is in service, publish it (re-validated, then
 * re-indexed in the background with progress, then switched in atomically) and roll back to an
 * earlier version. Only one publish or rollback runs at a time. Every upload, publish and rollback
 * is written to the audit log with who, when, which version and the counts.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.ts';
import type { Logger } from '../logging/logger.ts';
import type { CatalogFileReader, LiveContent, PublisherPort, VersionInfo } from './catalog-admin-ports.ts';
import { diffCatalogs, type CatalogDiff } from './catalog-diff.ts';
import type { Draft, DraftStore } from './draft-store.ts';
import { CatalogAdminError } from './errors/catalog-admin-error.ts';
import { diffHalls, type HallDiff } from './hall-diff.ts';
import { hallConsistencyWarnings } from './hall-consistency.ts';
import { readHallReport } from './hall-report.ts';
import { advanceJob, PHASE_LABEL, type PublishJob } from './publish-job.ts';
import { checkUploadContent, type UploadKind } from './upload-content.ts';
import { renameIssues, type ValidationReport } from './validation-report.ts';

/** Finished jobs kept for the console to poll. */
const KEPT_JOBS = 20;
const AUDIT_ACTIONS = ['index.publish', 'index.rollback'];

export interface CatalogAdminOptions {
  store: Store;
  drafts: DraftStore;
  readCatalog: CatalogFileReader;
  publisher: PublisherPort;
  live: () => LiveContent;
  /** Largest accepted upload in bytes (MAX_UPLOAD_BYTES). */
  maxUploadBytes: number;
  logger: Logger;
  clock?: () => Date;
}

export type DraftView = Omit<Draft, 'file' | 'catalog' | 'hall'> & { publishable: boolean };

export interface VersionEntry extends VersionInfo {
  /** Who put this version in service from the console, what file and when; absent for builds from the command line or the first start. */
  publishedBy?: string;
  publishedAt?: string;
  kind?: UploadKind;
  fileName?: string;
}

const view = ({ file: _file, catalog: _catalog, hall: _hall, ...draft }: Draft): DraftView => ({
  ...draft,
  publishable: draft.report.errors.length === 0,
});

export function createCatalogAdminService(options: CatalogAdminOptions) {
  const { store, drafts, publisher, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const jobs = new Map<string, PublishJob>();
  let busy: string | undefined;

  const liveContent = () => {
    const live = options.live();
    if (!live.catalog || !live.hall) {
      throw new CatalogAdminError('CATALOG_ADMIN_UNAVAILABLE', '当前服务没有可管理的事项清单和大厅布局。');
    }
    return { ...live, catalog: live.catalog, hall: live.hall };
  };

  /** The publish running now, if any (a console opened during a publish shows its progress). */
  const runningJob = (): PublishJob | undefined => {
    const job = [...jobs.values()].find((candidate) => candidate.status === 'running');
    return job && { ...job };
  };

  const claim = (what: string) => {
    if (busy) throw new CatalogAdminError('INDEX_BUSY', `正在${busy}，请等它完成后再操作。`);
    busy = what;
  };

  /** Reads and validates a draft's file; checks it against the live hall or catalog. */
  async function validateFile(kind: UploadKind, file: string, fileName: string) {
    const live = liveContent();
    if (kind === 'catalog') {
      const read = await options.readCatalog(file);
      const warnings = [...read.warnings];
      if (read.catalog) warnings.push(...hallConsistencyWarnings(read.catalog, live.hall, file));
      const report: ValidationReport = {
        errors: renameIssues(read.errors, fileName),
        warnings: renameIssues(warnings, fileName),
        summary: read.catalog && {
          version: read.catalog.version,
          hallName: read.catalog.hall.name,
          items: read.catalog.items.length,
          themes: read.catalog.themes.length,
        },
      };
      return { report, catalog: read.catalog };
    }
    const read = await readHallReport(file);
    const warnings = read.hall ? hallConsistencyWarnings(live.catalog, read.hall, file) : [];
    const report: ValidationReport = {
      errors: renameIssues(read.errors, fileName),
      warnings: renameIssues(warnings, fileName),
      summary: read.hall && { hallName: read.hall.name, windows: read.hall.windows.length },
    };
    return { report, hall: read.hall };
  }

  function audit(actor: string, action: string, target: string, detail: Record<string, unknown>) {
    store.appendAudit({ at: clock().toISOString(), actor, action, target, detail });
  }

  async function runPublish(job: PublishJob, draft: Draft, warnings: number): Promise<void> {
    try {
      const result = await publisher.publish({
        catalogFile: draft.kind === 'catalog' ? draft.file : undefined,
        hallFile: draft.kind === 'hall' ? draft.file : undefined,
        onProgress: (progress) => advanceJob(job, progress.phase, progress.done, progress.total),
      });
      const live = options.live();
      Object.assign(job, {
        status: 'succeeded',
        version: result.version,
        previousVersion: result.previousVersion,
        finishedAt: clock().toISOString(),
      });
      advanceJob(job, 'done', 1, 1);
      audit(job.startedBy, 'index.publish', result.version, {
        kind: draft.kind,
        fileName: draft.fileName,
        previousVersion: result.previousVersion,
        catalogVersion: live.catalog?.version,
        hallName: live.hall?.name,
        items: result.summary.items,
        themes: live.catalog?.themes.length,
        windows: live.hall?.windows.length,
        chunks: result.summary.chunks,
        embedded: result.summary.embedded,
        warnings,
        seconds: result.summary.seconds,
      });
      logger.info('index version published', {
        version: result.version,
        kind: draft.kind,
        by: job.startedBy,
      });
    } catch (error) {
      const reason =
        (error as { userMessage?: string }).userMessage ??
        '生成新版本时出错，线上版本未改变。请稍后重试或联系技术支持。';
      Object.assign(job, { status: 'failed', error: reason, finishedAt: clock().toISOString() });
      audit(job.startedBy, 'index.publish-failed', job.id, {
        kind: draft.kind,
        fileName: draft.fileName,
        reason,
      });
      logger.error('publishing an index version failed', { error, kind: draft.kind });
    } finally {
      busy = undefined;
    }
  }

  return {
    maxUploadBytes: options.maxUploadBytes,

    /** Checks, stores and validates an uploaded file. */
    async upload(input: {
      kind: UploadKind;
      fileName: string;
      bytes: Uint8Array;
      actor: string;
    }): Promise<DraftView> {
      if (input.bytes.length > options.maxUploadBytes) {
        throw new CatalogAdminError(
          'UPLOAD_TOO_LARGE',
          `文件过大（上限 ${Math.floor(options.maxUploadBytes / 1024)} KB）。`,
        );
      }
      checkUploadContent(input.kind, input.fileName, input.bytes);
      liveContent();
      const { id, file } = await drafts.write(input.fileName, input.bytes);
      let validated;
      try {
        validated = await validateFile(input.kind, file, input.fileName);
      } catch (error) {
        await drafts.discard(id);
        if ((error as { code?: string }).code === 'CATALOG_UNREADABLE') {
          // The loader names the server's copy; the administrator needs only the reason.
          const reason = String((error as Error).message)
            .split('：')
            .pop();
          throw new CatalogAdminError('UPLOAD_INVALID', `无法读取“${input.fileName}”：${reason}`, {
            cause: error,
          });
        }
        throw error;
      }
      const draft: Draft = {
        id,
        kind: input.kind,
        fileName: input.fileName,
        file,
        size: input.bytes.length,
        uploadedAt: clock().toISOString(),
        uploadedBy: input.actor,
        ...validated,
      };
      await drafts.keep(draft);
      audit(input.actor, 'catalog.upload', id, {
        kind: input.kind,
        fileName: input.fileName,
        size: draft.size,
        errors: draft.report.errors.length,
        warnings: draft.report.warnings.length,
      });
      return view(draft);
    },

    draft: (id: string): DraftView => view(drafts.get(id)),

    /** What publishing the draft would change, against the version in service now. */
    diff(id: string): { kind: UploadKind; liveVersion: string; catalog?: CatalogDiff; hall?: HallDiff } {
      const draft = drafts.get(id);
      const live = liveContent();
      if (draft.kind === 'catalog' && draft.catalog) {
        return {
          kind: 'catalog',
          liveVersion: live.indexVersion,
          catalog: diffCatalogs(live.catalog, draft.catalog),
        };
      }
      if (draft.kind === 'hall' && draft.hall) {
        return { kind: 'hall', liveVersion: live.indexVersion, hall: diffHalls(live.hall, draft.hall) };
      }
      throw new CatalogAdminError('DRAFT_HAS_ERRORS', '文件有错误，请改正后重新上传，再比较差异。');
    },

    /**
     * Re-validates the draft and starts publishing it in the background; returns the job to poll.
     * `expectedLiveVersion`: the version the administrator compared against; refused if another
     * version went live since.
     */
    async publish(id: string, actor: string, expectedLiveVersion?: string): Promise<PublishJob> {
      const draft = drafts.get(id);
      claim('发布新版本');
      let warnings: number;
      try {
        const live = liveContent();
        if (expectedLiveVersion && expectedLiveVersion !== live.indexVersion) {
          throw new CatalogAdminError(
            'LIVE_VERSION_CHANGED',
            '线上版本在您查看差异后已经变化，请重新查看差异后再发布。',
          );
        }
        const { report } = await validateFile(draft.kind, draft.file, draft.fileName);
        if (report.errors.length > 0) {
          throw new CatalogAdminError(
            'DRAFT_HAS_ERRORS',
            `文件有 ${report.errors.length} 处错误，不能发布。请改正后重新上传。`,
          );
        }
        warnings = report.warnings.length;
      } catch (error) {
        busy = undefined;
        throw error;
      }
      const job: PublishJob = {
        id: randomUUID(),
        kind: draft.kind,
        draftId: draft.id,
        fileName: draft.fileName,
        startedBy: actor,
        startedAt: clock().toISOString(),
        status: 'running',
        phase: 'validate',
        percent: 0,
        message: PHASE_LABEL.validate,
      };
      advanceJob(job, 'validate', 1, 1);
      jobs.set(job.id, job);
      for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEPT_JOBS))) jobs.delete(old);
      void runPublish(job, draft, warnings);
      return { ...job };
    },

    job(id: string): PublishJob {
      const job = jobs.get(id);
      if (!job) throw new CatalogAdminError('JOB_NOT_FOUND', '找不到这次发布任务。');
      return { ...job };
    },

    runningJob,

    /** Puts an earlier version back in service. */
    async rollback(version: string, actor: string) {
      claim('回滚版本');
      try {
        const result = await publisher.activate(version);
        const live = options.live();
        audit(actor, 'index.rollback', result.version, {
          previousVersion: result.previousVersion,
          catalogVersion: live.catalog?.version,
          hallName: live.hall?.name,
          items: live.catalog?.items.length,
          themes: live.catalog?.themes.length,
          windows: live.hall?.windows.length,
        });
        logger.info('index version rolled back', { version: result.version, by: actor });
        return result;
      } finally {
        busy = undefined;
      }
    },

    /** Versions on disk, newest first, with who published each from the console. */
    async versions(): Promise<{ liveVersion: string; versions: VersionEntry[]; job?: PublishJob }> {
      const entries = store.listAudit({ actions: AUDIT_ACTIONS, limit: 200 });
      const versions = (await publisher.versions()).map((info): VersionEntry => {
        const published = entries.find(
          (entry) => entry.action === 'index.publish' && entry.target === info.version,
        );
        const detail = published?.detail ?? {};
        return {
          ...info,
          publishedBy: published?.actor,
          publishedAt: published?.at,
          kind: detail.kind as UploadKind | undefined,
          fileName: detail.fileName as string | undefined,
        };
      });
      return { liveVersion: options.live().indexVersion, versions, job: runningJob() };
    },
  };
}

export type CatalogAdminService = ReturnType<typeof createCatalogAdminService>;
