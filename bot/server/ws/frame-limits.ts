/**
 * Budgets for websocket frames, one token bucket per kind of frame, per chat session and per client
 * address (a client can make up session ids, not addresses). Chat messages share the HTTP budgets
 * (`RATE_LIMIT_SESSION_PER_MINUTE`, `RATE_LIMIT_IP_PER_MINUTE`), so a question costs the same on
 * either channel; the other kinds have their own settings, and the HTTP routes that do the same
 * as a frame (rating, ending a conversation) spend that frame's budget.
 */
import type { Settings } from '../../../config/settings.ts';
import { createRateLimiter, type RateDecision, type RateLimiter } from '../../safety/rate-limiter.ts';

/** hello, welcome_back and history pages count as `history`. */
export type FrameKind = 'message' | 'history' | 'rate' | 'escalate' | 'typing' | 'end';

export interface FrameLimits {
  /** Takes one token for the session and one for the address; refused when either is empty. */
  take(kind: FrameKind, session: string, address: string): RateDecision;
}

interface Pair {
  session: RateLimiter;
  address: RateLimiter;
}

export function createFrameLimits(
  limits: Settings['limits'],
  shared: { session: RateLimiter; ip: RateLimiter; clock?: () => number },
): FrameLimits {
  const pair = (session: number, address: number): Pair => ({
    session: createRateLimiter({ perMinute: session, clock: shared.clock }),
    address: createRateLimiter({ perMinute: address, clock: shared.clock }),
  });
  const pairs: Record<FrameKind, Pair> = {
    message: { session: shared.session, address: shared.ip },
    history: pair(limits.historyPerMinute, limits.historyIpPerMinute),
    rate: pair(limits.ratingsPerMinute, limits.ratingsIpPerMinute),
    escalate: pair(limits.escalationsPerMinute, limits.escalationsIpPerMinute),
    typing: pair(limits.typingPerMinute, limits.typingIpPerMinute),
    end: pair(limits.endPerMinute, limits.endIpPerMinute),
  };
  return {
    take(kind, session, address) {
      const bucket = pairs[kind];
      const bySession = bucket.session.take(session);
      if (!bySession.allowed) return bySession;
      return bucket.address.take(address);
    },
  };
}
