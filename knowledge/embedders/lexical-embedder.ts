/**
 * The built-in default Embedder: needs no model weights and no network. It maps a text to a fixed-size
 * vector by feature hashing: character unigrams, bigrams and trigrams of the normalised text plus
 * jieba words, each hashed to a signed bucket, weighted by sub-linear term frequency and L2-normalised.
 * Cosine similarity between two such vectors is then a weighted overlap of their n-grams and words,
 * which is robust to word order and unseen phrasing while staying deterministic across machines.
 */
import type { Embedder } from '../contracts.ts';
import { normalizeForMatch } from '../text/normalize.ts';
import { segmentWords } from '../text/segment.ts';

export const LEXICAL_EMBEDDER_ID = 'builtin-lexical-hash@1';
export const LEXICAL_DEFAULT_DIMENSIONS = 384;

/** Relative weight of each feature family; words and bigrams carry most of the meaning in Chinese. */
const FAMILY_WEIGHTS = { unigram: 0.5, bigram: 1, trigram: 0.7, word: 1.2 } as const;
type Family = keyof typeof FAMILY_WEIGHTS;

export interface LexicalEmbedderOptions {
  /** Vector length; part of the id when it differs from the default, so indexes never mix sizes. */
  dimensions?: number;
}

/** FNV-1a over UTF-16 code units followed by a murmur-style finaliser for better bit mixing. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Features of one text with their raw counts, keyed by family-prefixed feature. */
function countFeatures(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (family: Family, feature: string) => {
    const key = `${family[0]}:${feature}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const normalized = normalizeForMatch(text);
  // Spaces only separate latin words; n-grams run within each space-free segment.
  for (const segment of normalized.split(' ')) {
    const characters = [...segment];
    for (let index = 0; index < characters.length; index += 1) {
      bump('unigram', characters[index]);
      if (index + 1 < characters.length) bump('bigram', characters[index] + characters[index + 1]);
      if (index + 2 < characters.length) {
        bump('trigram', characters[index] + characters[index + 1] + characters[index + 2]);
      }
    }
  }
  for (const word of segmentWords(normalized)) if (word.length > 1) bump('word', word);
  return counts;
}

const FAMILY_BY_PREFIX: Record<string, Family> = { u: 'unigram', b: 'bigram', t: 'trigram', w: 'word' };

export class LexicalEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly maxBatchSize = 1024;

  constructor(options: LexicalEmbedderOptions = {}) {
    this.dimensions = options.dimensions ?? LEXICAL_DEFAULT_DIMENSIONS;
    if (!Number.isInteger(this.dimensions) || this.dimensions < 8) {
      throw new RangeError(`LexicalEmbedder dimensions must be an integer ≥ 8, got ${this.dimensions}`);
    }
    this.id =
      this.dimensions === LEXICAL_DEFAULT_DIMENSIONS
        ? LEXICAL_EMBEDDER_ID
        : `${LEXICAL_EMBEDDER_ID}:${this.dimensions}`;
  }

  /** Synchronous core, for callers that embed many short texts in a loop. */
  embed(text: string): number[] {
    const vector = new Array<number>(this.dimensions).fill(0);
    for (const [key, count] of countFeatures(text)) {
      const hash = hash32(key);
      const bucket = hash % this.dimensions;
      // The sign comes from a bit the bucket does not use, so collisions cancel out on average.
      const sign = (hash >>> 31) & 1 ? -1 : 1;
      vector[bucket] += sign * FAMILY_WEIGHTS[FAMILY_BY_PREFIX[key[0]]] * (1 + Math.log(count));
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    if (norm === 0) {
      // An empty or all-punctuation text: a fixed unit vector keeps cosine distance defined.
      vector[0] = 1;
      return vector;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let index = 0; index < vector.length; index += 1) vector[index] *= scale;
    return vector;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embed(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}
