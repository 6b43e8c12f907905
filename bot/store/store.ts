/**
 * The Store seam: conversations, messages, cases, ratings, users, staff sessions, the audit log and
 * staff-written knowledge. SQLite (`sqlite-store.ts`) is the implementation; the interface is
 * synchronous because better-sqlite3 commits before returning, which is what lets the server
 * acknowledge a message only once it is on disk.
 */
import type { Answer, DialogueState, Intent, KnowledgeEntry } from '../types.ts';
import type { CaseCategory, CaseStatus } from '../cases/case-types.ts';
import type { SatisfactionLevel } from '../ratings/satisfaction-levels.ts';
import type { AnalyticsQueries } from './analytics-queries.ts';
import type { StoreHealth } from './sqlite-health.ts';

export type MessageRole = 'citizen' | 'assistant' | 'staff' | 'system';

export interface NewMessage {
  conversationId: string;
  role: MessageRole;
  text: string;
  createdAt: string;
  /** The hall-calendar day, for daily analytics. */
  localDate: string;
  answer?: Answer;
  caseNumber?: string;
  staffUsername?: string;
  /** Staff replies start undelivered until the citizen's socket has received them. */
  delivered?: boolean;
  /** Knowledge-gap marker on assistant answers (unknown, clarify, no item found). */
  lowConfidence?: boolean;
  /** The client's id of a citizen message (unique per conversation): a resend is recognised. */
  clientId?: string;
}

export interface MessageRecord {
  id: number;
  conversationId: string;
  role: MessageRole;
  text: string;
  createdAt: string;
  localDate: string;
  answer?: Answer;
  intent?: Intent;
  itemId?: string;
  itemName?: string;
  zone?: string;
  escalate: boolean;
  lowConfidence: boolean;
  caseNumber?: string;
  staffUsername?: string;
  delivered: boolean;
  clientId?: string;
}

export interface ConversationRecord {
  /** The chat session key: the citizen's secret, never shown to staff. */
  id: string;
  /** What staff, analytics and the audit log call the conversation (`cv~…`); cannot resume it. */
  publicId: string;
  createdAt: string;
  updatedAt: string;
  state: DialogueState;
  /** When the citizen ended it (结束并清除对话, a kiosk or public computer going back home). */
  endedAt?: string;
  /** Who answers the citizen: the bot, nobody yet (handed over, waiting), or a staff member. */
  mode: ConversationMode;
  /** The case that holds the hand-over, while the mode is not `bot`. */
  modeCase?: string;
  modeSince?: string;
  /** When the citizen was told that nobody has replied yet (once per wait). */
  waitNoticeAt?: string;
}

export type ConversationMode = 'bot' | 'waiting' | 'staff';

export interface CaseRecord {
  number: string;
  conversationId: string;
  category: CaseCategory;
  status: CaseStatus;
  itemId?: string;
  itemName?: string;
  zone?: string;
  /** Full phone as given, stored only with consent; shown masked everywhere. */
  phone?: string;
  description?: string;
  createdAt: string;
  updatedAt: string;
  acceptedDate: string;
  /** Last working day to answer (hall calendar, inclusive). */
  deadline: string;
  special: boolean;
  assignee?: string;
  department?: string;
  resolution?: string;
  followUp?: string;
  firstReplyAt?: string;
  closedAt?: string;
  ratingId?: number;
  /** When the bot was not sure which item the case is about: the items it considered. */
  topicCandidates?: { id: string; name: string }[];
  /** Hash of the one-time lookup code given to a citizen who left no phone. */
  lookupCodeHash?: string;
}

export interface CaseEventRecord {
  id: number;
  caseNumber: string;
  at: string;
  actor: string;
  action: string;
  fromStatus?: CaseStatus;
  toStatus?: CaseStatus;
  note?: string;
}

export interface CaseFilter {
  status?: CaseStatus;
  /** Any of these statuses (with `status`, both apply). */
  statuses?: readonly CaseStatus[];
  zone?: string;
  /** The staff member who claimed or answered the case. */
  assignee?: string;
  category?: CaseCategory;
  /** Only cases whose deadline is before this day and that are still open. */
  overdueBefore?: string;
  /** Substring of number, item name, masked description (as staff see it) or department. */
  query?: string;
  conversationId?: string;
  limit?: number;
}

