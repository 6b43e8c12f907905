/**
 * The seams of the knowledge layer. Each backend implements one of these in its own file; the
 * composition root chooses which. Shapes follow LangChain's Embeddings and Document so that these
 * parts can plug into that ecosystem. Retrieval itself is `CatalogSearch` (items and themes) and
 * `PassageSearch` (policy clauses, staff knowledge) in `retrieval/`, with the vector index as an
 * optional re-ranking signal: one implementation each, so no interface of its own yet.
 */

export interface Embedder {
  /** Name and version, recorded in the index manifest; an index is only queried with the same id. */
  readonly id: string;
  readonly dimensions: number;
  /** Largest batch the backend accepts; the shared caller splits larger inputs. */
  readonly maxBatchSize: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

/** A unit of indexed text: one field of a catalog item, or one clause of a policy document. */
export interface Chunk {
  /** Stable id: `item:<itemId>:<field>[:n]` or `doc:<docId>:<n>`. */
  id: string;
  /** The catalog item it belongs to, if any. */
  itemId?: string;
  /** Item field (name, aliases, conditions, materials, department, …) or `clause` for documents. */
  field: string;
  text: string;
  /** Where to cite it: document title and clause locator (e.g. "三、（二）7."). */
  source: { kind: 'catalog' | 'policy' | 'knowledge'; id: string; title: string; locator?: string };
  /** Content hash, so incremental runs re-embed only what changed. */
  hash: string;
}

export interface VectorHit {
  chunkId: string;
  score: number;
}

export interface VectorIndex {
  readonly dimensions: number;
  readonly size: number;
  add(chunkId: string, vector: number[]): void;
  remove(chunkId: string): void;
  search(vector: number[], k: number): VectorHit[];
  save(folder: string): Promise<void>;
}
