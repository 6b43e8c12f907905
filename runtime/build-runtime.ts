/**
 * The one place that wires the running assistant from settings: embedder, index (the default one is
 * built when missing), lexicon, hall facts, chat model and the assistant on top of them. The server's
 * composition root, every CLI, evaluation and benchmarks all start here, so what is measured is what
 * runs in the hall. Overrides replace single parts (tests, other hosts) without re-wiring the rest.
 */
import type { Settings } from '../config/settings.ts';
import type { BuildSummary } from '../ingest/build-index.ts';
import type { Catalog } from '../knowledge/catalog/schema.ts';
import type { Embedder } from '../knowledge/contracts.ts';
import type { Hall } from '../knowledge/hall/schema.ts';
import { loadDefaultLexicon, type Lexicon } from '../knowledge/text/lexicon.ts';
import type { ChatModel } from '../bot/llm/chat-model.ts';
import { createChatModel } from '../bot/llm/create-chat-model.ts';
import { openAssistant, type OpenedAssistant } from '../bot/open-assistant.ts';
import type { KnowledgeEntry } from '../bot/types.ts';
import { prepareIndex, type IndexOverrides } from './prepare-index.ts';

export interface RuntimeOverrides extends IndexOverrides {
  lexicon?: Lexicon;
  /** Hall facts to answer with instead of the hall stored in the index. */
  hall?: Hall;
  /** A chat model instead of the one settings configure; `null` runs without one whatever settings say. */
  chatModel?: ChatModel | null;
  /** Staff-written answers to start with (the server loads them from its store). */
  knowledge?: KnowledgeEntry[];
  /** Re-rank with the vector index (on by default). */
  useVectors?: boolean;
  /** Other ranker weights, decision model or a turn trace (training, diagnosis). */
  tuning?: Parameters<typeof openAssistant>[0]['tuning'];
}

export interface Runtime {
  assistant: OpenedAssistant;
  catalog: Catalog;
  hall: Hall;
  lexicon: Lexicon;
  embedder: Embedder;
  chatModel?: ChatModel;
  indexDir: string;
  indexVersion: string;
  /** Present when the default index had to be built first. */
  built?: BuildSummary;
}

export async function buildRuntime(settings: Settings, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  const chatModel =
    overrides.chatModel === null ? undefined : (overrides.chatModel ?? createChatModel({ settings }));
  const { embedder, indexDir, built } = await prepareIndex(settings, overrides);
  const lexicon = overrides.lexicon ?? loadDefaultLexicon();
  const assistant = await openAssistant({
    indexDir,
    embedder,
    lexicon,
    hall: overrides.hall,
    knowledge: overrides.knowledge,
    useVectors: overrides.useVectors,
    chatModel,
    tuning: overrides.tuning,
  });
  return {
    assistant,
    catalog: assistant.catalog,
    hall: assistant.hall,
    lexicon,
    embedder,
    chatModel,
    indexDir,
    indexVersion: assistant.indexVersion,
    built,
  };
}
