/**
 * THE composition root of the server: settings → store, calendar, safety, services, Express app, with
 * the assistant from the runtime (`runtime/build-runtime.ts`: embedder, index — built from the shipped
 * catalog when the folder has none yet, so `npm start` works on a fresh checkout — lexicon, hall facts
 * and the chat model). Everything else receives its collaborators from here. The assistant is held
 * by the live holder (`runtime/live-runtime.ts`), which catalog publishing and rollback replace.
 */
import path from 'node:path';
import type { Express } from 'express';
import type { Settings } from '../../config/settings.ts';
import type { Assistant } from '../types.ts';
import { buildRuntime, type Runtime, type RuntimeOverrides } from '../../runtime/build-runtime.ts';
import { createLiveRuntime, type LiveRuntime } from '../../runtime/live-runtime.ts';
import { createIndexPublisher } from '../../runtime/index-publisher.ts';
import { readCatalogReport } from '../../ingest/loaders/load-catalog.ts';
import type { Store } from '../store/store.ts';
import {
  createCatalogAdminService,
  type CatalogAdminService,
} from '../catalog-admin/catalog-admin-service.ts';
import { createDraftStore } from '../catalog-admin/draft-store.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { loadWorkingCalendar } from '../calendar/working-calendar.ts';
import { loadSensitiveWordFilter } from '../safety/sensitive-word-filter.ts';
import { createRateLimiter } from '../safety/rate-limiter.ts';
import { createCaseService } from '../cases/case-service.ts';
import { createStaffEventBus } from '../live/staff-event-bus.ts';
import { createCaseLookupGuard } from '../cases/case-lookup-guard.ts';
import { createRatingService } from '../ratings/rating-service.ts';
import { createAnalyticsService } from '../analytics/analytics-service.ts';
import { createStaffAccounts } from '../auth/staff-accounts.ts';
import { createLogger, type Logger, type LogLevel } from '../logging/logger.ts';
import { createConversationService } from './services/conversation-service.ts';
import { activeKnowledge, createKnowledgeService } from './services/knowledge-service.ts';
import type { IndexInfo, Services } from './services/services.ts';
import { createConnectionRegistry, type ConnectionRegistry } from './ws/connection-registry.ts';
import { createApp } from './app.ts';
import { createClientAddress } from './network/client-address.ts';
import { createFrameLimits } from './ws/frame-limits.ts';
import { createStaffStreams } from './services/staff-stream.ts';
import { createStaffTyping } from './services/staff-typing.ts';
import { createPrecheckRecords } from '../precheck/records/precheck-records.ts';
import { createHandoverService } from './services/handover-service.ts';
import type { DocumentReader } from '../precheck/documents/document-reader.ts';
import { createNullDocumentReader } from '../precheck/documents/null-document-reader.ts';
import { createOcrDocumentReader } from '../precheck/documents/ocr-document-reader.ts';
import { createUploadService } from '../precheck/uploads/upload-service.ts';
import { openUploadFolder } from '../precheck/uploads/upload-folder.ts';
import { createSpeechService } from '../speech/speech-service.ts';
import { createWorkerSynthesizer } from '../speech/worker-synthesizer.ts';

export interface ComposeOverrides {
  /** Use this assistant instead of opening the index (tests, embedding in other hosts). */
  assistant?: Assistant;
  indexInfo?: IndexInfo;
  clock?: () => Date;
  /** Where log lines go (tests collect them); stdout by default. */
  logWrite?: (line: string, level: LogLevel) => void;
  /**
   * Awaited when a published version is built and opened, just before it goes live (tests hold a
   * publish here to ask questions while it runs).
   */
  beforeIndexSwitch?: (version: string) => Promise<void> | void;
  /** Reads uploaded documents; by default OCR (OCR_WORKERS), or nothing when OCR_WORKERS is 0. */
  documents?: DocumentReader;
}

export interface ComposedSystem {
  services: Services;
  app: Express;
  registry: ConnectionRegistry;
  close(): void;
}

/** The runtime (embedder, index, lexicon, hall, chat model, assistant), logging a first build. */
async function openRuntime(
  settings: Settings,
  services: { logger: Logger; knowledge: RuntimeOverrides['knowledge'] },
): Promise<Runtime> {
  const runtime = await buildRuntime(settings, {
    knowledge: services.knowledge,
    onBuildStart: () =>
      services.logger.info('no index yet: building the default index', {
        catalog: settings.catalogFile,
        out: settings.indexDir,
      }),
  });
  if (runtime.built) {
    services.logger.info('index built', {
      items: runtime.built.items,
      chunks: runtime.built.chunks,
      version: runtime.built.version,
      seconds: runtime.built.seconds,
    });
  }
  if (runtime.chatModel) {
    services.logger.info('chat model on: answers may be reworded, facts stay as composed', {
      model: settings.chatModel?.model,
    });
  }
  return runtime;
}

