/**
 * Admission of websocket upgrades: the global cap (503), a cap per client address (429), and the
 * address's request budget (429), so one address can neither fill the server with idle sockets nor
 * churn through fresh ones. Counted per TCP connection from the upgrade until it closes, so
 * handshakes in flight count as well.
 */
import type { Duplex } from 'node:stream';
import type { RateLimiter } from '../../safety/rate-limiter.ts';

export type Admission =
  { admitted: true } | { admitted: false; status: 429 | 503; retryAfterSeconds: number };

export interface ConnectionGuard {
  /** Admits `socket` for `address` (a limit key) and counts it until it closes. */
  admit(socket: Duplex, address: string): Admission;
  readonly open: number;
  openFor(address: string): number;
}

export function createConnectionGuard(options: {
  maxConnections: number;
  maxPerAddress: number;
  addressBudget: RateLimiter;
}): ConnectionGuard {
  const perAddress = new Map<string, number>();
  let open = 0;
  return {
    get open() {
      return open;
    },
    openFor: (address) => perAddress.get(address) ?? 0,
    admit(socket, address) {
      if (open >= options.maxConnections) return { admitted: false, status: 503, retryAfterSeconds: 10 };
      if ((perAddress.get(address) ?? 0) >= options.maxPerAddress) {
        return { admitted: false, status: 429, retryAfterSeconds: 10 };
      }
      const budget = options.addressBudget.take(address);
      if (!budget.allowed) {
        return { admitted: false, status: 429, retryAfterSeconds: budget.retryAfterSeconds };
      }
      open += 1;
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      socket.once('close', () => {
        open -= 1;
        const left = (perAddress.get(address) ?? 1) - 1;
        if (left > 0) perAddress.set(address, left);
        else perAddress.delete(address);
      });
      return { admitted: true };
    },
  };
}

const STATUS_TEXT = { 429: 'Too Many Requests', 503: 'Service Unavailable' } as const;

/** Refuses an upgrade with a plain HTTP answer and its Retry-After. */
export function refuseUpgrade(socket: Duplex, refusal: Extract<Admission, { admitted: false }>): void {
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_TEXT[refusal.status]}\r\nConnection: close\r\n` +
      `Retry-After: ${refusal.retryAfterSeconds}\r\nContent-Length: 0\r\n\r\n`,
  );
}
