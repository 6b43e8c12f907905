/**
 * Ending a conversation in SQLite. The chat session key is the conversation's primary key, so to
 * make the key unable to resume it, the conversation and everything filed under it (messages,
 * cases, ratings) move to its public id (`cv~…`, outside the session-key alphabet), and it is
 * marked ended. Messages reference conversations by foreign key, so the check is deferred to the
 * end of the transaction, when both sides carry the new id.
 */
import type Database from 'better-sqlite3';

export function prepareEndConversation(database: Database.Database): (id: string, at: string) => boolean {
  const find = database.prepare('SELECT public_id FROM conversations WHERE id = ?');
  const moves = [
    database.prepare('UPDATE messages SET conversation_id = @retired WHERE conversation_id = @id'),
    database.prepare('UPDATE cases SET conversation_id = @retired WHERE conversation_id = @id'),
    database.prepare('UPDATE ratings SET conversation_id = @retired WHERE conversation_id = @id'),
    database.prepare(
      'UPDATE conversations SET id = @retired, ended_at = @at, updated_at = @at WHERE id = @id',
    ),
  ];
  return database.transaction((id: string, at: string): boolean => {
    const row = find.get(id) as { public_id: string } | undefined;
    if (!row) return false;
    database.pragma('defer_foreign_keys = ON');
    for (const move of moves) move.run({ id, retired: row.public_id, at });
    return true;
  });
}
