/** Raised when an embedding backend keeps failing (after bounded retries) or fails permanently. */
export class EmbedderRequestError extends Error {
  readonly code = 'EMBEDDER_REQUEST_FAILED';
  readonly embedderId: string;
  readonly attempts: number;

  constructor(embedderId: string, attempts: number, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Embedder "${embedderId}" failed after ${attempts} attempt(s): ${reason}`, { cause });
    this.name = 'EmbedderRequestError';
    this.embedderId = embedderId;
    this.attempts = attempts;
  }
}
