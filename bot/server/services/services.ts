/** The services the composition root builds and hands to the HTTP routes and the websocket channel. */
import type { Settings } from '../../../config/settings.ts';
import type { Store } from '../../store/store.ts';
import type { CaseService } from '../../cases/case-service.ts';
import type { RatingService } from '../../ratings/rating-service.ts';
import type { AnalyticsService } from '../../analytics/analytics-service.ts';
import type { StaffAccounts } from '../../auth/staff-accounts.ts';
import type { RateLimiter } from '../../safety/rate-limiter.ts';
import type { Logger } from '../../logging/logger.ts';
import type { ConversationService } from './conversation-service.ts';
import type { KnowledgeService } from './knowledge-service.ts';
import type { Hall } from '../../../knowledge/hall/schema.ts';
import type { Catalog } from '../../../knowledge/catalog/schema.ts';
import type { CatalogAdminService } from '../../catalog-admin/catalog-admin-service.ts';
import type { ClientAddress } from '../network/client-address.ts';
import type { FrameLimits } from '../ws/frame-limits.ts';
import type { StaffEventBus } from '../../live/staff-event-bus.ts';
import type { StaffStreams } from './staff-stream.ts';
import type { StaffTyping } from './staff-typing.ts';
import type { HandoverService } from './handover-service.ts';
import type { PrecheckRecordService } from '../../precheck/records/precheck-records.ts';
import type { DocumentReader } from '../../precheck/documents/document-reader.ts';
import type { UploadService } from '../../precheck/uploads/upload-service.ts';
import type { SpeechService } from '../../speech/speech-service.ts';

export interface IndexInfo {
  items: number;
  indexVersion: string;
  /** The hall layout of the index, for the kiosk map (`GET /api/v1/hall`). */
  hall?: Hall;
}

export interface Services {
  settings: Settings;
  store: Store;
  /** Committed case and conversation changes, for the console's live channel and the hand-over. */
  events: StaffEventBus;
  /** The console's live channels (server-sent events) on `events`. */
  staffStreams: StaffStreams;
  /** Tells the citizen's open chat that staff are typing in the case. */
  staffTyping: StaffTyping;
  conversations: ConversationService;
  /** Who answers a handed-over conversation, told to the citizen; hand-back; the wait notice. */
  handover: HandoverService;
  cases: CaseService;
  ratings: RatingService;
  analytics: AnalyticsService;
  knowledge: KnowledgeService;
  accounts: StaffAccounts;
  /**
   * Token buckets: HTTP per address, chat per session, logins, and every websocket frame kind
   * (also spent by the HTTP routes that do what a frame does).
   */
  limiters: {
    ip: RateLimiter;
    session: RateLimiter;
    login: RateLimiter;
    frames: FrameLimits;
    /** Pre-check uploads per client address. */
    uploads: RateLimiter;
  };
  /** The client's address behind trusted proxies (TRUST_PROXY), for HTTP and websockets alike. */
  clientAddress: ClientAddress;
  logger: Logger;
  /** The version in service; read on every request, since a publish or rollback replaces it. */
  readonly indexInfo: IndexInfo;
  /** An item of the catalog in service, by id (a case's topic); undefined when unknown. */
  catalogItem(id: string): { id: string; name: string; zone?: string } | undefined;
  /** The whole catalog in service (pre-check); undefined while none is loaded. */
  catalog(): Catalog | undefined;
  /** Catalog and hall management; absent when the host supplied its own assistant. */
  catalogAdmin?: CatalogAdminService;
  /** Stored pre-checks (一次性告知书), opened by the citizen's key or by staff. */
  prechecks: PrecheckRecordService;
  /** Reads uploaded documents (OCR, PDF text) for the pre-check. */
  documents: DocumentReader;
  /** Pre-check uploads: stored, read, withdrawn, swept after the retention. */
  uploads: UploadService;
  /** The hall screen guide's voice and lip-sync (`GET /api/v1/speech…`). */
  speech: SpeechService;
  /** Speech requests that need the engine (cache misses), per client address. */
  speechLimiter: RateLimiter;
}
