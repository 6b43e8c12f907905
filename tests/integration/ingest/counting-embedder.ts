/** Test wrapper that records every text an embedder is asked to embed, to count re-embedding. */
import type { Embedder } from '../../../knowledge/contracts.ts';

export class CountingEmbedder implements Embedder {
  readonly embedded: string[] = [];
  constructor(private readonly inner: Embedder) {}
  get id() {
    return this.inner.id;
  }
  get dimensions() {
    return this.inner.dimensions;
  }
  get maxBatchSize() {
    return this.inner.maxBatchSize;
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    this.embedded.push(...texts);
    return this.inner.embedDocuments(texts);
  }
  async embedQuery(text: string): Promise<number[]> {
    return this.inner.embedQuery(text);
  }
}
