/**
 * Keyword search over policy passages and staff-written knowledge entries: the same BM25F and token
 * scheme as the catalog, over a question/title field and a body field.
 */
import type { Lexicon } from '../text/lexicon.ts';
import { Bm25fIndex } from './bm25f-index.ts';
import { buildQuery, type QueryTokens } from './catalog-search.ts';
import { tokenize } from './tokenize.ts';

export interface PassageDocument {
  id: string;
  /** The short part that says what the passage is about (a heading path or a question). */
  head: string;
  body: string;
}

export interface PassageHit {
  id: string;
  score: number;
  /** Score relative to the most the query could reach (0…1). */
  relevance: number;
  /** Share of the head's bigrams present in the query (0…1). */
  headCoverage: number;
  /** Share of the question's own bigrams present in the head (0…1): a shorter rewording still fits. */
  queryCoverage: number;
}

export class PassageSearch {
  private readonly index = new Bm25fIndex([
    { name: 'head', weight: 3, b: 0.3 },
    { name: 'body', weight: 1, b: 0.75 },
  ]);
  private readonly heads = new Map<string, Set<string>>();
  private readonly lexicon?: Lexicon;

  constructor(documents: PassageDocument[], lexicon?: Lexicon) {
    this.lexicon = lexicon;
    for (const document of documents) this.add(document);
  }

  get size(): number {
    return this.index.size;
  }

  add(document: PassageDocument): void {
    this.index.remove(document.id);
    this.index.add({
      id: document.id,
      fields: { head: tokenize(document.head), body: tokenize(document.body) },
    });
    this.heads.set(document.id, new Set(tokenize(document.head, ['b'])));
  }

  search(text: string | QueryTokens, limit = 3): PassageHit[] {
    const query = typeof text === 'string' ? buildQuery(text, this.lexicon) : text;
    let ceiling = 0;
    for (const [token, weight] of query.weights) ceiling += weight * this.index.idf(token);
    return this.index.search(query.weights, limit, { matched: false }).map((hit) => {
      const head = this.heads.get(hit.id) ?? new Set<string>();
      let covered = 0;
      for (const token of head) if (query.own.has(token)) covered += 1;
      const asked = [...query.literal].filter((token) => token.startsWith('b:'));
      const fitting = asked.filter((token) => head.has(token)).length;
      return {
        id: hit.id,
        score: hit.score,
        relevance: ceiling > 0 ? Math.min(1, hit.score / ceiling) : 0,
        headCoverage: head.size ? covered / head.size : 0,
        queryCoverage: asked.length ? fitting / asked.length : 0,
      };
    });
  }
}
