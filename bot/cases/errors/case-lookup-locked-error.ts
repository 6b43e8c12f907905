/**
 * Too many wrong lookups of one case number: the number is locked for a while, whether or not a case
 * has it (so the lock tells nothing about which numbers exist).
 */
export class CaseLookupLockedError extends Error {
  readonly code = 'CASE_LOOKUP_LOCKED';
  override readonly name = 'CaseLookupLockedError';
  readonly userMessage: string;
  constructor(readonly retryAfterSeconds: number) {
    super('Case lookup locked after repeated wrong attempts.');
    this.userMessage = `该件号的查询失败次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试。`;
  }
}
