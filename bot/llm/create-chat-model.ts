/**
 * Picks the ChatModel from settings for the composition root. No CHAT_MODEL means no model: the
 * assistant then answers from the catalog alone, which is the default and fully offline.
 */
import type { Settings } from '../../config/settings.ts';
import type { ChatModel } from './chat-model.ts';
import { ChatModelError } from './chat-model-error.ts';
import { OpenAIChatModel } from './openai-chat-model.ts';

export interface CreateChatModelOptions {
  settings: Pick<Settings, 'chatModel'>;
  timeoutMs?: number;
}

export function createChatModel({ settings, timeoutMs }: CreateChatModelOptions): ChatModel | undefined {
  const configured = settings.chatModel;
  if (!configured) return undefined;
  if (!configured.baseUrl && !configured.apiKey) {
    throw new ChatModelError(
      'CHAT_MODEL_MISCONFIGURED',
      'CHAT_MODEL is set but neither OPENAI_BASE_URL (a local OpenAI-compatible /v1 endpoint) nor OPENAI_API_KEY is. Set one, or unset CHAT_MODEL.',
    );
  }
  return new OpenAIChatModel({
    model: configured.model,
    baseUrl: configured.baseUrl,
    apiKey: configured.apiKey,
    timeoutMs,
  });
}