/** Catalog and hall management on the runtime's index folder: drafts under DATA_DIR, versions in INDEX_DIR. */
function createCatalogAdmin(
  settings: Settings,
  parts: { runtime: Runtime; live: LiveRuntime; store: Store; logger: Logger; clock: () => Date },
  beforeSwitch: ComposeOverrides['beforeIndexSwitch'],
): CatalogAdminService {
  const draftsFolder = path.join(settings.dataDir, 'catalog-drafts');
  const publisher = createIndexPublisher({
    runtime: parts.runtime,
    live: parts.live,
    docsDir: settings.docsDir,
    workDir: path.join(draftsFolder, '.work'),
    beforeSwitch,
  });
  return createCatalogAdminService({
    store: parts.store,
    drafts: createDraftStore({ folder: draftsFolder }),
    readCatalog: (file) => readCatalogReport(file),
    publisher,
    live: () => parts.live.current(),
    maxUploadBytes: settings.limits.maxUploadBytes,
    logger: parts.logger,
    clock: parts.clock,
  });
}

/** The token buckets of HTTP and the websocket, on the system's clock. */
function createLimiters(settings: Settings, clock: () => Date): Services['limiters'] {
  const now = () => clock().getTime();
  const limiter = (perMinute: number) => createRateLimiter({ perMinute, clock: now });
  const ip = limiter(settings.limits.ipPerMinute);
  const session = limiter(settings.limits.sessionPerMinute);
  return {
    ip,
    session,
    login: limiter(settings.limits.loginPerMinute),
    frames: createFrameLimits(settings.limits, { ip, session, clock: now }),
    uploads: limiter(settings.uploads.ipPerMinute),
  };
}

