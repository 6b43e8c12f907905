/**
 * The ChatModel seam (DESIGN.md §2): an optional language model that may rewrite a question for search
 * or phrase an answer, never supply facts. Callers treat every call as fallible and keep their own
 * record-based text when it fails; implementations live in their own files.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatCompletionOptions {
  maxTokens?: number;
  temperature?: number;
  /** Aborts the request (the caller's own deadline, or the citizen leaving). */
  signal?: AbortSignal;
}

export interface ChatModel {
  /** Backend and model name, e.g. "openai-compatible:qwen2.5-7b-instruct", for logs and analytics. */
  readonly id: string;
  /** The model's reply text; rejects with a `ChatModelError` on timeout, HTTP error or empty reply. */
  complete(messages: ChatMessage[], options?: ChatCompletionOptions): Promise<string>;
}
