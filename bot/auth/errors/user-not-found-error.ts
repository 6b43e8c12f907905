/** An account action names a user that does not exist (404). */
export class UserNotFoundError extends Error {
  readonly code = 'USER_NOT_FOUND';
  override readonly name = 'UserNotFoundError';
  readonly userMessage = '没有这个用户。';
  constructor(readonly username: string) {
    super(`No user ${username}.`);
  }
}