export type RatingTarget = 'answer' | 'conversation' | 'case';

export interface RatingRecord {
  id: number;
  conversationId: string;
  target: RatingTarget;
  targetId?: string;
  level: SatisfactionLevel;
  comment?: string;
  itemId?: string;
  itemName?: string;
  zone?: string;
  caseNumber?: string;
  createdAt: string;
  localDate: string;
}

export type Role = 'staff' | 'admin';

export interface UserRecord {
  username: string;
  passwordHash: string;
  role: Role;
  department?: string;
  createdAt: string;
  /** Set while the account is disabled: it cannot log in and its sessions are gone. */
  disabledAt?: string;
}

export interface StaffSessionRecord {
  tokenHash: string;
  username: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  target?: string;
  detail?: Record<string, unknown>;
}

export type KnowledgeStatus = 'active' | 'retired';

export interface StoredKnowledge extends KnowledgeEntry {
  createdBy: string;
  questions: string[];
  status: KnowledgeStatus;
  updatedAt?: string;
  updatedBy?: string;
  /** Answers that used the entry. */
  hits: number;
  lastHitAt?: string;
  /** The case whose staff reply the entry was made from. */
  sourceCase?: string;
}

/** A knowledge gap staff set aside (noise) or answered, by its normalised question. */
export interface GapMark {
  questionKey: string;
  question: string;
  mark: 'dismissed' | 'answered';
  entryId?: string;
  markedAt: string;
  markedBy: string;
}

/**
 * Wrong lookups of a case number (件号 + the phone's last four digits) and the lock they lead to,
 * kept in the database so that a restart does not lift a lock and every process sharing the
 * database counts the same failures. Times are milliseconds since the epoch.
 */
export interface CaseLookupFailures {
  /** When the lock on `number` ends, if it is locked at `now`. */
  lockedUntil(number: string, now: number): number | undefined;
  /**
   * Counts one wrong lookup at `now`, in one atomic step: failures are counted within `windowMs`
   * of the first; the `maxFailures`-th locks the number for `windowMs`. Expired entries go.
   */
  recordFailure(number: string, rule: { now: number; windowMs: number; maxFailures: number }): void;
  /** A right lookup forgets the failures. */
  clear(number: string): void;
}

/** A stored pre-check (一次性告知书); `resultJson` has its personal numbers masked already. */
export interface PrecheckRecord {
  precheckNo: string;
  /** Hash of the citizen's notice key (the key itself is never stored). */
  keyHash: string;
  itemId: string;
  itemName: string;
  resultJson: string;
  createdAt: string;
  expiresAt: string;
}

export interface PrecheckRecords {
  /** False when the number is taken already (the caller draws another). */
  insert(record: PrecheckRecord): boolean;
  get(precheckNo: string): PrecheckRecord | undefined;
  /** Deletes the records expired at `now`; returns how many. */
  deleteExpired(now: string): number;
}

/** A stored pre-check upload (its file is `DATA_DIR/uploads/<id>`). Times are ms since the epoch. */
export interface UploadRecord {
  id: string;
  contentType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
  bytes: number;
  pages: number;
  width?: number;
  height?: number;
  createdAt: number;
  expiresAt: number;
  /** What a reader found (JSON of the document type, fields and problem), once read. */
  reading?: string;
}

export interface UploadRecords {
  insert(record: UploadRecord): void;
  get(id: string): UploadRecord | undefined;
  setReading(id: string, reading: string): void;
  /** True when there was such a row. */
  delete(id: string): boolean;
  /** Deletes the rows expired at `now`; returns their ids (whose files are to go too). */
  deleteExpired(now: number): string[];
  /** Every id still stored (the sweep deletes files without a row). */
  ids(): Set<string>;
}

export interface Store {
  /** Runs `work` in one transaction: all its writes commit together or not at all. */
  transaction<T>(work: () => T): T;

