/**
 * Chooses the Embedder backend named in settings. The only place that knows all backends; everything
 * else receives an `Embedder`.
 */
import type { Settings } from '../../config/settings.ts';
import type { Embedder } from '../contracts.ts';
import { EmbedderConfigError } from '../errors/embedder-config-error.ts';
import { LexicalEmbedder } from './lexical-embedder.ts';
import { createOpenAIEmbedder } from './openai-embedder.ts';
import { TransformersEmbedder } from './transformers-embedder.ts';

export async function createEmbedder(settings: Settings['embedder']): Promise<Embedder> {
  switch (settings.kind) {
    case 'builtin':
      return new LexicalEmbedder();
    case 'transformers':
      if (!settings.modelPath) {
        throw new EmbedderConfigError(
          'EMBEDDER=transformers needs EMBEDDING_MODEL_PATH (a local model folder).',
        );
      }
      return new TransformersEmbedder({ modelPath: settings.modelPath, model: settings.model });
    case 'openai':
      if (!settings.baseUrl) {
        throw new EmbedderConfigError(
          'EMBEDDER=openai needs OPENAI_BASE_URL (an OpenAI-compatible /v1 endpoint).',
        );
      }
      return createOpenAIEmbedder({
        baseUrl: settings.baseUrl,
        model: settings.model ?? '',
        apiKey: settings.apiKey,
      });
    default: {
      const unknownKind: never = settings.kind;
      throw new EmbedderConfigError(`Unknown embedder kind "${String(unknownKind)}".`);
    }
  }
}
