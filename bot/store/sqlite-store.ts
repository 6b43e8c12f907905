/**
 * The SQLite Store (better-sqlite3): one file under DATA_DIR, WAL journal, numbered migrations.
 * better-sqlite3 is synchronous, so when a write returns it has committed; with
 * `synchronous = FULL` it is also on disk, which is what "acknowledged means kept" needs.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Answer, DialogueState, Intent } from '../types.ts';
import type { CaseCategory, CaseStatus } from '../cases/case-types.ts';
import type { SatisfactionLevel } from '../ratings/satisfaction-levels.ts';
import { SATISFACTION_SCORE } from '../ratings/satisfaction-levels.ts';
import { migrate } from './migrations.ts';
import { newPublicConversationId } from './public-conversation-id.ts';
import { maskPersonalText } from '../logging/personal-data-masker.ts';
import { createDatabaseFile, secureDataFolder, tightenDatabaseFiles } from './file-permissions.ts';
import { createHealthProbe } from './sqlite-health.ts';
import { prepareEndConversation } from './sqlite-end-conversation.ts';
import { prepareConversationModes } from './sqlite-conversation-modes.ts';
import { createSqlitePrechecks } from './sqlite-prechecks.ts';
import { createSqliteCaseLookupFailures } from './sqlite-case-lookup-failures.ts';
import { createSqliteUploads } from './sqlite-uploads.ts';
import type {
  AnalyticsQueries,
  DailyVolumeRow,
  DateRange,
  GapRow,
  ItemCountRow,
  ResponseTimeRow,
  SatisfactionRow,
  CaseTimesRow,
} from './analytics-queries.ts';
import type {
  AuditRecord,
  CaseFilter,
  CaseRecord,
  ConversationMode,
  ConversationRecord,
  MessageRecord,
  NewMessage,
  RatingRecord,
  Role,
  StaffSessionRecord,
  Store,
  StoredKnowledge,
  GapMark,
  UserRecord,
} from './store.ts';

type Row = Record<string, unknown>;

const optional = <T>(value: unknown): T | undefined =>
  value === null || value === undefined ? undefined : (value as T);

function toConversation(row: Row): ConversationRecord {
  return {
    id: row.id as string,
    publicId: row.public_id as string,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
    state: JSON.parse(row.state_json as string) as DialogueState,
    endedAt: optional(row.ended_at),
    mode: (row.mode as ConversationMode | undefined) ?? 'bot',
    modeCase: optional(row.mode_case),
    modeSince: optional(row.mode_since),
    waitNoticeAt: optional(row.wait_notice_at),
  };
}

function toMessage(row: Row): MessageRecord {
  return {
    id: row.id as number,
    conversationId: row.conversation_id as string,
    role: row.role as MessageRecord['role'],
    text: row.text as string,
    createdAt: row.created_at as string,
    localDate: row.local_date as string,
    answer: row.answer_json ? (JSON.parse(row.answer_json as string) as Answer) : undefined,
    intent: optional<Intent>(row.intent),
    itemId: optional(row.item_id),
    itemName: optional(row.item_name),
    zone: optional(row.zone),
    escalate: row.escalate === 1,
    lowConfidence: row.low_confidence === 1,
    caseNumber: optional(row.case_number),
    staffUsername: optional(row.staff_username),
    delivered: row.delivered === 1,
    clientId: optional(row.client_id),
  };
}

const CASE_COLUMNS: Record<keyof CaseRecord, string> = {
  number: 'number',
  conversationId: 'conversation_id',
  category: 'category',
  status: 'status',
  itemId: 'item_id',
  itemName: 'item_name',
  zone: 'zone',
  phone: 'phone',
  description: 'description',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  acceptedDate: 'accepted_date',
  deadline: 'deadline',
  special: 'special',
  assignee: 'assignee',
  department: 'department',
  resolution: 'resolution',
  followUp: 'follow_up',
  firstReplyAt: 'first_reply_at',
  closedAt: 'closed_at',
  ratingId: 'rating_id',
  topicCandidates: 'topic_candidates_json',
  lookupCodeHash: 'lookup_code_hash',
};

function toCase(row: Row): CaseRecord {
  return {
    number: row.number as string,
    conversationId: row.conversation_id as string,
    category: row.category as CaseCategory,
    status: row.status as CaseStatus,
    itemId: optional(row.item_id),
    itemName: optional(row.item_name),
    zone: optional(row.zone),
    phone: optional(row.phone),
    description: optional(row.description),
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
    acceptedDate: row.accepted_date as string,
    deadline: row.deadline as string,
    special: row.special === 1,
    assignee: optional(row.assignee),
    department: optional(row.department),
    resolution: optional(row.resolution),
    followUp: optional(row.follow_up),
    firstReplyAt: optional<string>(row.first_reply_at),
    closedAt: optional<string>(row.closed_at),
    ratingId: optional(row.rating_id),
    topicCandidates: row.topic_candidates_json
      ? (JSON.parse(row.topic_candidates_json as string) as CaseRecord['topicCandidates'])
      : undefined,
    lookupCodeHash: optional(row.lookup_code_hash),
  };
}

const toSqlValue = (value: unknown): unknown => {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value;
};

function toRating(row: Row): RatingRecord {
  return {
    id: row.id as number,
    conversationId: row.conversation_id as string,
    target: row.target as RatingRecord['target'],
    targetId: optional(row.target_id),
    level: row.level as SatisfactionLevel,
    comment: optional(row.comment),
    itemId: optional(row.item_id),
    itemName: optional(row.item_name),
    zone: optional(row.zone),
    caseNumber: optional(row.case_number),
    createdAt: row.created_at as string,
    localDate: row.local_date as string,
  };
}

function toUser(row: Row): UserRecord {
  return {
    username: row.username as string,
    passwordHash: row.password_hash as string,
    role: row.role as Role,
    department: optional(row.department),
    createdAt: row.created_at as string,
    disabledAt: optional(row.disabled_at),
  };
}

function toAudit(row: Row): AuditRecord {
  return {
    id: row.id as number,
    at: row.at as string,
    actor: row.actor as string,
    action: row.action as string,
    target: optional(row.target),
    detail: row.detail_json ? (JSON.parse(row.detail_json as string) as Record<string, unknown>) : undefined,
  };
}

export interface SqliteStoreOptions {
  /** Folder for `daoban.sqlite`; created if missing. `:memory:` for a throwaway database. */
  dataDir: string;
  synchronous?: 'full' | 'normal';
  /** Longest one call blocks on another connection's lock (SQLite `busy_timeout`); 50 ms by default. */
  busyTimeoutMs?: number;
  /** Cap on the database size in MB (0 or absent: none). */
  maxSizeMb?: number;
  /** Free space the data folder's disk must keep for the store to count as healthy. */
  minFreeMb?: number;
}

