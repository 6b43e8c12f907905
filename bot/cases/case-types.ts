/**
 * The vocabulary of the case workflow: categories, the statuses halls use (受理 → 分办 → 办理中 →
 * 办结 → 回访 → 归档) and the actions that move a case between them.
 */
import type { EscalationCategory } from '../types.ts';

/** Escalations from the chat, plus rectification cases opened by a poor rating (好差评整改). */
export type CaseCategory = EscalationCategory | '整改';
export const CASE_CATEGORIES: readonly CaseCategory[] = ['办不成事反映', '投诉', '咨询转人工', '整改'];

export const CASE_STATUSES = ['受理', '分办', '办理中', '办结', '回访', '归档'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the hall still owes the citizen an answer; the deadline applies to these. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['受理', '分办', '办理中'];

export type CaseAction = 'claim' | 'reply' | 'transfer' | 'return' | 'resolve' | 'follow-up' | 'archive';

/** Concluded cases that still wait for their follow-up call or archiving (已办结). */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['办结', '回访'];
