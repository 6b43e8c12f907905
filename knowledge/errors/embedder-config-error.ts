/** Raised when the embedder settings are incomplete (e.g. an endpoint without a model name). */
export class EmbedderConfigError extends Error {
  readonly code = 'EMBEDDER_CONFIG_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'EmbedderConfigError';
  }
}
