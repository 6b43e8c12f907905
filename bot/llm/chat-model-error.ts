/**
 * Raised by ChatModel backends. Callers never show it to citizens: they fall back to the composed
 * answer and log `code`, so the codes name what an operator would check (endpoint, model, timeout).
 */
export type ChatModelErrorCode =
  | 'CHAT_MODEL_TIMEOUT'
  | 'CHAT_MODEL_ABORTED'
  | 'CHAT_MODEL_HTTP'
  | 'CHAT_MODEL_UNREACHABLE'
  | 'CHAT_MODEL_EMPTY'
  | 'CHAT_MODEL_MISCONFIGURED';

export class ChatModelError extends Error {
  readonly code: ChatModelErrorCode;
  /** HTTP status of the endpoint's answer, for `CHAT_MODEL_HTTP`. */
  readonly status?: number;

  constructor(code: ChatModelErrorCode, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ChatModelError';
    this.code = code;
    this.status = options.status;
  }
}
