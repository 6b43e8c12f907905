/** A rating that points at an answer, conversation or case the session does not have. */
export class RatingTargetError extends Error {
  readonly code = 'RATING_TARGET_NOT_FOUND';
  readonly userMessage = '未找到要评价的对象，请刷新后重试。';
  override readonly name = 'RatingTargetError';
}
