/**
 * An error the HTTP layer answers directly: a status, a stable code for clients and a message for
 * the citizen or staff member in Chinese. Domain errors elsewhere carry `code` and `userMessage`
 * and are mapped to a status in one place (`middleware/error-handler.ts`).
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly userMessage: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${userMessage}`);
  }
}
