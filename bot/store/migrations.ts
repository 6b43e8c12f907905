/**
 * Numbered schema migrations. A migration is never edited once shipped: change the schema by adding
 * the next number. Each runs in its own transaction and is recorded in `schema_migrations`.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'conversations, messages, cases, ratings, users, sessions, audit, knowledge',
    sql: `
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        state_json TEXT NOT NULL
      );
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        role TEXT NOT NULL CHECK (role IN ('citizen', 'assistant', 'staff', 'system')),
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        local_date TEXT NOT NULL,
        answer_json TEXT,
        intent TEXT,
        item_id TEXT,
        item_name TEXT,
        zone TEXT,
        escalate INTEGER NOT NULL DEFAULT 0,
        low_confidence INTEGER NOT NULL DEFAULT 0,
        case_number TEXT,
        staff_username TEXT,
        delivered INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX messages_conversation ON messages(conversation_id, id);
      CREATE INDEX messages_day ON messages(local_date, role);
      CREATE INDEX messages_case ON messages(case_number) WHERE case_number IS NOT NULL;
      CREATE INDEX messages_undelivered ON messages(conversation_id) WHERE delivered = 0;

      CREATE TABLE case_sequences (
        prefix TEXT NOT NULL,
        local_date TEXT NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (prefix, local_date)
      );
      CREATE TABLE cases (
        number TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        category TEXT NOT NULL,
        status TEXT NOT NULL,
        item_id TEXT,
        item_name TEXT,
        zone TEXT,
        phone TEXT,
        description TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        accepted_date TEXT NOT NULL,
        deadline TEXT NOT NULL,
        special INTEGER NOT NULL DEFAULT 0,
        assignee TEXT,
        department TEXT,
        resolution TEXT,
        follow_up TEXT,
        first_reply_at TEXT,
        closed_at TEXT,
        rating_id INTEGER
      );
      CREATE INDEX cases_status ON cases(status, deadline);
      CREATE INDEX cases_conversation ON cases(conversation_id);
      CREATE TABLE case_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_number TEXT NOT NULL REFERENCES cases(number),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT,
        note TEXT
      );
      CREATE INDEX case_events_case ON case_events(case_number, id);

      CREATE TABLE ratings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL,
        target TEXT NOT NULL CHECK (target IN ('answer', 'conversation', 'case')),
        target_id TEXT,
        level TEXT NOT NULL,
        comment TEXT,
        item_id TEXT,
        item_name TEXT,
        zone TEXT,
        case_number TEXT,
        created_at TEXT NOT NULL,
        local_date TEXT NOT NULL
      );
      CREATE INDEX ratings_day ON ratings(local_date);

      CREATE TABLE users (
        username TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('staff', 'admin')),
        department TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL REFERENCES users(username),
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        detail_json TEXT
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

      CREATE TABLE knowledge_entries (
        id TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        item_id TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
    `,
  },
  {
    // The chat session key is the citizen's secret; staff and the audit log see this public id instead,
    // which cannot resume a session. Existing conversations get one here and keep their key.
    version: 2,
    name: 'public conversation ids',
    sql: `
      ALTER TABLE conversations ADD COLUMN public_id TEXT;
      UPDATE conversations SET public_id = 'cv~' || lower(hex(randomblob(12))) WHERE public_id IS NULL;
      CREATE UNIQUE INDEX conversations_public_id ON conversations(public_id);
    `,
  },
  {
    version: 3,
    name: 'disabled staff accounts; the health probe table',
    sql: `
      ALTER TABLE users ADD COLUMN disabled_at TEXT;
      -- Written to and rolled back by /healthz to prove the store can write; always empty.
      CREATE TABLE health_probe (id INTEGER PRIMARY KEY, payload BLOB);
    `,
  },
  {
    version: 4,
    name: 'ratings by target (one rating per target)',
    sql: `CREATE INDEX ratings_target ON ratings(conversation_id, target, target_id);`,
  },
  {
    // An ended conversation is re-keyed to its public id, so its session key cannot resume it.
    version: 5,
    name: 'ended conversations',
    sql: `ALTER TABLE conversations ADD COLUMN ended_at TEXT;`,
  },
  {
    // The per-number lockout of the citizen's case lookup, shared by every process on this database
    // and kept across restarts. Times are milliseconds since the epoch.
    version: 6,
    name: 'case lookup failures',
    sql: `
      CREATE TABLE case_lookup_failures (
        number TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        -- the end of the window the failures are counted in, or of the lock once locked
        expires_at INTEGER NOT NULL,
        locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1))
      );
      CREATE INDEX case_lookup_failures_expiry ON case_lookup_failures(expires_at);
    `,
  },
  {
    // Hand-over to a person: who is answering the conversation (the bot, nobody yet, a staff member)
    // and since when; the client's id of a citizen message, so a resend is not taken twice; what the
    // case is about when the bot was not sure, and the hash of the one-time lookup code of a case
    // left without a phone.
    version: 7,
    name: 'conversation modes, client message ids, case topics and lookup codes',
    sql: `
      ALTER TABLE conversations ADD COLUMN mode TEXT NOT NULL DEFAULT 'bot'
        CHECK (mode IN ('bot', 'waiting', 'staff'));
      ALTER TABLE conversations ADD COLUMN mode_case TEXT;
      ALTER TABLE conversations ADD COLUMN mode_since TEXT;
      ALTER TABLE conversations ADD COLUMN wait_notice_at TEXT;
      CREATE INDEX conversations_waiting ON conversations(mode_since) WHERE mode = 'waiting';
      ALTER TABLE messages ADD COLUMN client_id TEXT;
      CREATE UNIQUE INDEX messages_client_id ON messages(conversation_id, client_id)
        WHERE client_id IS NOT NULL;
      ALTER TABLE cases ADD COLUMN topic_candidates_json TEXT;
      ALTER TABLE cases ADD COLUMN lookup_code_hash TEXT;
    `,
  },
  {
    // Knowledge entries with several example questions, retired instead of deleted (the audit and
    // the answers given keep pointing at them), counted each time an answer uses them; knowledge
    // gaps set aside by staff, by their normalised question.
    version: 8,
    name: 'knowledge entries with example questions, status and hits; gap marks',
    sql: `
      ALTER TABLE knowledge_entries ADD COLUMN questions_json TEXT;
      ALTER TABLE knowledge_entries ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'retired'));
      ALTER TABLE knowledge_entries ADD COLUMN updated_at TEXT;
      ALTER TABLE knowledge_entries ADD COLUMN updated_by TEXT;
      ALTER TABLE knowledge_entries ADD COLUMN hits INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE knowledge_entries ADD COLUMN last_hit_at TEXT;
      ALTER TABLE knowledge_entries ADD COLUMN source_case TEXT;
      CREATE TABLE knowledge_gap_marks (
        question_key TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        mark TEXT NOT NULL CHECK (mark IN ('dismissed', 'answered')),
        entry_id TEXT,
        marked_at TEXT NOT NULL,
        marked_by TEXT NOT NULL
      );
    `,
  },
  {
    // Pre-check uploads: the stored file is DATA_DIR/uploads/<id>; what a reader found in it, kept
    // until `expires_at` (milliseconds since the epoch), when the retention sweep deletes both.
    version: 9,
    name: 'pre-check uploads',
    sql: `
      CREATE TABLE precheck_uploads (
        id TEXT PRIMARY KEY,
        content_type TEXT NOT NULL
          CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
        bytes INTEGER NOT NULL,
        pages INTEGER NOT NULL,
        width INTEGER,
        height INTEGER,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        reading TEXT
      );
      CREATE INDEX precheck_uploads_expiry ON precheck_uploads(expires_at);
    `,
  },
  {
    // Pre-check records (一次性告知书): the result with personal numbers masked, opened by the citizen
    // with a secret key (only its hash is kept) and by window staff by the number; swept after the
    // retention (PRECHECK_RETENTION_DAYS).
    version: 10,
    name: 'pre-check records for the one-time notice',
    sql: `
      CREATE TABLE prechecks (
        precheck_no TEXT PRIMARY KEY,
        key_hash TEXT NOT NULL,
        item_id TEXT NOT NULL,
        item_name TEXT NOT NULL,
        result_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX prechecks_expires ON prechecks(expires_at);
    `,
  },
];

/** Applies the migrations the database has not seen yet; returns the versions applied. */
export function migrate(database: Database.Database, migrations: Migration[] = MIGRATIONS): number[] {
  database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    database
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((row) => (row as { version: number }).version),
  );
  const done: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    database.transaction(() => {
      database.exec(migration.sql);
      database
        .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, new Date().toISOString());
    })();
    done.push(migration.version);
  }
  return done;
}
