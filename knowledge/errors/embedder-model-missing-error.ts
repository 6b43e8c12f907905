/** Raised when a local embedding model folder, or a file it must contain, does not exist. */
export class EmbedderModelMissingError extends Error {
  readonly code = 'EMBEDDER_MODEL_MISSING';
  readonly folder: string;

  constructor(folder: string, detail: string, options?: { cause?: unknown }) {
    super(
      `The embedding model folder ${folder} cannot be used: ${detail}. ` +
        'Put a transformers.js model there (config.json, tokenizer.json, onnx/model.onnx) or set EMBEDDING_MODEL_PATH.',
      options,
    );
    this.name = 'EmbedderModelMissingError';
    this.folder = folder;
  }
}
