/**
 * A refused websocket frame: the error frame the citizen's client gets (Chinese message, a retry
 * delay for rate limits), and how a socket's refusals are budgeted, so that answering junk is not a
 * flood of its own: a socket gets `perMinute` error frames, and the next refusal closes it (1008).
 */
import { createRateLimiter, type RateLimiter } from '../../safety/rate-limiter.ts';

export interface Refusal {
  code: string;
  message: string;
  retryAfter?: number;
}

export const CLOSE_TOO_MANY_REFUSALS = {
  code: 1008,
  reason: '无效或过于频繁的消息过多，连接已断开',
} as const;
export const CLOSE_NO_HELLO = { code: 1008, reason: '连接后未及时问候，连接已断开' } as const;

export const refusals = {
  binary: (): Refusal => ({ code: 'BAD_MESSAGE', message: '消息格式不正确。' }),
  malformed: (): Refusal => ({ code: 'MALFORMED_JSON', message: '消息不是有效的 JSON。' }),
  invalid: (): Refusal => ({ code: 'BAD_MESSAGE', message: '消息格式不正确。' }),
  helloRequired: (): Refusal => ({ code: 'HELLO_REQUIRED', message: '连接尚未就绪，请刷新页面后重试。' }),
  alreadyGreeted: (): Refusal => ({ code: 'ALREADY_GREETED', message: '对话已连接，无需重复发送。' }),
  sessionMismatch: (): Refusal => ({
    code: 'SESSION_MISMATCH',
    message: '会话标识不一致，请刷新页面后重试。',
  }),
  rateLimited: (retryAfter: number): Refusal => ({
    code: 'RATE_LIMITED',
    message: `发送过于频繁，请 ${retryAfter} 秒后再试。`,
    retryAfter,
  }),
};

/** The refusals one socket may still be told about; `take()` false means: close it. */
export function createRefusalBudget(perMinute: number): { take(): boolean } {
  const limiter: RateLimiter = createRateLimiter({ perMinute });
  return { take: () => limiter.take('socket').allowed };
}
