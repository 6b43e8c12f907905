/**
 * Stored text is valid UTF-8 (issue 9, finding 8): a lone surrogate escape in a JSON request — over
 * HTTP or the websocket — is stored as U+FFFD, not as the bytes ED A0 80 that are no UTF-8 at all,
 * while a proper surrogate pair (an emoji) is kept.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/server-harness.ts';
import { ChatClient } from '../../helpers/server-clients.ts';

const harness = useHarness();

/** The stored citizen messages of a session as hex of their bytes. */
function storedBytes(sessionId: string): string[] {
  const database = new Database(path.join(harness.dataDir, 'daoban.sqlite'), { readonly: true });
  try {
    return (
      database
        .prepare(
          "SELECT hex(CAST(text AS BLOB)) AS bytes FROM messages WHERE conversation_id = ? AND role = 'citizen'",
        )
        .all(sessionId) as Array<{ bytes: string }>
    ).map((row) => row.bytes);
  } finally {
    database.close();
  }
}

const utf8Hex = (text: string) => Buffer.from(text, 'utf8').toString('hex').toUpperCase();

describe('lone surrogates at the boundary', () => {
  it('replaces them in an HTTP JSON body and keeps surrogate pairs', async () => {
    const sessionId = 'utf8-http-session-01';
    // Written as JSON text on purpose: JSON.stringify would never produce the lone escape.
    const body = `{"question":"社保卡\\ud800补办\\ud83d\\ude00","sessionId":"${sessionId}"}`;
    const response = await fetch(`${harness.url}/api/v1/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    const [bytes] = storedBytes(sessionId);
    expect(bytes).toBe(utf8Hex('社保卡\uFFFD补办😀'));
    expect(bytes).not.toContain('EDA080');
  });

  it('replaces them in a websocket frame', async () => {
    const user = 'utf8-socket-session-1';
    const chat = await ChatClient.open(harness.url, user);
    chat.socket.send(`{"type":"hello","user":"${user}"}`);
    chat.socket.send(`{"type":"message","user":"${user}","text":"护照\\udc00怎么办"}`);
    await chat.next((event) => event.type === 'message' && 'answer' in event);
    await chat.close();
    expect(storedBytes(user)).toEqual([utf8Hex('护照\uFFFD怎么办')]);
  });
});
