/**
 * The case status machine as halls run it: 受理 (accepted) → 分办 (assigned to a department) →
 * 办理中 (being handled) → 办结 (concluded) → 回访 (follow-up call done) → 归档 (archived).
 * A case can be re-assigned (转办) while open, and an assigned case can be returned (退回) to the
 * hall's desk when it went to the wrong department; replying to an accepted case implies handling it.
 * The console offers exactly the actions `allowedActions` lists; the API refuses every other one.
 */
import type { CaseAction, CaseStatus } from './case-types.ts';
import { OPEN_STATUSES } from './case-types.ts';
import { CaseTransitionError } from './errors/case-transition-error.ts';

const TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  claim: { from: ['受理', '分办'], to: '办理中' },
  reply: { from: OPEN_STATUSES, to: '办理中' },
  transfer: { from: OPEN_STATUSES, to: '分办' },
  return: { from: ['分办'], to: '受理' },
  resolve: { from: ['办理中'], to: '办结' },
  'follow-up': { from: ['办结'], to: '回访' },
  archive: { from: ['回访'], to: '归档' },
};

/** Every action, in the order the console shows them. */
export const CASE_ACTIONS = Object.keys(TRANSITIONS) as CaseAction[];

/** The status after `action`, or a CaseTransitionError when the action is not allowed now. */
export function nextStatus(current: CaseStatus, action: CaseAction): CaseStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) throw new CaseTransitionError(action, current);
  return rule.to;
}

/** The actions the case's status allows now (empty for an archived case). */
export function allowedActions(current: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(current));
}

export function isOpenStatus(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
