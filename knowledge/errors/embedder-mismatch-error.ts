/**
 * Raised when an index is opened with an embedder other than the one that built it: vectors of two
 * different embedders are not comparable, so searching would return nonsense rather than fail.
 */
export class EmbedderMismatchError extends Error {
  readonly code = 'EMBEDDER_MISMATCH';
  readonly indexEmbedder: string;
  readonly givenEmbedder: string;

  constructor(indexEmbedder: string, givenEmbedder: string) {
    super(
      `The index was built with embedder "${indexEmbedder}" but is being opened with "${givenEmbedder}". ` +
        'Configure the same embedder, or rebuild the index with `npm run ingest`.',
    );
    this.name = 'EmbedderMismatchError';
    this.indexEmbedder = indexEmbedder;
    this.givenEmbedder = givenEmbedder;
  }
}
