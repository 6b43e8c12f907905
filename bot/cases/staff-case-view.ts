/**
 * What staff see of a case: personal numbers in every free-text field masked (the citizen's
 * description, the resolution and follow-up notes, the history's notes), the phone only as
 * 138****5678, and the conversation by its public id — never the citizen's session key, which
 * would let anyone who reads it resume the chat and read it unmasked. The full phone comes only
 * through the audited reveal action.
 */
import { maskPersonalText, maskPhone } from '../logging/personal-data-masker.ts';
import type { CaseEventRecord, CaseRecord, ConversationMode } from '../store/store.ts';
import type { CaseAction } from './case-types.ts';
import { allowedActions } from './case-status.ts';

export interface StaffCaseView extends Omit<
  CaseRecord,
  'phone' | 'conversationId' | 'lookupCodeHash' | 'topicCandidates'
> {
  /** The item the case is about, or null when it is not known (未确定: see `topicCandidates`). */
  topic: { itemId: string; itemName?: string } | null;
  topicCandidates: { id: string; name: string }[];
  /** Who answers the citizen while this case holds the conversation; null when it does not. */
  mode: ConversationMode | null;
  /** The conversation's public id (`cv~…`). */
  conversationRef?: string;
  /** When the citizen ended the conversation: staff replies no longer reach an open chat. */
  conversationEndedAt?: string;
  phoneMasked?: string;
  hasPhone: boolean;
  overdue: boolean;
  /** Absent for concluded cases (办结/回访/归档): their deadline no longer runs. */
  workingDaysLeft?: number;
  /** The status-machine actions allowed now; the console offers only these. */
  actions: CaseAction[];
}

const masked = (text: string | undefined) => (text === undefined ? undefined : maskPersonalText(text));

export function toStaffCaseView(
  record: CaseRecord,
  context: {
    conversationRef?: string;
    conversationEndedAt?: string;
    mode?: ConversationMode;
    overdue: boolean;
    workingDaysLeft?: number;
  },
): StaffCaseView {
  const { phone, conversationId: _secret, lookupCodeHash: _code, topicCandidates, ...rest } = record;
  return {
    ...rest,
    topic: record.itemId ? { itemId: record.itemId, itemName: record.itemName } : null,
    topicCandidates: record.itemId ? [] : (topicCandidates ?? []),
    mode: context.mode ?? null,
    description: masked(record.description),
    resolution: masked(record.resolution),
    followUp: masked(record.followUp),
    conversationRef: context.conversationRef,
    conversationEndedAt: context.conversationEndedAt,
    phoneMasked: phone ? maskPhone(phone) : undefined,
    hasPhone: Boolean(phone),
    overdue: context.overdue,
    workingDaysLeft: context.workingDaysLeft,
    actions: allowedActions(record.status),
  };
}

export const toStaffCaseEvent = (event: CaseEventRecord): CaseEventRecord => ({
  ...event,
  note: masked(event.note),
});
