/**
 * One call to the chat model that never throws: the caller gets the reply, or the error code to
 * report when it falls back to its own text.
 */
import type { ChatModel } from './chat-model.ts';

export type CompletionOutcome = { ok: true; reply: string } | { ok: false; code: string };

export async function tryComplete(
  model: ChatModel,
  ...[messages, options]: Parameters<ChatModel['complete']>
): Promise<CompletionOutcome> {
  try {
    return { ok: true, reply: await model.complete(messages, options) };
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error
        ? String(error.code)
        : 'CHAT_MODEL_FAILED';
    return { ok: false, code };
  }
}
