/**
 * Opens the assistant on a built index folder: the catalog, hall and policy clauses stored in its
 * current version, and (when the index has vectors) the dense signal for re-ranking. Callers go
 * through `runtime/build-runtime.ts`, which picks the embedder, lexicon and chat model from settings.
 */
import type { Embedder } from '../knowledge/contracts.ts';
import { openIndex } from '../knowledge/index/index-store.ts';
import { LruCache } from '../knowledge/retrieval/lru-cache.ts';
import { createAssistant, type AssistantOptions } from './assistant.ts';
import type { Assistant, KnowledgeEntry } from './types.ts';
import type { Catalog } from '../knowledge/catalog/schema.ts';
import type { Hall } from '../knowledge/hall/schema.ts';
import type { ChatModel } from './llm/chat-model.ts';
import type { Lexicon } from '../knowledge/text/lexicon.ts';

/** Texts whose vector similarities an opened assistant keeps (each some forty item scores). */
export const VECTOR_CACHE_SIZE = 256;

export interface OpenedAssistant extends Assistant {
  catalog: Catalog;
  hall: Hall;
  indexVersion: string;
}

export async function openAssistant(options: {
  indexDir: string;
  embedder?: Embedder;
  knowledge?: KnowledgeEntry[];
  /** Re-rank with the vector index (on by default when an embedder is given). */
  useVectors?: boolean;
  chatModel?: ChatModel;
  lexicon?: Lexicon;
  /** Hall facts to answer with instead of the hall stored in the index. */
  hall?: Hall;
  /** Other ranker weights or decision model, and a trace of every turn (training, diagnosis). */
  tuning?: Pick<
    AssistantOptions,
    'rankWeights' | 'decisionModel' | 'trace' | 'synonyms' | 'english' | 'dialogueEvidence' | 'lifecycleStage'
  >;
}): Promise<OpenedAssistant> {
  const index = await openIndex(options.indexDir, { embedder: options.embedder });
  const embedder = options.embedder;
  // Only the vectors and the item of each chunk are kept for the dense signal, not the opened index:
  // the texts of a large catalog's chunks are not needed once it is searchable.
  const { vectors } = index;
  const itemOfChunk = new Map<string, string>();
  for (const chunk of index.chunks) if (chunk.itemId) itemOfChunk.set(chunk.id, chunk.itemId);
  // The similarities of recent texts are kept: the index does not change while it is open, and a
  // hall hears the same questions all day (an embedder may also be a paid service).
  const recent = new LruCache<string, ReadonlyMap<string, number>>(VECTOR_CACHE_SIZE);
  const vectorScores =
    embedder && options.useVectors !== false && vectors.size > 0
      ? async (text: string) => {
          const known = recent.get(text);
          if (known) return known;
          const vector = await embedder.embedQuery(text);
          const scores = new Map<string, number>();
          for (const hit of vectors.search(vector, 40)) {
            const itemId = itemOfChunk.get(hit.chunkId);
            if (itemId && hit.score > (scores.get(itemId) ?? 0)) scores.set(itemId, hit.score);
          }
          recent.set(text, scores);
          return scores;
        }
      : undefined;
  const hall = options.hall ?? index.hall;
  const assistant = createAssistant({
    catalog: index.catalog,
    hall,
    policyChunks: index.chunks.filter((chunk) => chunk.source.kind === 'policy'),
    knowledge: options.knowledge,
    vectorScores,
    chatModel: options.chatModel,
    lexicon: options.lexicon,
    ...options.tuning,
  });
  return { ...assistant, catalog: index.catalog, hall, indexVersion: index.manifest.version };
}
