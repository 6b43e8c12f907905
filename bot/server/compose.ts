/**
 * THE composition root: settings → store, calendar, safety, assistant, services, Express app.
 * Builds the default index from the shipped catalog when the index folder has none yet, so
 * `npm start` works on a fresh checkout. Everything else receives its collaborators from here.
 */
import type { Express } from 'express';
import type { Settings } from '../../config/settings.ts';
import type { Assistant } from '../types.ts';
import { ensureDefaultIndex } from '../../ingest/default-index.ts';
import { createEmbedder } from '../../knowledge/embedders/create-embedder.ts';
import { openAssistant } from '../open-assistant.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { loadWorkingCalendar } from '../calendar/working-calendar.ts';
import { loadSensitiveWordFilter } from '../safety/sensitive-word-filter.ts';
import { createRateLimiter } from '../safety/rate-limiter.ts';
import { createCaseService } from '../cases/case-service.ts';
import { createRatingService } from '../ratings/rating-service.ts';
import { createAnalyticsService } from '../analytics/analytics-service.ts';
import { createStaffAccounts } from '../auth/staff-accounts.ts';
import { createLogger, type Logger, type LogLevel } from '../logging/logger.ts';
import { createConversationService } from './services/conversation-service.ts';
import { createKnowledgeService } from './services/knowledge-service.ts';
import type { IndexInfo, Services } from './services/services.ts';
import { createConnectionRegistry, type ConnectionRegistry } from './ws/connection-registry.ts';
import { createApp } from './app.ts';

export interface ComposeOverrides {
  /** Use this assistant instead of opening the index (tests, embedding in other hosts). */
  assistant?: Assistant;
  indexInfo?: IndexInfo;
  clock?: () => Date;
  /** Where log lines go (tests collect them); stdout by default. */
  logWrite?: (line: string, level: LogLevel) => void;
}

export interface ComposedSystem {
  services: Services;
  app: Express;
  registry: ConnectionRegistry;
  close(): void;
}

/** Opens the index in `settings.indexDir`, building it from the catalog first when there is none. */
async function openDefaultAssistant(
  settings: Settings,
  services: { logger: Logger; knowledge: Parameters<typeof openAssistant>[0]['knowledge'] },
) {
  const embedder = await createEmbedder(settings.embedder);
  const summary = await ensureDefaultIndex(settings, embedder, () =>
    services.logger.info('no index yet: building the default index', {
      catalog: settings.catalogFile,
      out: settings.indexDir,
    }),
  );
  if (summary) {
    services.logger.info('index built', {
      items: summary.items,
      chunks: summary.chunks,
      version: summary.version,
      seconds: summary.seconds,
    });
  }
  const opened = await openAssistant({
    indexDir: settings.indexDir,
    embedder,
    knowledge: services.knowledge,
  });
  return {
    assistant: opened as Assistant,
    indexInfo: { items: opened.catalog.items.length, indexVersion: opened.indexVersion, hall: opened.hall },
  };
}

export async function composeSystem(
  settings: Settings,
  overrides: ComposeOverrides = {},
): Promise<ComposedSystem> {
  const logger = createLogger({ level: settings.logLevel, write: overrides.logWrite });
  const clock = overrides.clock ?? (() => new Date());
  const store = openSqliteStore({ dataDir: settings.dataDir, synchronous: settings.store.synchronous });
  try {
    const calendar = loadWorkingCalendar(settings.cases.holidaysFile);
    const filter = loadSensitiveWordFilter(settings.safety.sensitiveWordsFile);
    const stored = store.listKnowledge().map(({ createdBy: _createdBy, ...entry }) => entry);

    let assistant: Assistant;
    let indexInfo: IndexInfo;
    if (overrides.assistant) {
      assistant = overrides.assistant;
      indexInfo = overrides.indexInfo ?? { items: 0, indexVersion: 'external' };
      for (const entry of stored) await assistant.addKnowledge(entry);
    } else {
      ({ assistant, indexInfo } = await openDefaultAssistant(settings, { logger, knowledge: stored }));
    }

    const registry = createConnectionRegistry();
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
    });
    const conversations = createConversationService({
      store,
      assistant,
      cases,
      filter,
      timeZone: settings.timeZone,
      logger,
      clock,
    });
    const accounts = createStaffAccounts({ store, sessionHours: settings.server.staffSessionHours, clock });
    if (await accounts.ensureFirstAdmin(settings.admin)) {
      logger.info('first admin created from ADMIN_USERNAME', { username: settings.admin?.username });
    }

    const services: Services = {
      settings,
      store,
      conversations,
      cases,
      ratings: createRatingService({
        store,
        cases,
        timeZone: settings.timeZone,
        clock,
        currentItem: conversations.currentItem,
      }),
      analytics: createAnalyticsService({ store, timeZone: settings.timeZone, clock }),
      knowledge: createKnowledgeService({ store, assistant, clock }),
      accounts,
      limiters: {
        ip: createRateLimiter({ perMinute: settings.limits.ipPerMinute }),
        session: createRateLimiter({ perMinute: settings.limits.sessionPerMinute }),
        login: createRateLimiter({ perMinute: settings.limits.loginPerMinute }),
      },
      logger,
      indexInfo,
    };
    return { services, app: createApp(services), registry, close: () => store.close() };
  } catch (error) {
    store.close();
    throw error;
  }
}
