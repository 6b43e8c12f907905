/**
 * A websocket to `/ws` that survives network blips: it queues frames while disconnected,
 * reconnects with growing delays, and greets the server with `welcome_back` on every reconnect so
 * the conversation (and staff replies sent meanwhile) come back. Once closed (or finished) it
 * neither reconnects nor passes on frames that still arrive.
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
  private attempts = 0;
  private closed = false;
  private greeted: boolean;

  constructor(private readonly options: ChatSocketOptions) {
    this.greeted = options.returning;
  }

  connect(): void {
    if (this.closed || this.socket) return;
    const socket = new WebSocket(socketUrl(this.options.server));
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempts = 0;
      socket.send(JSON.stringify({ type: this.greeted ? 'welcome_back' : 'hello', user: this.options.user }));
      this.greeted = true;
      for (const frame of this.queue.splice(0)) socket.send(JSON.stringify(frame));
      this.options.onStatus?.(true);
    });
    socket.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      const frame = parseServerFrame(event.data);
      if (frame && !this.closed) this.options.onFrame(frame);
    });
    socket.addEventListener('close', () => {
      this.socket = undefined;
      this.options.onStatus?.(false);
      if (this.closed) return;
      const delay = Math.min(30_000, 500 * 2 ** this.attempts++);
      setTimeout(() => this.connect(), delay);
    });
  }

  send(frame: ClientFrame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
    else {
      this.queue.push(frame);
      this.connect();
    }
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }

  /**
   * Sends a last frame (`end`) and lets the server close the socket; false when the socket is not
   * open, so the caller must say it another way (nothing is queued for a connection that is over).
   */
  finish(frame: ClientFrame): boolean {
    this.closed = true;
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
