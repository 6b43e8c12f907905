/**
 * A websocket to `/ws` that survives network blips: it queues frames while disconnected,
 * reconnects with growing delays (at once when the browser says it is online again), and greets
 * the server with `welcome_back` on every reconnect so the conversation (and staff replies sent
 * meanwhile) come back. Once closed (or finished) it neither reconnects nor passes on frames that
 * still arrive.
 *
 * Citizen messages are sent exactly once: a `message` with a `clientId` stays in the outbox until
 * the server acknowledges it (`ack`), and every unacknowledged one is sent again after the greeting
 * of each reconnect. A copy the server already stored is only acknowledged again (the server
 * deduplicates by clientId), so a message lost with its ack is neither dropped nor doubled.
 */
import { parseServerFrame } from './protocol.ts';
import type { ClientFrame, ServerFrame } from './protocol.ts';

export interface ChatSocketOptions {
  /** Base URL of the server ("" for the page's own origin). */
  server: string;
  user: string;
  /** True when this visitor has talked before on this device. */
  returning: boolean;
  onFrame: (frame: ServerFrame) => void;
  onStatus?: (connected: boolean) => void;
}

const FINISH_TIMEOUT_MS = 5000;
// Short enough that a citizen back from a tunnel does not wait long for the next try.
const MAX_RETRY_MS = 10_000;

type MessageFrame = Extract<ClientFrame, { type: 'message' }>;

/** A fresh id for a message, unique enough within one conversation ([A-Za-z0-9_-], 1–64 chars). */
export function newClientId(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export function socketUrl(server: string): string {
  const base = new URL(server || '/', location.href);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  base.pathname = base.pathname.replace(/\/?$/, '/') + 'ws';
  base.search = '';
  base.hash = '';
  return base.href;
}

export class ChatSocket {
  private socket?: WebSocket;
  private queue: ClientFrame[] = [];
  /** Messages sent but not yet acknowledged, in the order they were typed. */
  private outbox: MessageFrame[] = [];
  private attempts = 0;
  private closed = false;
  private greeted: boolean;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private readonly retryNow = (): void => {
    clearTimeout(this.retryTimer);
    this.connect();
  };

  constructor(private readonly options: ChatSocketOptions) {
    this.greeted = options.returning;
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  connect(): void {
    if (this.closed || this.socket) return;
    addEventListener('online', this.retryNow);
    const socket = new WebSocket(socketUrl(this.options.server));
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempts = 0;
      socket.send(JSON.stringify({ type: this.greeted ? 'welcome_back' : 'hello', user: this.options.user }));
      this.greeted = true;
      for (const frame of this.outbox) socket.send(JSON.stringify(frame));
      for (const frame of this.queue.splice(0)) socket.send(JSON.stringify(frame));
      this.options.onStatus?.(true);
    });
    socket.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      const frame = parseServerFrame(event.data);
      if (!frame || this.closed) return;
      if (frame.type === 'ack') {
        this.outbox = this.outbox.filter((entry) => entry.clientId !== frame.clientId);
      }
      this.options.onFrame(frame);
    });
    socket.addEventListener('close', () => {
      this.socket = undefined;
      if (this.closed) return;
      this.options.onStatus?.(false);
      const delay = Math.min(MAX_RETRY_MS, 500 * 2 ** this.attempts++);
      this.retryTimer = setTimeout(() => this.connect(), delay);
    });
  }

  send(frame: ClientFrame): void {
    if (frame.type === 'message' && frame.clientId) this.outbox.push(frame);
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
    else {
      if (!(frame.type === 'message' && frame.clientId)) this.queue.push(frame);
      this.connect();
    }
  }

  close(): void {
    this.stop();
    this.socket?.close();
  }

  private stop(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    removeEventListener('online', this.retryNow);
  }

  /**
   * Sends a last frame (`end`) and lets the server close the socket; false when the socket is not
   * open, so the caller must say it another way (nothing is queued for a connection that is over).
   */
  finish(frame: ClientFrame): boolean {
    this.stop();
    const socket = this.socket;
    if (socket?.readyState !== WebSocket.OPEN) {
      socket?.close();
      return false;
    }
    socket.send(JSON.stringify(frame));
    // The server closes after `ended`; a server that does not is left after a while.
    setTimeout(() => socket.close(), FINISH_TIMEOUT_MS);
    return true;
  }
}