export async function composeSystem(
  settings: Settings,
  overrides: ComposeOverrides = {},
): Promise<ComposedSystem> {
  const logger = createLogger({ level: settings.logLevel, write: overrides.logWrite });
  const clock = overrides.clock ?? (() => new Date());
  const store = openSqliteStore({ dataDir: settings.dataDir, ...settings.store });
  try {
    const calendar = loadWorkingCalendar(settings.cases.holidaysFile);
    const filter = loadSensitiveWordFilter(settings.safety.sensitiveWordsFile);
    const stored = activeKnowledge(store);

    let live: LiveRuntime;
    let catalogAdmin: CatalogAdminService | undefined;
    if (overrides.assistant) {
      const info = overrides.indexInfo ?? { items: 0, indexVersion: 'external' };
      for (const entry of stored) await overrides.assistant.addKnowledge(entry);
      live = createLiveRuntime(
        {
          assistant: overrides.assistant,
          indexVersion: info.indexVersion,
          items: info.items,
          hall: info.hall,
        },
        { knowledge: stored },
      );
    } else {
      const runtime = await openRuntime(settings, { logger, knowledge: stored });
      live = createLiveRuntime(
        {
          assistant: runtime.assistant,
          indexVersion: runtime.indexVersion,
          items: runtime.catalog.items.length,
          catalog: runtime.catalog,
          hall: runtime.hall,
        },
        { knowledge: stored },
      );
      catalogAdmin = createCatalogAdmin(
        settings,
        { runtime, live, store, logger, clock },
        overrides.beforeIndexSwitch,
      );
    }
    // Services hold the live holder, never one version: a publish or rollback replaces what it holds.
    const assistant: Assistant = live;

    const registry = createConnectionRegistry({
      maxBufferedBytes: settings.limits.wsMaxBufferedBytes,
      onOverflow: () => logger.warn('websocket closed: client not reading', { code: 1013 }),
    });
    const events = createStaffEventBus((error) => logger.error('staff event listener failed', { error }));
    const cases = createCaseService({
      store,
      calendar,
      policy: {
        replyDays: settings.cases.replyDays,
        specialDays: settings.cases.specialDays,
        rectifyDays: settings.cases.rectifyDays,
      },
      timeZone: settings.timeZone,
      clock,
      notifier: registry.notifier,
      events,
      lookupGuard: createCaseLookupGuard({
        failures: store.caseLookupFailures,
        maxFailures: settings.cases.lookupMaxFailures,
        lockMinutes: settings.cases.lookupLockMinutes,
        clock: () => clock().getTime(),
      }),
    });
    const hall = () => live.current().hall;
    const handover = createHandoverService({
      store,
      cases,
      events,
      calendar,
      timeZone: settings.timeZone,
      replyMinutes: settings.cases.handoverReplyMinutes,
      noticeMinutes: settings.cases.handoverNoticeMinutes,
      hall,
      send: (id, payload) => registry.send(id, payload),
      clock,
    });
    const conversations = createConversationService({
      store,
      assistant,
      cases,
      filter,
      timeZone: settings.timeZone,
      logger,
      clock,
      lockWaitMs: settings.store.lockWaitMs,
      onEnded: (sessionId) => registry.endSession(sessionId),
      events,
      hall,
      expectedReply: () => handover.expected(),
    });
    // The wait notice: checked every half minute.
    const noticeSweep = setInterval(() => {
      try {
        handover.sweep();
      } catch (error) {
        logger.error('hand-over notice sweep failed', { error });
      }
    }, 30_000);
    noticeSweep.unref();
    const prechecks = createPrecheckRecords({
      records: store.prechecks,
      retentionDays: settings.precheckNotice.retentionDays,
      timeZone: settings.timeZone,
      clock,
    });
    // Expired pre-check records: swept at start and every hour.
    const sweepPrechecks = () => {
      try {
        prechecks.sweep();
      } catch (error) {
        logger.error('pre-check record sweep failed', { error });
      }
    };
    sweepPrechecks();
    const precheckSweep = setInterval(sweepPrechecks, 60 * 60 * 1000);
    precheckSweep.unref();
    const accounts = createStaffAccounts({ store, sessionHours: settings.server.staffSessionHours, clock });
    if (await accounts.ensureFirstAdmin(settings.admin)) {
      logger.info('first admin created from ADMIN_USERNAME', { username: settings.admin?.username });
    }

    const staffStreams = createStaffStreams({
      events,
      store,
      cases,
      authenticate: (token) => accounts.authenticate(token),
      maxPerSession: settings.limits.staffStreamsPerSession,
      maxTotal: settings.limits.staffStreamsMax,
      heartbeatMs: settings.limits.staffStreamHeartbeatSeconds * 1000,
      maxBufferedBytes: settings.limits.wsMaxBufferedBytes,
      onError: (error) => logger.error('staff stream event failed', { error }),
    });

    // OCR in worker processes started on the first upload; OCR_WORKERS=0 leaves recognition off.
    const documents =
      overrides.documents ??
      (settings.ocr.workers > 0
        ? createOcrDocumentReader({
            workers: settings.ocr.workers,
            timeoutMs: settings.ocr.timeoutMs,
            maxPages: settings.uploads.maxPdfPages,
            logger,
          })
        : createNullDocumentReader());
    const uploads = createUploadService({
      folder: openUploadFolder(path.join(settings.dataDir, 'uploads'), {
        publicDir: settings.server.staticDir,
      }),
      records: store.uploads,
      reader: documents,
      limits: {
        maxBytes: settings.uploads.maxBytes,
        maxPixels: settings.uploads.maxPixels,
        maxSide: settings.uploads.maxSide,
        maxPdfPages: settings.uploads.maxPdfPages,
      },
      retentionDays: settings.uploads.retentionDays,
      readTimeoutMs: settings.uploads.readTimeoutSeconds * 1000,
      clock,
      logger,
    });
    uploads.start();

    const services: Services = {
      settings,
      store,
      events,
      staffStreams,
      staffTyping: createStaffTyping({ store, send: (id, payload) => registry.send(id, payload) }),
      conversations,
      handover,
      cases,
      ratings: createRatingService({
        store,
        cases,
        timeZone: settings.timeZone,
        clock,
        currentItem: conversations.currentItem,
      }),
      analytics: createAnalyticsService({ store, timeZone: settings.timeZone, calendar, clock }),
      knowledge: createKnowledgeService({ store, assistant, clock }),
      accounts,
      limiters: createLimiters(settings, clock),
      clientAddress: createClientAddress(settings.server.trustProxy),
      logger,
      catalogItem(id) {
        const item = live.current().catalog?.items.find((entry) => entry.id === id);
        return item ? { id: item.id, name: item.name, zone: item.zone } : undefined;
      },
      catalog: () => live.current().catalog,
      get indexInfo() {
        const current = live.current();
        return { items: current.items, indexVersion: current.indexVersion, hall: current.hall };
      },
      catalogAdmin,
      prechecks,
      documents,
      uploads,
      speech: createSpeechService({
        synthesizer: createWorkerSynthesizer(),
        cacheBytes: settings.speech.cacheMb * 1024 * 1024,
      }),
      speechLimiter: createRateLimiter({
        perMinute: settings.speech.synthesisIpPerMinute,
        clock: () => clock().getTime(),
      }),
    };
    return {
      services,
      app: createApp(services),
      registry,
      close: () => {
        clearInterval(noticeSweep);
        clearInterval(precheckSweep);
        handover.close();
        staffStreams.closeAll();
        uploads.close();
        void services.speech.close();
        store.close();
        void documents
          .close()
          .catch((error: unknown) => logger.error('document reader did not close', { error }));
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
