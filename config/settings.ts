/**
 * The one module that reads the environment. Every setting is validated here, with a message that
 * says how to fix a wrong value; the rest of the code receives a typed `Settings` object.
 * README's configuration table lists the same variables.
 */
import path from 'node:path';
import { z } from 'zod';
import { defaultCookieSecure } from './cookie-secure.ts';
import { parseTrustProxy, type TrustProxySetting } from './trust-proxy-setting.ts';

const int = (name: string, fallback: number, min = 0) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < min) {
        context.addIssue({ code: 'custom', message: `${name} must be an integer ≥ ${min}, got "${value}"` });
        return z.NEVER;
      }
      return parsed;
    });

const text = (fallback?: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? fallback : value.trim()));

function parseFlag(value: string, context: z.RefinementCtx): boolean {
  const normalized = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(normalized)) return true;
  if (['0', 'false', 'no', 'off'].includes(normalized)) return false;
  context.addIssue({ code: 'custom', message: `expected true or false, got "${value}"` });
  return z.NEVER;
}

const flag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, context) =>
      value === undefined || value.trim() === '' ? fallback : parseFlag(value, context),
    );

const environmentSchema = z.object({
  HOST: text('127.0.0.1'),
  PORT: int('PORT', 3000),
  DATA_DIR: text('data'),
  INDEX_DIR: text(),
  CATALOG_FILE: text('knowledge/data/catalog.json'),
  HALL_FILE: text('knowledge/data/hall.json'),
  DOCS_DIR: text('knowledge/data/policies'),
  EMBEDDER: z
    .enum(['builtin', 'transformers', 'openai'], {
      error: 'EMBEDDER must be one of builtin, transformers, openai',
    })
    .optional()
    .default('builtin'),
  EMBEDDING_MODEL_PATH: text(),
  EMBEDDING_MODEL: text(),
  OPENAI_BASE_URL: text(),
  OPENAI_API_KEY: text(),
  CHAT_MODEL: text(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional().default('info'),
  ADMIN_USERNAME: text(),
  ADMIN_PASSWORD: text(),
  MAX_MESSAGE_CHARS: int('MAX_MESSAGE_CHARS', 500, 1),
  MAX_BODY_BYTES: int('MAX_BODY_BYTES', 64 * 1024, 1024),
  MAX_UPLOAD_BYTES: int('MAX_UPLOAD_BYTES', 20 * 1024 * 1024, 1024),
  RATE_LIMIT_IP_PER_MINUTE: int('RATE_LIMIT_IP_PER_MINUTE', 120, 1),
  RATE_LIMIT_SESSION_PER_MINUTE: int('RATE_LIMIT_SESSION_PER_MINUTE', 30, 1),
  CASE_REPLY_DAYS: int('CASE_REPLY_DAYS', 5, 1),
  CASE_SPECIAL_DAYS: int('CASE_SPECIAL_DAYS', 10, 1),
  RECTIFY_DAYS: int('RECTIFY_DAYS', 15, 1),
  CASE_LOOKUP_MAX_FAILURES: int('CASE_LOOKUP_MAX_FAILURES', 5, 1),
  CASE_LOOKUP_LOCK_MINUTES: int('CASE_LOOKUP_LOCK_MINUTES', 15, 1),
  // Hand-over to a person (issue 10): the reply time promised in staff hours, and after how many
  // minutes without a staff reply the citizen is offered a call-back.
  HANDOVER_REPLY_MINUTES: int('HANDOVER_REPLY_MINUTES', 15, 1),
  HANDOVER_NOTICE_MINUTES: int('HANDOVER_NOTICE_MINUTES', 10, 1),
  HOLIDAYS_FILE: text(),
  // Server, store and protection settings (issue 3).
  TIME_ZONE: text('Asia/Shanghai'),
  DB_SYNCHRONOUS: z
    .enum(['full', 'normal'], { error: 'DB_SYNCHRONOUS must be full or normal' })
    .optional()
    .default('full'),
  // Unset: on when a reverse proxy is trusted (HTTPS ends there), see cookie-secure.ts.
  COOKIE_SECURE: z
    .string()
    .optional()
    .transform((value, context) =>
      value === undefined || value.trim() === '' ? undefined : parseFlag(value, context),
    ),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context) => {
      const parsed = parseTrustProxy(value);
      if (typeof parsed === 'object' && 'error' in parsed) {
        context.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed;
    }),
  STATIC_DIR: text('web-widget/dist'),
  STAFF_SESSION_HOURS: int('STAFF_SESSION_HOURS', 12, 1),
  RATE_LIMIT_LOGIN_PER_MINUTE: int('RATE_LIMIT_LOGIN_PER_MINUTE', 10, 1),
  WS_MAX_CONNECTIONS: int('WS_MAX_CONNECTIONS', 5000, 1),
  SENSITIVE_WORDS_FILE: text(),
  // Store availability and transport hardening (issue 9, part E).
  DB_BUSY_TIMEOUT_MS: int('DB_BUSY_TIMEOUT_MS', 50),
  DB_LOCK_WAIT_MS: int('DB_LOCK_WAIT_MS', 10_000),
  DB_MAX_SIZE_MB: int('DB_MAX_SIZE_MB', 0),
  DB_MIN_FREE_MB: int('DB_MIN_FREE_MB', 64),
  HSTS: flag(false),
  HSTS_MAX_AGE: int('HSTS_MAX_AGE', 15_552_000, 1),
  // Abuse resistance on the citizen channel (issue 9): per-IP sockets, per-kind frame budgets.
  WS_MAX_CONNECTIONS_PER_IP: int('WS_MAX_CONNECTIONS_PER_IP', 20, 1),
  WS_HELLO_TIMEOUT_SECONDS: int('WS_HELLO_TIMEOUT_SECONDS', 10, 1),
  WS_MAX_BUFFERED_BYTES: int('WS_MAX_BUFFERED_BYTES', 1024 * 1024, 1024),
  WS_MAX_REFUSALS_PER_MINUTE: int('WS_MAX_REFUSALS_PER_MINUTE', 10, 1),
  WS_HISTORY_PAGE_MESSAGES: int('WS_HISTORY_PAGE_MESSAGES', 50, 1),
  WS_HISTORY_PAGE_BYTES: int('WS_HISTORY_PAGE_BYTES', 256 * 1024, 1024),
  RATE_LIMIT_HISTORY_PER_MINUTE: int('RATE_LIMIT_HISTORY_PER_MINUTE', 10, 1),
  RATE_LIMIT_HISTORY_IP_PER_MINUTE: int('RATE_LIMIT_HISTORY_IP_PER_MINUTE', 60, 1),
  RATE_LIMIT_RATINGS_PER_MINUTE: int('RATE_LIMIT_RATINGS_PER_MINUTE', 10, 1),
  RATE_LIMIT_RATINGS_IP_PER_MINUTE: int('RATE_LIMIT_RATINGS_IP_PER_MINUTE', 30, 1),
  RATE_LIMIT_ESCALATIONS_PER_MINUTE: int('RATE_LIMIT_ESCALATIONS_PER_MINUTE', 5, 1),
  RATE_LIMIT_ESCALATIONS_IP_PER_MINUTE: int('RATE_LIMIT_ESCALATIONS_IP_PER_MINUTE', 20, 1),
  RATE_LIMIT_TYPING_PER_MINUTE: int('RATE_LIMIT_TYPING_PER_MINUTE', 60, 1),
  RATE_LIMIT_TYPING_IP_PER_MINUTE: int('RATE_LIMIT_TYPING_IP_PER_MINUTE', 600, 1),
  RATE_LIMIT_END_PER_MINUTE: int('RATE_LIMIT_END_PER_MINUTE', 5, 1),
  RATE_LIMIT_END_IP_PER_MINUTE: int('RATE_LIMIT_END_IP_PER_MINUTE', 60, 1),
  // The staff console's live channel (issue 10).
  STAFF_STREAMS_PER_SESSION: int('STAFF_STREAMS_PER_SESSION', 4, 1),
  STAFF_STREAMS_MAX: int('STAFF_STREAMS_MAX', 200, 1),
  STAFF_STREAM_HEARTBEAT_SECONDS: int('STAFF_STREAM_HEARTBEAT_SECONDS', 25, 1),
  // The one-time notice of a pre-check (issue 11): how long its record is kept, and the CJK font
  // of its PDF (found among the system fonts when unset).
  PRECHECK_RETENTION_DAYS: int('PRECHECK_RETENTION_DAYS', 30, 1),
  NOTICE_FONT_PATH: text(),
  // Pre-check uploads (issue 11): photos and PDFs of documents, kept under DATA_DIR/uploads.
  UPLOAD_MAX_BYTES: int('UPLOAD_MAX_BYTES', 10 * 1024 * 1024, 1024),
  UPLOAD_MAX_PIXELS: int('UPLOAD_MAX_PIXELS', 40_000_000, 1),
  UPLOAD_MAX_SIDE: int('UPLOAD_MAX_SIDE', 10_000, 1),
  UPLOAD_MAX_PDF_PAGES: int('UPLOAD_MAX_PDF_PAGES', 20, 1),
  UPLOAD_RETENTION_DAYS: int('UPLOAD_RETENTION_DAYS', 7, 1),
  UPLOAD_READ_TIMEOUT_SECONDS: int('UPLOAD_READ_TIMEOUT_SECONDS', 20, 1),
  RATE_LIMIT_UPLOADS_IP_PER_MINUTE: int('RATE_LIMIT_UPLOADS_IP_PER_MINUTE', 10, 1),
  // Speech of the hall screen's guide (issue 12): longest text, audio cache, synthesis budget.
  SPEECH_MAX_CHARS: int('SPEECH_MAX_CHARS', 300, 1),
  SPEECH_CACHE_MB: int('SPEECH_CACHE_MB', 32),
  RATE_LIMIT_SPEECH_IP_PER_MINUTE: int('RATE_LIMIT_SPEECH_IP_PER_MINUTE', 30, 1),
  // Reading uploaded documents (issue 11): OCR worker processes and the time one upload may take.
  OCR_WORKERS: int('OCR_WORKERS', 1, 0),
  OCR_TIMEOUT_MS: int('OCR_TIMEOUT_MS', 20_000, 1000),
});

