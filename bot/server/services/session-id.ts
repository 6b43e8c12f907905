/**
 * Chat session ids: chosen by the widget (the Botkit `user` field) or issued by the server. They are
 * the key to a conversation, so they are long random strings, and anything else is refused.
 */
import { randomUUID } from 'node:crypto';

export const SESSION_ID_PATTERN = /^[A-Za-z0-9_.:-]{8,80}$/;

export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID_PATTERN.test(value);
}

export function newSessionId(): string {
  return randomUUID();
}
