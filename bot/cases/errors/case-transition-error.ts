/** A staff action that the case's current status does not allow (e.g. 归档 before 回访). */
import type { CaseAction, CaseStatus } from '../case-types.ts';

export class CaseTransitionError extends Error {
  readonly code = 'CASE_INVALID_TRANSITION';
  override readonly name = 'CaseTransitionError';
  readonly userMessage: string;
  constructor(
    readonly action: CaseAction,
    readonly status: CaseStatus,
  ) {
    super(`Action "${action}" is not allowed on a case in status ${status}.`);
    this.userMessage = `该件当前状态为"${status}"，不能执行此操作。`;
  }
}