export type Settings = {
  host: string;
  port: number;
  dataDir: string;
  indexDir: string;
  catalogFile: string;
  hallFile: string;
  docsDir: string;
  embedder: {
    kind: 'builtin' | 'transformers' | 'openai';
    modelPath?: string;
    model?: string;
    baseUrl?: string;
    apiKey?: string;
  };
  chatModel?: { model: string; baseUrl?: string; apiKey?: string };
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  admin?: { username: string; password: string };
  limits: {
    maxMessageChars: number;
    maxBodyBytes: number;
    /** Largest catalog or hall file an administrator may upload in the console. */
    maxUploadBytes: number;
    ipPerMinute: number;
    sessionPerMinute: number;
    loginPerMinute: number;
    wsMaxConnections: number;
    /** Open websockets per client address (the right-most untrusted one, see TRUST_PROXY). */
    wsMaxConnectionsPerIp: number;
    /** A socket that has not said hello or welcome_back by then is closed (1008). */
    wsHelloTimeoutSeconds: number;
    /** A socket whose unsent output exceeds this is not read from and is closed (1013). */
    wsMaxBufferedBytes: number;
    /** Refused frames (junk, over a limit) answered per socket and minute; one more closes it (1008). */
    wsMaxRefusalsPerMinute: number;
    historyPageMessages: number;
    historyPageBytes: number;
    /** hello, welcome_back and history pages, per session and per client address. */
    historyPerMinute: number;
    historyIpPerMinute: number;
    ratingsPerMinute: number;
    ratingsIpPerMinute: number;
    escalationsPerMinute: number;
    escalationsIpPerMinute: number;
    typingPerMinute: number;
    typingIpPerMinute: number;
    /** Conversations ended (websocket `end`, `POST /api/v1/conversations/end`), per session and address. */
    endPerMinute: number;
    endIpPerMinute: number;
    /** Open live channels (`GET /api/v1/staff/events`) per staff session (tabs) and in all. */
    staffStreamsPerSession: number;
    staffStreamsMax: number;
    /** A comment line on every live channel this often, so proxies keep it and the session is rechecked. */
    staffStreamHeartbeatSeconds: number;
  };
  cases: {
    replyDays: number;
    specialDays: number;
    rectifyDays: number;
    holidaysFile?: string;
    /** Wrong lookups of one case number before it is locked, and for how long. */
    lookupMaxFailures: number;
    lookupLockMinutes: number;
    /** The reply time promised to a citizen handed over in staff hours (minutes). */
    handoverReplyMinutes: number;
    /** Minutes without a staff reply after which the waiting citizen is offered a call-back. */
    handoverNoticeMinutes: number;
  };
  /** IANA time zone of the hall: case numbers, deadlines and daily analytics follow its calendar. */
  timeZone: string;
  store: {
    synchronous: 'full' | 'normal';
    /** How long one SQLite call may block the event loop waiting for another process's lock. */
    busyTimeoutMs: number;
    /** How long a write keeps retrying (asynchronously) before the turn fails with STORE_BUSY. */
    lockWaitMs: number;
    /** Cap on the database size (0: none); beyond it writes fail and /healthz is degraded. */
    maxSizeMb: number;
    /** /healthz is degraded when the data folder's disk has less free space than this. */
    minFreeMb: number;
  };
  server: {
    cookieSecure: boolean;
    /** Which peers may set X-Forwarded-For: none, the nearest N hops, or these addresses/CIDRs. */
    trustProxy: TrustProxySetting;
    staticDir: string;
    staffSessionHours: number;
    /** Send Strict-Transport-Security (only behind HTTPS). */
    hsts: boolean;
    hstsMaxAgeSeconds: number;
  };
  safety: { sensitiveWordsFile?: string };
  precheckNotice: {
    /** Days a pre-check record (and its notice) is kept. */
    retentionDays: number;
    /** A TTF/OTF/TTC font with Chinese glyphs for the notice PDF; searched for when unset. */
    fontPath?: string;
  };
  /** Pre-check uploads: size, pixel and page limits, how long they are kept, how long reading may take. */
  uploads: {
    maxBytes: number;
    maxPixels: number;
    maxSide: number;
    maxPdfPages: number;
    retentionDays: number;
    readTimeoutSeconds: number;
    ipPerMinute: number;
  };
  speech: {
    /** Longest text one speech request may carry, in characters. */
    maxChars: number;
    /** Memory for synthesised sentences, in MB (0: nothing kept). */
    cacheMb: number;
    /** Requests per minute and client address that need the speech engine (cache misses). */
    synthesisIpPerMinute: number;
  };
  /** Reading uploaded documents: worker processes, and the longest one upload may take once started. */
  ocr: { workers: number; timeoutMs: number };
};

