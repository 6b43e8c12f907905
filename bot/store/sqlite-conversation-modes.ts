/**
 * Conversation modes in SQLite (who answers the citizen: the bot, nobody yet, a staff member) and
 * the lookup of a citizen message by the client's id.
 */
import type Database from 'better-sqlite3';
import type { ConversationMode, ConversationRecord } from './store.ts';

export function prepareConversationModes(
  database: Database.Database,
  toConversation: (row: Record<string, unknown>) => ConversationRecord,
  newPublicId: () => string,
) {
  const setMode = database.prepare(`INSERT INTO conversations
      (id, public_id, created_at, updated_at, state_json, mode, mode_case, mode_since)
    VALUES (@id, @publicId, @at, @at, @state, @mode, @caseNumber, @at)
    ON CONFLICT(id) DO UPDATE SET mode = @mode, mode_case = @caseNumber, mode_since = @at,
      wait_notice_at = NULL, updated_at = @at`);
  const markNotice = database.prepare('UPDATE conversations SET wait_notice_at = ? WHERE id = ?');
  const waiting = database.prepare(
    "SELECT * FROM conversations WHERE mode = 'waiting' AND ended_at IS NULL ORDER BY mode_since, id",
  );
  return {
    setConversationMode(id: string, mode: ConversationMode, caseNumber: string | undefined, at: string) {
      setMode.run({
        id,
        publicId: newPublicId(),
        at,
        state: JSON.stringify({ previousItemIds: [], turns: 0 }),
        mode,
        caseNumber: mode === 'bot' ? null : (caseNumber ?? null),
      });
    },
    markWaitNotice(id: string, at: string) {
      markNotice.run(at, id);
    },
    listWaitingConversations(): ConversationRecord[] {
      return (waiting.all() as Record<string, unknown>[]).map(toConversation);
    },
  };
}
