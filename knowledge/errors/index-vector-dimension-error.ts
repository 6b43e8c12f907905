/** Raised when a vector's length differs from the index's dimensions (a sign of a mixed-up embedder). */
export class IndexVectorDimensionError extends Error {
  readonly code = 'INDEX_VECTOR_DIMENSION';
  readonly expected: number;
  readonly actual: number;

  constructor(expected: number, actual: number) {
    super(`Vector has ${actual} dimensions but the index holds ${expected}-dimensional vectors.`);
    this.name = 'IndexVectorDimensionError';
    this.expected = expected;
    this.actual = actual;
  }
}