/** A stored entry; rows from before example questions were kept have their one question. */
function toKnowledge(row: Row): StoredKnowledge {
  const question = row.question as string;
  const questions = row.questions_json ? (JSON.parse(row.questions_json as string) as string[]) : [question];
  return {
    id: row.id as string,
    question,
    questions,
    answer: row.answer as string,
    itemId: optional(row.item_id),
    createdAt: row.created_at as string,
    createdBy: row.created_by as string,
    status: (row.status as StoredKnowledge['status'] | undefined) ?? 'active',
    updatedAt: optional(row.updated_at),
    updatedBy: optional(row.updated_by),
    hits: (row.hits as number | undefined) ?? 0,
    lastHitAt: optional(row.last_hit_at),
    sourceCase: optional(row.source_case),
  };
}

export function openSqliteStore(options: SqliteStoreOptions): Store {
  let file = ':memory:';
  if (options.dataDir !== ':memory:') {
    secureDataFolder(options.dataDir);
    file = path.join(options.dataDir, 'daoban.sqlite');
    createDatabaseFile(file);
  }
  const database = new Database(file);
  // Set before anything else, so even opening waits only this long for another process's lock.
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 50))}`);
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  database.pragma('foreign_keys = ON');
  migrate(database);
  // Case search reads descriptions as staff see them, masked: a search for digits of an ID number
  // must not find (and so confirm) the digits that the mask hides.
  database.function('masked_text', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? maskPersonalText(text) : null,
  );
  if (file !== ':memory:') tightenDatabaseFiles(file);
  if (options.maxSizeMb && options.maxSizeMb > 0) {
    const pageSize = database.pragma('page_size', { simple: true }) as number;
    database.pragma(`max_page_count = ${Math.floor((options.maxSizeMb * 1048576) / pageSize)}`);
  }
  const checkHealth = createHealthProbe(database, {
    folder: file === ':memory:' ? undefined : options.dataDir,
    minFreeBytes: (options.minFreeMb ?? 0) * 1048576,
  });

  // Statements are prepared once; better-sqlite3 reuses them.
  const statements = {
    getConversation: database.prepare('SELECT * FROM conversations WHERE id = ?'),
    upsertConversation:
      database.prepare(`INSERT INTO conversations (id, public_id, created_at, updated_at, state_json)
      VALUES (@id, @publicId, @at, @at, @state) ON CONFLICT(id) DO UPDATE SET updated_at = @at, state_json = @state`),
    ensureConversation:
      database.prepare(`INSERT INTO conversations (id, public_id, created_at, updated_at, state_json)
      VALUES (@id, @publicId, @at, @at, @state) ON CONFLICT(id) DO UPDATE SET updated_at = @at`),
    insertMessage:
      database.prepare(`INSERT INTO messages (conversation_id, role, text, created_at, local_date,
      answer_json, intent, item_id, item_name, zone, escalate, low_confidence, case_number, staff_username, delivered,
      client_id)
      VALUES (@conversationId, @role, @text, @createdAt, @localDate, @answerJson, @intent, @itemId, @itemName,
      @zone, @escalate, @lowConfidence, @caseNumber, @staffUsername, @delivered, @clientId)`),
    findClientMessage: database.prepare(
      "SELECT * FROM messages WHERE conversation_id = ? AND client_id = ? AND role = 'citizen'",
    ),
    getMessage: database.prepare('SELECT * FROM messages WHERE id = ?'),
    listMessages: database.prepare(
      'SELECT * FROM (SELECT * FROM messages WHERE conversation_id = ? AND id < ? ORDER BY id DESC LIMIT ?) ORDER BY id',
    ),
    countMessages: database.prepare(
      'SELECT COUNT(*) AS count FROM messages WHERE conversation_id = ? AND role = ?',
    ),
    findRating: database.prepare(
      'SELECT * FROM ratings WHERE conversation_id = ? AND target = ? AND target_id IS ? ORDER BY id LIMIT 1',
    ),
    undelivered: database.prepare(
      "SELECT * FROM messages WHERE conversation_id = ? AND delivered = 0 AND role = 'staff' ORDER BY id",
    ),
    markDelivered: database.prepare('UPDATE messages SET delivered = 1 WHERE id = ?'),
    nextSequence: database.prepare(`INSERT INTO case_sequences (prefix, local_date, last) VALUES (?, ?, 1)
      ON CONFLICT(prefix, local_date) DO UPDATE SET last = last + 1 RETURNING last`),
    getCase: database.prepare('SELECT * FROM cases WHERE number = ?'),
    caseMessages: database.prepare('SELECT * FROM messages WHERE case_number = ? ORDER BY id'),
    insertEvent:
      database.prepare(`INSERT INTO case_events (case_number, at, actor, action, from_status, to_status, note)
      VALUES (@caseNumber, @at, @actor, @action, @fromStatus, @toStatus, @note)`),
    listEvents: database.prepare('SELECT * FROM case_events WHERE case_number = ? ORDER BY id'),
    insertRating:
      database.prepare(`INSERT INTO ratings (conversation_id, target, target_id, level, comment, item_id,
      item_name, zone, case_number, created_at, local_date) VALUES (@conversationId, @target, @targetId, @level,
      @comment, @itemId, @itemName, @zone, @caseNumber, @createdAt, @localDate)`),
    ratingCase: database.prepare('UPDATE ratings SET case_number = ? WHERE id = ?'),
    insertUser: database.prepare(`INSERT INTO users (username, password_hash, role, department, created_at)
      VALUES (@username, @passwordHash, @role, @department, @createdAt)`),
    getUser: database.prepare('SELECT * FROM users WHERE username = ?'),
    insertSession:
      database.prepare(`INSERT INTO staff_sessions (token_hash, username, csrf_token, created_at, expires_at)
      VALUES (@tokenHash, @username, @csrfToken, @createdAt, @expiresAt)`),
    getSession: database.prepare('SELECT * FROM staff_sessions WHERE token_hash = ?'),
    deleteSession: database.prepare('DELETE FROM staff_sessions WHERE token_hash = ?'),
    deleteExpired: database.prepare('DELETE FROM staff_sessions WHERE expires_at <= ?'),
    insertAudit: database.prepare(
      'INSERT INTO audit_log (at, actor, action, target, detail_json) VALUES (@at, @actor, @action, @target, @detail)',
    ),
    insertKnowledge: database.prepare(`INSERT INTO knowledge_entries
      (id, question, answer, item_id, created_at, created_by, questions_json, status, source_case)
      VALUES (@id, @question, @answer, @itemId, @createdAt, @createdBy, @questions, @status, @sourceCase)`),
    countKnowledgeHit: database.prepare(
      `UPDATE knowledge_entries SET hits = hits + 1, last_hit_at = @at WHERE id = @id`,
    ),
    markGap: database.prepare(`INSERT INTO knowledge_gap_marks
      (question_key, question, mark, entry_id, marked_at, marked_by)
      VALUES (@questionKey, @question, @mark, @entryId, @markedAt, @markedBy)
      ON CONFLICT(question_key) DO UPDATE SET question = excluded.question, mark = excluded.mark,
        entry_id = excluded.entry_id, marked_at = excluded.marked_at, marked_by = excluded.marked_by`),
  };

  const analytics: AnalyticsQueries = {
    dailyVolume(range: DateRange): DailyVolumeRow[] {
      const rows = database
        .prepare(
          `SELECT local_date AS date,
             COUNT(DISTINCT conversation_id) AS conversations,
             SUM(role = 'citizen') AS questions,
             SUM(role = 'assistant' AND escalate = 1) AS escalatedAnswers,
             SUM(role = 'assistant' AND low_confidence = 1) AS lowConfidence
           FROM messages WHERE local_date BETWEEN ? AND ? GROUP BY local_date ORDER BY local_date`,
        )
        .all(range.from, range.to) as Row[];
      const cases = new Map(
        (
          database
            .prepare(
              'SELECT accepted_date AS date, COUNT(*) AS n FROM cases WHERE accepted_date BETWEEN ? AND ? GROUP BY accepted_date',
            )
            .all(range.from, range.to) as Row[]
        ).map((row) => [row.date as string, row.n as number]),
      );
      const days = new Set([...rows.map((row) => row.date as string), ...cases.keys()]);
      const byDay = new Map(rows.map((row) => [row.date as string, row]));
      return [...days].sort().map((date) => {
        const row = byDay.get(date);
        return {
          date,
          conversations: Number(row?.conversations ?? 0),
          questions: Number(row?.questions ?? 0),
          escalatedAnswers: Number(row?.escalatedAnswers ?? 0),
          lowConfidence: Number(row?.lowConfidence ?? 0),
          casesOpened: cases.get(date) ?? 0,
        };
      });
    },
    topItems(range, limit): ItemCountRow[] {
      return (
        database
          .prepare(
            `SELECT item_id AS itemId, MAX(item_name) AS itemName, MAX(zone) AS zone, COUNT(*) AS count
             FROM messages WHERE role = 'assistant' AND item_id IS NOT NULL AND local_date BETWEEN ? AND ?
             GROUP BY item_id ORDER BY count DESC, itemId LIMIT ?`,
          )
          .all(range.from, range.to, limit) as Row[]
      ).map((row) => ({
        itemId: row.itemId as string,
        itemName: (row.itemName as string) ?? '',
        zone: optional(row.zone),
        count: row.count as number,
      }));
    },
    gaps(range, limit): GapRow[] {
      // The question is the citizen message just before each low-confidence answer.
      return (
        database
          .prepare(
            `SELECT q.text AS question, COUNT(*) AS count, MAX(a.created_at) AS lastAt, MAX(a.intent) AS intent
             FROM messages a JOIN messages q ON q.id = (
               SELECT MAX(id) FROM messages WHERE conversation_id = a.conversation_id AND id < a.id AND role = 'citizen')
             WHERE a.role = 'assistant' AND a.low_confidence = 1 AND a.local_date BETWEEN ? AND ?
             GROUP BY q.text ORDER BY count DESC, lastAt DESC LIMIT ?`,
          )
          .all(range.from, range.to, limit) as Row[]
      ).map((row) => ({
        question: row.question as string,
        count: row.count as number,
        lastAt: row.lastAt as string,
        intent: optional(row.intent),
      }));
    },
    conversationCounts(range) {
      const row = database
        .prepare(
          `SELECT COUNT(DISTINCT conversation_id) AS conversations,
             COUNT(DISTINCT CASE WHEN role = 'assistant' AND escalate = 1 THEN conversation_id END) AS escalatedByBot
           FROM messages WHERE local_date BETWEEN ? AND ?`,
        )
        .get(range.from, range.to) as Row;
      const withCase = database
        .prepare(
          `SELECT COUNT(DISTINCT c.conversation_id) AS n FROM cases c
           WHERE c.accepted_date BETWEEN ? AND ? AND c.category != '整改'
             AND c.conversation_id NOT IN (SELECT conversation_id FROM messages
               WHERE role = 'assistant' AND escalate = 1 AND local_date BETWEEN ? AND ?)`,
        )
        .get(range.from, range.to, range.from, range.to) as Row;
      return {
        conversations: Number(row.conversations ?? 0),
        escalated: Number(row.escalatedByBot ?? 0) + Number(withCase.n ?? 0),
      };
    },
    satisfaction(range, by): SatisfactionRow[] {
      const keyColumn = by === 'item' ? 'item_id' : 'zone';
      const nameColumn = by === 'item' ? 'MAX(item_name)' : 'zone';
      const scoreCase = Object.entries(SATISFACTION_SCORE)
        .map(([level, score]) => `WHEN '${level}' THEN ${score}`)
        .join(' ');
      return (
        database
          .prepare(
            `SELECT COALESCE(${keyColumn}, '') AS key, COALESCE(${nameColumn}, '') AS name, COUNT(*) AS count,
               AVG(CASE level ${scoreCase} END) AS average, SUM(level IN ('不满意', '非常不满意')) AS poor
             FROM ratings WHERE local_date BETWEEN ? AND ? GROUP BY ${keyColumn} ORDER BY count DESC`,
          )
          .all(range.from, range.to) as Row[]
      ).map((row) => ({
        key: row.key as string,
        name: row.name as string,
        count: row.count as number,
        average: Math.round((row.average as number) * 100) / 100,
        poor: Number(row.poor ?? 0),
      }));
    },
    firstStaffReplies(range): ResponseTimeRow[] {
      return (
        database
          .prepare(
            `SELECT c.number AS caseNumber, c.created_at AS createdAt, m.created_at AS firstReplyAt,
               m.staff_username AS staff
             FROM cases c JOIN messages m ON m.id = (
               SELECT MIN(id) FROM messages WHERE case_number = c.number AND role = 'staff')
             WHERE c.accepted_date BETWEEN ? AND ? ORDER BY c.created_at`,
          )
          .all(range.from, range.to) as Row[]
      ).map((row) => ({
        caseNumber: row.caseNumber as string,
        createdAt: row.createdAt as string,
        firstReplyAt: row.firstReplyAt as string,
        staff: (row.staff as string) ?? '',
      }));
    },
    caseTimes(range): CaseTimesRow[] {
      return (
        database
          .prepare(
            `SELECT number, category, status, created_at, accepted_date, deadline, first_reply_at, closed_at
             FROM cases WHERE accepted_date BETWEEN ? AND ? ORDER BY created_at`,
          )
          .all(range.from, range.to) as Row[]
      ).map((row) => ({
        caseNumber: row.number as string,
        category: row.category as string,
        status: row.status as string,
        createdAt: row.created_at as string,
        acceptedDate: row.accepted_date as string,
        deadline: row.deadline as string,
        firstReplyAt: optional<string>(row.first_reply_at),
        closedAt: optional<string>(row.closed_at),
      }));
    },
  };

  const store: Store = {
    // IMMEDIATE takes the write lock at BEGIN, so a lock held elsewhere shows as SQLITE_BUSY at once
    // (and is retried by the caller) rather than as a failed upgrade halfway through.
    transaction: <T>(work: () => T): T => database.transaction(work).immediate(),

    getConversation(id): ConversationRecord | undefined {
      const row = statements.getConversation.get(id) as Row | undefined;
      return row ? toConversation(row) : undefined;
    },
    ...prepareConversationModes(database, toConversation, newPublicConversationId),
    findClientMessage(conversationId, clientId) {
      const row = statements.findClientMessage.get(conversationId, clientId) as Row | undefined;
      return row ? toMessage(row) : undefined;
    },
    endConversation: prepareEndConversation(database),
    saveConversationState(id, state, at) {
      statements.upsertConversation.run({
        id,
        publicId: newPublicConversationId(),
        at,
        state: JSON.stringify(state),
      });
    },
    appendMessage(message: NewMessage): MessageRecord {
      statements.ensureConversation.run({
        id: message.conversationId,
        publicId: newPublicConversationId(),
        at: message.createdAt,
        state: JSON.stringify({ previousItemIds: [], turns: 0 }),
      });
      const answer = message.answer;
      const topItem = answer?.items[0];
      const info = statements.insertMessage.run({
        conversationId: message.conversationId,
        role: message.role,
        text: message.text,
        createdAt: message.createdAt,
        localDate: message.localDate,
        answerJson: answer ? JSON.stringify(answer) : null,
        intent: answer?.intent ?? null,
        itemId: topItem?.id ?? null,
        itemName: topItem?.name ?? null,
        zone: answer?.card?.zone ?? null,
        escalate: answer?.escalate ? 1 : 0,
        lowConfidence: message.lowConfidence ? 1 : 0,
        caseNumber: message.caseNumber ?? null,
        staffUsername: message.staffUsername ?? null,
        delivered: message.delivered === false ? 0 : 1,
        clientId: message.clientId ?? null,
      });
      // An answer that used staff knowledge counts as a hit of each entry it cites.
      for (const citation of answer?.citations ?? []) {
        if (citation.source === 'knowledge' && citation.locator) {
          statements.countKnowledgeHit.run({ id: citation.locator, at: message.createdAt });
        }
      }
      return toMessage(statements.getMessage.get(info.lastInsertRowid) as Row);
    },
    getMessage(id) {
      const row = statements.getMessage.get(id) as Row | undefined;
      return row ? toMessage(row) : undefined;
    },
    listMessages(conversationId, options) {
      const before = options?.beforeId ?? Number.MAX_SAFE_INTEGER;
      return (statements.listMessages.all(conversationId, before, options?.limit ?? 1000) as Row[]).map(
        toMessage,
      );
    },
    countMessages(conversationId, role) {
      return (statements.countMessages.get(conversationId, role) as { count: number }).count;
    },
    undeliveredStaffMessages(conversationId) {
      return (statements.undelivered.all(conversationId) as Row[]).map(toMessage);
    },
    markDelivered(messageIds) {
      database.transaction(() => {
        for (const id of messageIds) statements.markDelivered.run(id);
      })();
    },

    nextCaseSequence(prefix, localDate) {
      return (statements.nextSequence.get(prefix, localDate) as { last: number }).last;
    },
    insertCase(record) {
      const columns = Object.entries(CASE_COLUMNS);
      database
        .prepare(
          `INSERT INTO cases (${columns.map(([, column]) => column).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        )
        .run(...columns.map(([key]) => toSqlValue(record[key as keyof CaseRecord])));
    },
    updateCase(number, patch) {
      const entries = Object.entries(patch).filter(([key]) => key in CASE_COLUMNS && key !== 'number');
      if (entries.length === 0) return;
      database
        .prepare(
          `UPDATE cases SET ${entries.map(([key]) => `${CASE_COLUMNS[key as keyof CaseRecord]} = ?`).join(', ')} WHERE number = ?`,
        )
        .run(...entries.map(([, value]) => toSqlValue(value)), number);
    },
    getCase(number) {
      const row = statements.getCase.get(number) as Row | undefined;
      return row ? toCase(row) : undefined;
    },
    listCases(filter: CaseFilter) {
      const where: string[] = [];
      const parameters: unknown[] = [];
      if (filter.status) {
        where.push('status = ?');
        parameters.push(filter.status);
      }
      if (filter.category) {
        where.push('category = ?');
        parameters.push(filter.category);
      }
      if (filter.statuses) {
        where.push(`status IN (${filter.statuses.map(() => '?').join(', ') || 'NULL'})`);
        parameters.push(...filter.statuses);
      }
      if (filter.zone) {
        where.push('zone = ?');
        parameters.push(filter.zone);
      }
      if (filter.assignee) {
        where.push('assignee = ?');
        parameters.push(filter.assignee);
      }
      if (filter.conversationId) {
        where.push('conversation_id = ?');
        parameters.push(filter.conversationId);
      }
      if (filter.overdueBefore) {
        where.push("deadline < ? AND status IN ('受理', '分办', '办理中')");
        parameters.push(filter.overdueBefore);
      }
      if (filter.query) {
        where.push(
          "(number LIKE ? ESCAPE '\\' OR item_name LIKE ? ESCAPE '\\' OR masked_text(description) LIKE ? ESCAPE '\\' OR department LIKE ? ESCAPE '\\')",
        );
        const pattern = `%${filter.query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
        parameters.push(pattern, pattern, pattern, pattern);
      }
      const sql = `SELECT * FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY deadline, created_at LIMIT ?`;
      return (database.prepare(sql).all(...parameters, filter.limit ?? 500) as Row[]).map(toCase);
    },
    appendCaseEvent(event) {
      const info = statements.insertEvent.run({
        caseNumber: event.caseNumber,
        at: event.at,
        actor: event.actor,
        action: event.action,
        fromStatus: event.fromStatus ?? null,
        toStatus: event.toStatus ?? null,
        note: event.note ?? null,
      });
      return { ...event, id: Number(info.lastInsertRowid) };
    },
    listCaseEvents(number) {
      return (statements.listEvents.all(number) as Row[]).map((row) => ({
        id: row.id as number,
        caseNumber: row.case_number as string,
        at: row.at as string,
        actor: row.actor as string,
        action: row.action as string,
        fromStatus: optional<CaseStatus>(row.from_status),
        toStatus: optional<CaseStatus>(row.to_status),
        note: optional(row.note),
      }));
    },
    listCaseMessages(number) {
      return (statements.caseMessages.all(number) as Row[]).map(toMessage);
    },

    insertRating(rating) {
      const info = statements.insertRating.run({
        ...rating,
        targetId: rating.targetId ?? null,
        comment: rating.comment ?? null,
        itemId: rating.itemId ?? null,
        itemName: rating.itemName ?? null,
        zone: rating.zone ?? null,
        caseNumber: rating.caseNumber ?? null,
      });
      return { ...rating, id: Number(info.lastInsertRowid) };
    },
    findRating(conversationId, target, targetId) {
      const row = statements.findRating.get(conversationId, target, targetId ?? null) as Row | undefined;
      return row ? toRating(row) : undefined;
    },
    updateRatingCase(id, caseNumber) {
      statements.ratingCase.run(caseNumber, id);
    },
    listRatings(filter) {
      const rows = filter.level
        ? database
            .prepare('SELECT * FROM ratings WHERE level = ? ORDER BY id DESC LIMIT ?')
            .all(filter.level, filter.limit ?? 500)
        : database.prepare('SELECT * FROM ratings ORDER BY id DESC LIMIT ?').all(filter.limit ?? 500);
      return (rows as Row[]).map(toRating);
    },

    insertUser(user) {
      statements.insertUser.run({ ...user, department: user.department ?? null });
    },
    getUser(username) {
      const row = statements.getUser.get(username) as Row | undefined;
      return row ? toUser(row) : undefined;
    },
    countUsers(role) {
      const row = (
        role
          ? database.prepare('SELECT COUNT(*) AS n FROM users WHERE role = ?').get(role)
          : database.prepare('SELECT COUNT(*) AS n FROM users').get()
      ) as { n: number };
      return row.n;
    },
    listUsers() {
      return (database.prepare('SELECT * FROM users ORDER BY username').all() as Row[]).map(toUser);
    },
    setUserPassword(username, passwordHash) {
      database.prepare('UPDATE users SET password_hash = ? WHERE username = ?').run(passwordHash, username);
    },
    setUserDisabled(username, disabledAt) {
      database
        .prepare('UPDATE users SET disabled_at = ? WHERE username = ?')
        .run(disabledAt ?? null, username);
    },
    deleteStaffSessionsOf(username) {
      return database.prepare('DELETE FROM staff_sessions WHERE username = ?').run(username).changes;
    },

    insertStaffSession(session: StaffSessionRecord) {
      statements.insertSession.run(session);
    },
    getStaffSession(tokenHash) {
      const row = statements.getSession.get(tokenHash) as Row | undefined;
      if (!row) return undefined;
      return {
        tokenHash: row.token_hash as string,
        username: row.username as string,
        csrfToken: row.csrf_token as string,
        createdAt: row.created_at as string,
        expiresAt: row.expires_at as string,
      };
    },
    deleteStaffSession(tokenHash) {
      statements.deleteSession.run(tokenHash);
    },
    deleteExpiredStaffSessions(now) {
      statements.deleteExpired.run(now);
    },

    appendAudit(entry) {
      const info = statements.insertAudit.run({
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        target: entry.target ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      });
      return { ...entry, id: Number(info.lastInsertRowid) };
    },
    listAudit(options) {
      const conditions: string[] = [];
      const parameters: unknown[] = [];
      if (options?.beforeId) {
        conditions.push('id < ?');
        parameters.push(options.beforeId);
      }
      if (options?.actions) {
        conditions.push(`action IN (${options.actions.map(() => '?').join(', ') || 'NULL'})`);
        parameters.push(...options.actions);
      }
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const rows = database
        .prepare(`SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ?`)
        .all(...parameters, options?.limit ?? 200);
      return (rows as Row[]).map(toAudit);
    },

    insertKnowledge(entry) {
      statements.insertKnowledge.run({
        id: entry.id,
        question: entry.question,
        answer: entry.answer,
        itemId: entry.itemId ?? null,
        createdAt: entry.createdAt,
        createdBy: entry.createdBy,
        questions: JSON.stringify(entry.questions),
        status: entry.status ?? 'active',
        sourceCase: entry.sourceCase ?? null,
      });
    },
    getKnowledge(id) {
      const row = database.prepare('SELECT * FROM knowledge_entries WHERE id = ?').get(id) as Row | undefined;
      return row ? toKnowledge(row) : undefined;
    },
    updateKnowledge(id, change) {
      const columns: Record<string, unknown> = { updated_at: change.updatedAt, updated_by: change.updatedBy };
      if (change.question !== undefined) columns.question = change.question;
      if (change.questions !== undefined) columns.questions_json = JSON.stringify(change.questions);
      if (change.answer !== undefined) columns.answer = change.answer;
      if ('itemId' in change) columns.item_id = change.itemId ?? null;
      if (change.status !== undefined) columns.status = change.status;
      const names = Object.keys(columns);
      database
        .prepare(
          `UPDATE knowledge_entries SET ${names.map((name) => `${name} = @${name}`).join(', ')} WHERE id = @id`,
        )
        .run({ ...columns, id });
    },
    markGap(mark) {
      statements.markGap.run({ ...mark, entryId: mark.entryId ?? null });
    },
    listGapMarks() {
      return (database.prepare('SELECT * FROM knowledge_gap_marks').all() as Row[]).map((row) => ({
        questionKey: row.question_key as string,
        question: row.question as string,
        mark: row.mark as GapMark['mark'],
        entryId: optional(row.entry_id),
        markedAt: row.marked_at as string,
        markedBy: row.marked_by as string,
      }));
    },
    listKnowledge(options) {
      const rows = options?.status
        ? database
            .prepare('SELECT * FROM knowledge_entries WHERE status = ? ORDER BY created_at')
            .all(options.status)
        : database.prepare('SELECT * FROM knowledge_entries ORDER BY created_at').all();
      return (rows as Row[]).map(toKnowledge);
    },

    caseLookupFailures: createSqliteCaseLookupFailures(database),
    prechecks: createSqlitePrechecks(database),
    uploads: createSqliteUploads(database),
    analytics,
    checkHealth,
    close() {
      if (database.open) database.close();
    },
  };
  return store;
}
