/**
 * A page of a conversation's history for the websocket: at most `messages` entries and `bytes`
 * bytes of JSON, the newest first kept, so a long conversation never becomes one huge frame. An
 * entry too large on its own is sent without its answer card (its text stays).
 */
import type { HistoryEntry } from '../services/conversation-service.ts';

export interface HistoryPage {
  messages: HistoryEntry[];
  /** Older messages exist: ask for them with `{ type: "history", before: messages[0].id }`. */
  more: boolean;
}

export interface HistoryPageLimits {
  messages: number;
  bytes: number;
}

/** `read(limit)` returns the last `limit` entries, oldest first. */
export function historyPage(read: (limit: number) => HistoryEntry[], limits: HistoryPageLimits): HistoryPage {
  const entries = read(limits.messages + 1);
  let more = entries.length > limits.messages;
  const candidates = entries.slice(-limits.messages);
  const kept: HistoryEntry[] = [];
  let bytes = 0;
  for (let index = candidates.length - 1; index >= 0; index -= 1) {
    let entry = candidates[index];
    let size = Buffer.byteLength(JSON.stringify(entry));
    if (size > limits.bytes && kept.length === 0) {
      entry = { ...entry, answer: undefined };
      size = Buffer.byteLength(JSON.stringify(entry));
    }
    if (bytes + size > limits.bytes) {
      more = true;
      break;
    }
    kept.push(entry);
    bytes += size;
  }
  return { messages: kept.reverse(), more };
}
