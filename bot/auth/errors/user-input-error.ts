/** A user account request that cannot be accepted (weak password, taken name, bad role). */
export class UserInputError extends Error {
  readonly code = 'USER_INVALID';
  override readonly name = 'UserInputError';
  constructor(
    message: string,
    readonly userMessage: string,
  ) {
    super(message);
  }
}
