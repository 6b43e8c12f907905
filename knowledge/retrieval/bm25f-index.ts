/**
 * Field-weighted BM25 (BM25F): one inverted index over documents with several fields, each with its
 * own weight and length normalisation. Scores say which field matched which token, so a match can be
 * explained ("名称: 社保, 卡").
 *
 * Built for many queries over a catalog that rarely changes: each token's field-normalised term
 * frequencies are computed once and cached until the next add or remove, and scores accumulate in a
 * reused typed array, so a query over 10,000 items allocates little.
 */
import { Postings } from './postings.ts';

export interface FieldSpec {
  name: string;
  weight: number;
  /** Length normalisation strength for this field (0 = none, 1 = full). */
  b: number;
}

export interface FieldedDocument {
  id: string;
  fields: Record<string, string[]>;
}

export interface Bm25fHit {
  id: string;
  score: number;
  /** Matched tokens per field (empty when the search was asked not to list them). */
  matched: Record<string, string[]>;
}

export interface SearchOptions {
  /** Whether each hit lists its matched tokens per field (default true; callers that only rank skip it). */
  matched?: boolean;
}

/** What one document shows of one query, field by field (see `Bm25fIndex.fieldMatcher`). */
export interface FieldMatch {
  /** BM25 of the query against each field alone, by field name (as `fieldScores`). */
  scores: Record<string, number>;
  /** Matched tokens per field, in query order (as a search hit's `matched`). */
  matched: Record<string, string[]>;
  /** Whether the document holds the query's `position`-th token (in `query` order) in any field. */
  holds: (position: number) => boolean;
}

export class Bm25fIndex {
  private readonly fields: FieldSpec[];
  private readonly k1: number;
  private readonly postings = new Map<string, Postings>();
  private readonly documentIds: string[] = [];
  private readonly lengths: number[][] = [];
  private readonly totalLengths: number[];
  private readonly removed = new Set<number>();
  /** The live document number of each id. */
  private readonly numbers = new Map<string, number>();
  private readonly idfCache = new Map<string, number>();
  /** Bumped on every change; cached per-token values of another version are stale. */
  private version = 0;
  private scores = new Float64Array(0);

  constructor(fields: FieldSpec[], options: { k1?: number } = {}) {
    this.fields = fields;
    this.k1 = options.k1 ?? 1.2;
    this.totalLengths = fields.map(() => 0);
  }

  get size(): number {
    return this.documentIds.length - this.removed.size;
  }

  add(document: FieldedDocument): void {
    const index = this.documentIds.length;
    this.changed();
    this.documentIds.push(document.id);
    this.numbers.set(document.id, index);
    const fieldCount = this.fields.length;
    const counts = new Map<string, number[]>();
    const lengths = this.fields.map((field, fieldIndex) => {
      const tokens = document.fields[field.name] ?? [];
      for (const token of tokens) {
        let frequencies = counts.get(token);
        if (!frequencies) {
          frequencies = new Array<number>(fieldCount).fill(0);
          counts.set(token, frequencies);
        }
        frequencies[fieldIndex] += 1;
      }
      this.totalLengths[fieldIndex] += tokens.length;
      return tokens.length;
    });
    this.lengths.push(lengths);
    for (const [token, frequencies] of counts) {
      let postings = this.postings.get(token);
      if (!postings) {
        postings = new Postings(fieldCount);
        this.postings.set(token, postings);
      }
      postings.append(index, frequencies);
    }
  }

  /** Gives back the room the postings keep for further documents: for an index built in one go. */
  compact(): void {
    for (const postings of this.postings.values()) postings.trim();
  }

  /** Removes a document by id (its postings stay but are skipped). */
  remove(id: string): void {
    this.documentIds.forEach((documentId, index) => {
      if (documentId === id && !this.removed.has(index)) {
        this.removed.add(index);
        if (this.numbers.get(id) === index) this.numbers.delete(id);
        this.changed();
        this.lengths[index].forEach((length, fieldIndex) => (this.totalLengths[fieldIndex] -= length));
      }
    });
  }

