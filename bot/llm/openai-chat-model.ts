/**
 * ChatModel over any OpenAI-compatible `/v1/chat/completions` endpoint (vLLM, Ollama, Xinference, a
 * cloud API) through the `openai` package. One deadline covers the whole call, the single retry
 * included, so a slow model can only delay a citizen's answer by `timeoutMs` before the caller falls
 * back to the composed text.
 */
import type OpenAI from 'openai';
import type { ChatCompletionOptions, ChatMessage, ChatModel } from './chat-model.ts';
import { ChatModelError } from './chat-model-error.ts';

export interface OpenAIChatModelOptions {
  model: string;
  /** An OpenAI-compatible base URL ending in `/v1`; the public OpenAI API when absent. */
  baseUrl?: string;
  /** Local servers usually need none; a placeholder is sent so the client does not look elsewhere. */
  apiKey?: string;
  /** Deadline for one `complete()` call, retry included. */
  timeoutMs?: number;
  /** Retries on connection errors, 429 and 5xx; at most one, so a failing endpoint is not hammered. */
  maxRetries?: 0 | 1;
}

export const DEFAULT_CHAT_TIMEOUT_MS = 8_000;
const OPENAI_BASE_URL = 'https://api.openai.com/v1';
const PLACEHOLDER_KEY = 'not-needed';

export class OpenAIChatModel implements ChatModel {
  readonly id: string;
  private readonly options: Required<Omit<OpenAIChatModelOptions, 'apiKey'>> & { apiKey?: string };
  private client?: Promise<OpenAI>;

  constructor(options: OpenAIChatModelOptions) {
    if (!options.model.trim()) {
      throw new ChatModelError('CHAT_MODEL_MISCONFIGURED', 'The chat model name is empty.');
    }
    this.options = {
      model: options.model.trim(),
      baseUrl: options.baseUrl ?? OPENAI_BASE_URL,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? DEFAULT_CHAT_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? 1,
    };
    this.id = `openai-compatible:${this.options.model}`;
  }

  async complete(messages: ChatMessage[], options: ChatCompletionOptions = {}): Promise<string> {
    const client = await this.loadClient();
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    try {
      const completion = await client.chat.completions.create(
        {
          model: this.options.model,
          messages,
          // `max_tokens` rather than `max_completion_tokens`: the compatible servers all accept it.
          ...(options.maxTokens !== undefined ? { max_tokens: options.maxTokens } : {}),
          ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
          stream: false,
        },
        { signal, timeout: this.options.timeoutMs },
      );
      const content = completion.choices[0]?.message?.content?.trim();
      if (!content) throw new ChatModelError('CHAT_MODEL_EMPTY', `${this.id} returned no text.`);
      return content;
    } catch (error) {
      throw this.toChatModelError(error, options.signal, deadline);
    }
  }

  // Loaded on first use: the model is off by default and most halls never pay for the import.
  private loadClient(): Promise<OpenAI> {
    this.client ??= import('openai').then(
      ({ default: OpenAIClient }) =>
        new OpenAIClient({
          baseURL: this.options.baseUrl,
          apiKey: this.options.apiKey ?? PLACEHOLDER_KEY,
          // Explicit values keep the client from reading the environment on its own (settings do that).
          organization: null,
          project: null,
          webhookSecret: null,
          maxRetries: this.options.maxRetries,
          timeout: this.options.timeoutMs,
        }),
    );
    return this.client;
  }

  private toChatModelError(
    error: unknown,
    callerSignal: AbortSignal | undefined,
    deadline: AbortSignal,
  ): ChatModelError {
    if (isChatModelError(error)) return error;
    if (callerSignal?.aborted) {
      return new ChatModelError('CHAT_MODEL_ABORTED', `${this.id}: request aborted by the caller.`, {
        cause: error,
      });
    }
    const name = error instanceof Error ? error.name : '';
    if (deadline.aborted || name === 'APIConnectionTimeoutError') {
      return new ChatModelError(
        'CHAT_MODEL_TIMEOUT',
        `${this.id}: no answer within ${this.options.timeoutMs} ms.`,
        { cause: error },
      );
    }
    const status =
      typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
    if (typeof status === 'number') {
      return new ChatModelError('CHAT_MODEL_HTTP', `${this.id}: the endpoint answered HTTP ${status}.`, {
        status,
        cause: error,
      });
    }
    const detail = error instanceof Error ? error.message : String(error);
    return new ChatModelError(
      'CHAT_MODEL_UNREACHABLE',
      `${this.id}: ${this.options.baseUrl} is unreachable (${detail}).`,
      { cause: error },
    );
  }
}

function isChatModelError(error: unknown): error is ChatModelError {
  return error instanceof Error && error.name === 'ChatModelError' && 'code' in error;
}