export class SettingsError extends Error {
  readonly code = 'SETTINGS_INVALID';
}

/** Reads and validates settings; `environment` defaults to `process.env` (tests pass their own). */
export function loadSettings(environment: Record<string, string | undefined> = process.env): Settings {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
    throw new SettingsError(`Invalid settings:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  if (env.EMBEDDER === 'transformers' && !env.EMBEDDING_MODEL_PATH) {
    throw new SettingsError('EMBEDDER=transformers needs EMBEDDING_MODEL_PATH (a local model folder).');
  }
  if (env.EMBEDDER === 'openai' && !env.OPENAI_BASE_URL) {
    throw new SettingsError('EMBEDDER=openai needs OPENAI_BASE_URL (an OpenAI-compatible /v1 endpoint).');
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port: env.PORT,
    dataDir,
    indexDir: path.resolve(env.INDEX_DIR ?? path.join(dataDir, 'index')),
    catalogFile: path.resolve(env.CATALOG_FILE ?? 'knowledge/data/catalog.json'),
    hallFile: path.resolve(env.HALL_FILE ?? 'knowledge/data/hall.json'),
    docsDir: path.resolve(env.DOCS_DIR ?? 'knowledge/data/policies'),
    embedder: {
      kind: env.EMBEDDER,
      modelPath: env.EMBEDDING_MODEL_PATH,
      model: env.EMBEDDING_MODEL,
      baseUrl: env.OPENAI_BASE_URL,
      apiKey: env.OPENAI_API_KEY,
    },
    chatModel: env.CHAT_MODEL
      ? { model: env.CHAT_MODEL, baseUrl: env.OPENAI_BASE_URL, apiKey: env.OPENAI_API_KEY }
      : undefined,
    logLevel: env.LOG_LEVEL,
    admin:
      env.ADMIN_USERNAME && env.ADMIN_PASSWORD
        ? { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD }
        : undefined,
    limits: {
      maxMessageChars: env.MAX_MESSAGE_CHARS,
      maxBodyBytes: env.MAX_BODY_BYTES,
      maxUploadBytes: env.MAX_UPLOAD_BYTES,
      ipPerMinute: env.RATE_LIMIT_IP_PER_MINUTE,
      sessionPerMinute: env.RATE_LIMIT_SESSION_PER_MINUTE,
      loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
      wsMaxConnections: env.WS_MAX_CONNECTIONS,
      wsMaxConnectionsPerIp: env.WS_MAX_CONNECTIONS_PER_IP,
      wsHelloTimeoutSeconds: env.WS_HELLO_TIMEOUT_SECONDS,
      wsMaxBufferedBytes: env.WS_MAX_BUFFERED_BYTES,
      wsMaxRefusalsPerMinute: env.WS_MAX_REFUSALS_PER_MINUTE,
      historyPageMessages: env.WS_HISTORY_PAGE_MESSAGES,
      historyPageBytes: env.WS_HISTORY_PAGE_BYTES,
      historyPerMinute: env.RATE_LIMIT_HISTORY_PER_MINUTE,
      historyIpPerMinute: env.RATE_LIMIT_HISTORY_IP_PER_MINUTE,
      ratingsPerMinute: env.RATE_LIMIT_RATINGS_PER_MINUTE,
      ratingsIpPerMinute: env.RATE_LIMIT_RATINGS_IP_PER_MINUTE,
      escalationsPerMinute: env.RATE_LIMIT_ESCALATIONS_PER_MINUTE,
      escalationsIpPerMinute: env.RATE_LIMIT_ESCALATIONS_IP_PER_MINUTE,
      typingPerMinute: env.RATE_LIMIT_TYPING_PER_MINUTE,
      typingIpPerMinute: env.RATE_LIMIT_TYPING_IP_PER_MINUTE,
      endPerMinute: env.RATE_LIMIT_END_PER_MINUTE,
      endIpPerMinute: env.RATE_LIMIT_END_IP_PER_MINUTE,
      staffStreamsPerSession: env.STAFF_STREAMS_PER_SESSION,
      staffStreamsMax: env.STAFF_STREAMS_MAX,
      staffStreamHeartbeatSeconds: env.STAFF_STREAM_HEARTBEAT_SECONDS,
    },
    cases: {
      replyDays: env.CASE_REPLY_DAYS,
      specialDays: env.CASE_SPECIAL_DAYS,
      rectifyDays: env.RECTIFY_DAYS,
      holidaysFile: env.HOLIDAYS_FILE ? path.resolve(env.HOLIDAYS_FILE) : undefined,
      lookupMaxFailures: env.CASE_LOOKUP_MAX_FAILURES,
      lookupLockMinutes: env.CASE_LOOKUP_LOCK_MINUTES,
      handoverReplyMinutes: env.HANDOVER_REPLY_MINUTES,
      handoverNoticeMinutes: env.HANDOVER_NOTICE_MINUTES,
    },
    timeZone: env.TIME_ZONE ?? 'Asia/Shanghai',
    store: {
      synchronous: env.DB_SYNCHRONOUS,
      busyTimeoutMs: env.DB_BUSY_TIMEOUT_MS,
      lockWaitMs: env.DB_LOCK_WAIT_MS,
      maxSizeMb: env.DB_MAX_SIZE_MB,
      minFreeMb: env.DB_MIN_FREE_MB,
    },
    server: {
      cookieSecure: env.COOKIE_SECURE ?? defaultCookieSecure(env.TRUST_PROXY),
      trustProxy: env.TRUST_PROXY,
      staticDir: path.resolve(env.STATIC_DIR ?? 'web-widget/dist'),
      staffSessionHours: env.STAFF_SESSION_HOURS,
      hsts: env.HSTS,
      hstsMaxAgeSeconds: env.HSTS_MAX_AGE,
    },
    safety: {
      sensitiveWordsFile: env.SENSITIVE_WORDS_FILE ? path.resolve(env.SENSITIVE_WORDS_FILE) : undefined,
    },
    precheckNotice: {
      retentionDays: env.PRECHECK_RETENTION_DAYS,
      fontPath: env.NOTICE_FONT_PATH ? path.resolve(env.NOTICE_FONT_PATH) : undefined,
    },
    uploads: {
      maxBytes: env.UPLOAD_MAX_BYTES,
      maxPixels: env.UPLOAD_MAX_PIXELS,
      maxSide: env.UPLOAD_MAX_SIDE,
      maxPdfPages: env.UPLOAD_MAX_PDF_PAGES,
      retentionDays: env.UPLOAD_RETENTION_DAYS,
      readTimeoutSeconds: env.UPLOAD_READ_TIMEOUT_SECONDS,
      ipPerMinute: env.RATE_LIMIT_UPLOADS_IP_PER_MINUTE,
    },
    speech: {
      maxChars: env.SPEECH_MAX_CHARS,
      cacheMb: env.SPEECH_CACHE_MB,
      synthesisIpPerMinute: env.RATE_LIMIT_SPEECH_IP_PER_MINUTE,
    },
    ocr: { workers: env.OCR_WORKERS, timeoutMs: env.OCR_TIMEOUT_MS },
  };
}
