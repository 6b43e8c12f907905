/**
 * Raised when a pre-check request is malformed (no item named, `provided` not a list of names), as
 * opposed to naming an item that does not exist (ItemNotFoundError).
 */
export class PrecheckInputError extends Error {
  readonly code = 'PRECHECK_INPUT_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'PrecheckInputError';
  }
}
