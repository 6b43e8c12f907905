/** Raised when two chunks share one id: the index would silently keep only one of them. */
export class IndexDuplicateChunkError extends Error {
  readonly code = 'INDEX_DUPLICATE_CHUNK';
  readonly chunkId: string;

  constructor(chunkId: string) {
    super(`Two chunks have the same id "${chunkId}"; chunk ids must be unique within an index.`);
    this.name = 'IndexDuplicateChunkError';
    this.chunkId = chunkId;
  }
}
