/** Raised when a backend returns the wrong number of vectors, or vectors of the wrong length. */
export class EmbedderOutputError extends Error {
  readonly code = 'EMBEDDER_BAD_OUTPUT';
  readonly embedderId: string;

  constructor(embedderId: string, detail: string) {
    super(`Embedder "${embedderId}" returned unusable output: ${detail}`);
    this.name = 'EmbedderOutputError';
    this.embedderId = embedderId;
  }
}
