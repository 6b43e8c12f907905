/**
 * Staff typing in a case, told to the citizen: every open socket of the case's conversation gets
 * `{ type: 'typing', from: 'staff' }`, so the widget can show that a person is writing. Nothing is
 * stored. An unknown case is refused; a closed chat simply receives nothing.
 */
import { CaseNotFoundError } from '../../cases/errors/case-not-found-error.ts';
import { normalizeCaseNumber } from '../../cases/case-number.ts';
import type { Store } from '../../store/store.ts';
import { outgoing } from '../ws/chat-protocol.ts';

export interface StaffTypingOptions {
  store: Pick<Store, 'getCase'>;
  /** Sends to every socket of a chat session; returns how many received it (the connection registry). */
  send(conversationId: string, payload: unknown): number;
}

/** Returns whether any socket of the citizen received the indicator. */
export type StaffTyping = (caseNumber: string) => boolean;

export function createStaffTyping(options: StaffTypingOptions): StaffTyping {
  return (caseNumber) => {
    const record = options.store.getCase(normalizeCaseNumber(caseNumber));
    if (!record) throw new CaseNotFoundError(`No case ${caseNumber}.`);
    return options.send(record.conversationId, outgoing.staffTyping()) > 0;
  };
}