  getConversation(id: string): ConversationRecord | undefined;
  /** Creates the conversation if new and stores its dialogue state. */
  saveConversationState(id: string, state: DialogueState, at: string): void;
  /**
   * Ends the conversation of session key `id`: it is marked ended and re-keyed, with its messages,
   * cases and ratings, to its public id — which no session key can be — so staff keep everything
   * and the key can only start a new conversation. False when the key had none.
   */
  endConversation(id: string, at: string): boolean;
  appendMessage(message: NewMessage): MessageRecord;
  getMessage(id: number): MessageRecord | undefined;
  /** The last `limit` messages (before `beforeId` when given), oldest first. */
  listMessages(conversationId: string, options?: { limit?: number; beforeId?: number }): MessageRecord[];
  countMessages(conversationId: string, role: MessageRole): number;
  /** The citizen message the client sent with this id, if it was already taken. */
  findClientMessage(conversationId: string, clientId: string): MessageRecord | undefined;
  /** Sets who answers the conversation (creating it if new); the wait notice is cleared. */
  setConversationMode(id: string, mode: ConversationMode, caseNumber: string | undefined, at: string): void;
  markWaitNotice(id: string, at: string): void;
  /** Conversations handed over and waiting for a person, the longest waiting first. */
  listWaitingConversations(): ConversationRecord[];
  undeliveredStaffMessages(conversationId: string): MessageRecord[];
  markDelivered(messageIds: number[]): void;

  /** Next sequence number of the day for a case-number prefix (1, 2, …). */
  nextCaseSequence(prefix: string, localDate: string): number;
  insertCase(record: CaseRecord): void;
  updateCase(number: string, patch: Partial<Omit<CaseRecord, 'number'>>): void;
  getCase(number: string): CaseRecord | undefined;
  listCases(filter: CaseFilter): CaseRecord[];
  appendCaseEvent(event: Omit<CaseEventRecord, 'id'>): CaseEventRecord;
  listCaseEvents(number: string): CaseEventRecord[];
  listCaseMessages(number: string): MessageRecord[];

  insertRating(rating: Omit<RatingRecord, 'id'>): RatingRecord;
  /** The rating a session already gave this target, if any. */
  findRating(conversationId: string, target: RatingTarget, targetId?: string): RatingRecord | undefined;
  updateRatingCase(id: number, caseNumber: string): void;
  listRatings(filter: { level?: SatisfactionLevel; limit?: number }): RatingRecord[];

  insertUser(user: UserRecord): void;
  getUser(username: string): UserRecord | undefined;
  countUsers(role?: Role): number;
  listUsers(): UserRecord[];
  setUserPassword(username: string, passwordHash: string): void;
  /** `undefined` enables the account again. */
  setUserDisabled(username: string, disabledAt: string | undefined): void;
  /** Ends every session of a user; returns how many there were. */
  deleteStaffSessionsOf(username: string): number;

  insertStaffSession(session: StaffSessionRecord): void;
  getStaffSession(tokenHash: string): StaffSessionRecord | undefined;
  deleteStaffSession(tokenHash: string): void;
  deleteExpiredStaffSessions(now: string): void;

  /** The audit log only grows: the schema refuses updates and deletes. */
  appendAudit(entry: Omit<AuditRecord, 'id'>): AuditRecord;
  /** Newest first; `actions` keeps only those actions (e.g. the index publications). */
  listAudit(options?: { limit?: number; beforeId?: number; actions?: string[] }): AuditRecord[];

  insertKnowledge(entry: Omit<StoredKnowledge, 'hits' | 'status'> & { status?: KnowledgeStatus }): void;
  /** Oldest first; `status` keeps only entries in it. */
  listKnowledge(options?: { status?: KnowledgeStatus }): StoredKnowledge[];
  getKnowledge(id: string): StoredKnowledge | undefined;
  updateKnowledge(
    id: string,
    change: Partial<Pick<StoredKnowledge, 'question' | 'questions' | 'answer' | 'itemId' | 'status'>> & {
      updatedAt: string;
      updatedBy: string;
    },
  ): void;
  /** Marks a gap (replacing an earlier mark of the same question). */
  markGap(mark: GapMark): void;
  listGapMarks(): GapMark[];

  readonly caseLookupFailures: CaseLookupFailures;
  readonly prechecks: PrecheckRecords;
  readonly uploads: UploadRecords;
  readonly analytics: AnalyticsQueries;
  /** Whether a write would succeed now (lock, full database or disk, read-only file); for /healthz. */
  checkHealth(): StoreHealth;
  close(): void;
}
