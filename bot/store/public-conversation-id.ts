/**
 * Public conversation ids (`cv~` and 24 hex digits): what staff, ratings and the audit log call a
 * conversation. The `~` is outside the chat session-key alphabet, so such an id is refused by
 * `hello`, `welcome_back` and `/api/v1/ask` and can never resume the citizen's session.
 */
import { randomBytes } from 'node:crypto';

export const PUBLIC_CONVERSATION_ID_PATTERN = /^cv~[0-9a-f]{24}$/;

export function newPublicConversationId(): string {
  return `cv~${randomBytes(12).toString('hex')}`;
}
