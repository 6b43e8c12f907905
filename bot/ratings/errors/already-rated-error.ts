/** A second rating of a target the session has rated already: each is rated once (issue 9). */
export class AlreadyRatedError extends Error {
  readonly code = 'ALREADY_RATED';
  readonly userMessage = '您已经评价过了，感谢您的反馈。';
  override readonly name = 'AlreadyRatedError';
}
