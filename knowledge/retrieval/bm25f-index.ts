/**
 * Field-weighted BM25 (BM25F): one inverted index over documents with several fields, each with its
 * own weight and length normalisation. Scores say which field matched which token, so a match can be
 * explained ("名称: 社保, 卡").
 */

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
  /** Matched tokens per field. */
  matched: Record<string, string[]>;
}

interface Posting {
  document: number;
  /** Term frequency per field index. */
  frequencies: number[];
}

export class Bm25fIndex {
  private readonly fields: FieldSpec[];
  private readonly k1: number;
  private readonly postings = new Map<string, Posting[]>();
  private readonly documentIds: string[] = [];
  private readonly lengths: number[][] = [];
  private readonly totalLengths: number[];
  private readonly removed = new Set<number>();
  /** Live document frequency per token, kept in step with add/remove. */
  private readonly frequencies = new Map<string, number>();
  /** IDF per token, valid until the next add or remove. */
  private readonly idfCache = new Map<string, number>();

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
    this.idfCache.clear();
    this.documentIds.push(document.id);
    const counts = new Map<string, number[]>();
    const lengths = this.fields.map((field, fieldIndex) => {
      const tokens = document.fields[field.name] ?? [];
      for (const token of tokens) {
        let frequencies = counts.get(token);
        if (!frequencies) {
          frequencies = this.fields.map(() => 0);
          counts.set(token, frequencies);
        }
        frequencies[fieldIndex] += 1;
      }
      this.totalLengths[fieldIndex] += tokens.length;
      return tokens.length;
    });
    this.lengths.push(lengths);
    for (const [token, frequencies] of counts) {
      this.frequencies.set(token, (this.frequencies.get(token) ?? 0) + 1);
      let list = this.postings.get(token);
      if (!list) {
        list = [];
        this.postings.set(token, list);
      }
      list.push({ document: index, frequencies });
    }
  }

  /** Removes a document by id (its postings stay but are skipped). */
  remove(id: string): void {
    this.documentIds.forEach((documentId, index) => {
      if (documentId === id && !this.removed.has(index)) {
        this.removed.add(index);
        this.idfCache.clear();
        this.lengths[index].forEach((length, fieldIndex) => (this.totalLengths[fieldIndex] -= length));
        for (const [token, list] of this.postings) {
          if (list.some((posting) => posting.document === index)) {
            this.frequencies.set(token, (this.frequencies.get(token) ?? 1) - 1);
          }
        }
      }
    });
  }

  /** Inverse document frequency (BM25's, floored at a small positive value). */
  idf(token: string): number {
    let value = this.idfCache.get(token);
    if (value === undefined) {
      const documentFrequency = this.frequencies.get(token) ?? 0;
      const total = Math.max(this.size, 1);
      value = Math.max(0.05, Math.log(1 + (total - documentFrequency + 0.5) / (documentFrequency + 0.5)));
      this.idfCache.set(token, value);
    }
    return value;
  }

  documentFrequency(token: string): number {
    return this.frequencies.get(token) ?? 0;
  }

  /**
   * Scores documents for weighted query tokens. `filter` restricts to some document ids (used for
   * re-ranking a candidate set).
   */
  search(query: Map<string, number>, limit = 10): Bm25fHit[] {
    const total = Math.max(this.size, 1);
    const averages = this.totalLengths.map((length) => Math.max(length / total, 1));
    const scores = new Map<number, number>();
    const matched = new Map<number, Record<string, string[]>>();
    for (const [token, queryWeight] of query) {
      const list = this.postings.get(token);
      if (!list) continue;
      const idf = this.idf(token);
      for (const posting of list) {
        if (this.removed.has(posting.document)) continue;
        let pseudoFrequency = 0;
        const lengths = this.lengths[posting.document];
        posting.frequencies.forEach((frequency, fieldIndex) => {
          if (!frequency) return;
          const field = this.fields[fieldIndex];
          const norm = 1 - field.b + (field.b * lengths[fieldIndex]) / averages[fieldIndex];
          pseudoFrequency += (field.weight * frequency) / norm;
          let record = matched.get(posting.document);
          if (!record) {
            record = {};
            matched.set(posting.document, record);
          }
          (record[field.name] ??= []).push(token);
        });
        const contribution = (queryWeight * idf * pseudoFrequency) / (this.k1 + pseudoFrequency);
        scores.set(posting.document, (scores.get(posting.document) ?? 0) + contribution);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([document, score]) => ({
        id: this.documentIds[document],
        score,
        matched: matched.get(document) ?? {},
      }));
  }
}