  documentFrequency(token: string): number {
    const postings = this.postings.get(token);
    if (!postings) return 0;
    if (!this.removed.size) return postings.length;
    let live = 0;
    for (let position = 0; position < postings.length; position += 1) {
      if (!this.removed.has(postings.documents[position])) live += 1;
    }
    return live;
  }

  /** Inverse document frequency (BM25's, floored at a small positive value). */
  idf(token: string): number {
    let value = this.idfCache.get(token);
    if (value === undefined) {
      const documentFrequency = this.documentFrequency(token);
      const total = Math.max(this.size, 1);
      value = Math.max(0.05, Math.log(1 + (total - documentFrequency + 0.5) / (documentFrequency + 0.5)));
      this.idfCache.set(token, value);
    }
    return value;
  }

  /** Scores documents for weighted query tokens and returns the best `limit`. */
  search(query: ReadonlyMap<string, number>, limit = 10, options: SearchOptions = {}): Bm25fHit[] {
    if (this.scores.length < this.documentIds.length) {
      this.scores = new Float64Array(this.documentIds.length * 2);
    }
    const scores = this.scores;
    const touched: number[] = [];
    for (const [token, queryWeight] of query) {
      const postings = this.postings.get(token);
      if (!postings) continue;
      const pseudo = this.pseudoFrequencies(postings);
      const factor = queryWeight * this.idf(token);
      const { documents } = postings;
      for (let position = 0; position < postings.length; position += 1) {
        const document = documents[position];
        if (this.removed.size && this.removed.has(document)) continue;
        const frequency = pseudo[position];
        if (scores[document] === 0) touched.push(document);
        scores[document] += (factor * frequency) / (this.k1 + frequency);
      }
    }
    const best = topDocuments(touched, scores, limit);
    const hits = best.map((document) => ({
      id: this.documentIds[document],
      score: scores[document],
      matched: options.matched === false ? {} : this.matchedFields(document, query),
    }));
    for (const document of touched) scores[document] = 0;
    return hits;
  }

  /**
   * BM25 of the query against each field of one document on its own (that field's length
   * normalisation, no field weight): features that say where a candidate matched, for a ranker.
   */
  fieldScores(id: string, query: ReadonlyMap<string, number>): Record<string, number> {
    const document = this.documentNumber(id);
    const result: Record<string, number> = {};
    for (const field of this.fields) result[field.name] = 0;
    if (document < 0) return result;
    const total = Math.max(this.size, 1);
    const fieldCount = this.fields.length;
    const lengths = this.lengths[document];
    for (const [token, queryWeight] of query) {
      const postings = this.postings.get(token);
      if (!postings) continue;
      const position = postings.find(document);
      if (position < 0) continue;
      const idf = this.idf(token);
      for (let fieldIndex = 0; fieldIndex < fieldCount; fieldIndex += 1) {
        const frequency = postings.frequency(position, fieldIndex);
        if (!frequency) continue;
        const field = this.fields[fieldIndex];
        const average = Math.max(this.totalLengths[fieldIndex] / total, 1);
        const norm = 1 - field.b + (field.b * lengths[fieldIndex]) / average;
        const pseudo = frequency / norm;
        result[field.name] += (queryWeight * idf * pseudo) / (this.k1 + pseudo);
      }
    }
    return result;
  }

  /**
   * `fieldScores` and the matched tokens of many documents for one query: the query's postings and
   * IDFs are looked up once, not once per document, and the sums are taken in the same order as
   * `fieldScores` takes them, so the scores are the same numbers.
   */
  fieldMatcher(query: ReadonlyMap<string, number>): (id: string) => FieldMatch {
    const total = Math.max(this.size, 1);
    const fieldCount = this.fields.length;
    const averages = this.totalLengths.map((length) => Math.max(length / total, 1));
    const terms: Array<{ token: string; weight: number; postings?: Postings; idf: number }> = [];
    for (const [token, weight] of query) {
      const postings = this.postings.get(token);
      terms.push({ token, weight, postings, idf: postings ? this.idf(token) : 0 });
    }
    return (id) => {
      const scores: Record<string, number> = {};
      for (const field of this.fields) scores[field.name] = 0;
      const matched: Record<string, string[]> = {};
      const held = new Uint8Array(terms.length);
      const document = this.documentNumber(id);
      if (document < 0) return { scores, matched, holds: () => false };
      const lengths = this.lengths[document];
      terms.forEach(({ token, weight, postings, idf }, termIndex) => {
        if (!postings) return;
        const position = postings.find(document);
        if (position < 0) return;
        held[termIndex] = 1;
        for (let fieldIndex = 0; fieldIndex < fieldCount; fieldIndex += 1) {
          const frequency = postings.frequency(position, fieldIndex);
          if (!frequency) continue;
          const field = this.fields[fieldIndex];
          const norm = 1 - field.b + (field.b * lengths[fieldIndex]) / averages[fieldIndex];
          const pseudo = frequency / norm;
          scores[field.name] += (weight * idf * pseudo) / (this.k1 + pseudo);
          (matched[field.name] ??= []).push(token);
        }
      });
      return { scores, matched, holds: (termIndex) => held[termIndex] === 1 };
    };
  }

  private documentNumber(id: string): number {
    return this.numbers.get(id) ?? -1;
  }

  private changed(): void {
    this.version += 1;
    this.idfCache.clear();
  }

  private pseudoFrequencies(postings: Postings): Float64Array {
    if (postings.pseudo && postings.version === this.version) return postings.pseudo;
    const total = Math.max(this.size, 1);
    const averages = this.totalLengths.map((length) => Math.max(length / total, 1));
    const fieldCount = this.fields.length;
    postings.trim();
    const pseudo = new Float64Array(postings.length);
    for (let position = 0; position < postings.length; position += 1) {
      const lengths = this.lengths[postings.documents[position]];
      let sum = 0;
      for (let fieldIndex = 0; fieldIndex < fieldCount; fieldIndex += 1) {
        const frequency = postings.frequency(position, fieldIndex);
        if (!frequency) continue;
        const field = this.fields[fieldIndex];
        const norm = 1 - field.b + (field.b * lengths[fieldIndex]) / averages[fieldIndex];
        sum += (field.weight * frequency) / norm;
      }
      pseudo[position] = sum;
    }
    postings.pseudo = pseudo;
    postings.version = this.version;
    return pseudo;
  }

  /** Which query tokens a document matched, per field (computed for returned hits only). */
  private matchedFields(document: number, query: ReadonlyMap<string, number>): Record<string, string[]> {
    const matched: Record<string, string[]> = {};
    const fieldCount = this.fields.length;
    for (const token of query.keys()) {
      const postings = this.postings.get(token);
      if (!postings) continue;
      const position = postings.find(document);
      if (position < 0) continue;
      for (let fieldIndex = 0; fieldIndex < fieldCount; fieldIndex += 1) {
        if (postings.frequency(position, fieldIndex)) {
          (matched[this.fields[fieldIndex].name] ??= []).push(token);
        }
      }
    }
    return matched;
  }
}

/** The `limit` documents with the highest scores, best first, without sorting every candidate. */
function topDocuments(candidates: number[], scores: Float64Array, limit: number): number[] {
  const best: number[] = [];
  for (const document of candidates) {
    const score = scores[document];
    if (best.length === limit && score <= scores[best[best.length - 1]]) continue;
    let position = best.length;
    while (position > 0 && scores[best[position - 1]] < score) position -= 1;
    best.splice(position, 0, document);
    if (best.length > limit) best.pop();
  }
  return best;
}
