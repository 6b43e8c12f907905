/**
 * A server-sent events client for integration tests: reads `GET /api/v1/staff/events` with a staff
 * cookie, parses events and comments, and waits for the one a test expects (like ChatClient does).
 */
import { EventInbox } from './event-inbox.ts';

export interface SseEvent {
  event: string;
  data: Record<string, unknown> & { type?: string };
}

export class SseClient {
  private readonly inbox = new EventInbox<SseEvent>('the staff stream');
  readonly all = this.inbox.all;
  comments = 0;
  private endWaiters: Array<() => void> = [];
  ended = false;

  private constructor(
    readonly status: number,
    private readonly controller: AbortController,
  ) {}

  /** Opens the stream; a refused one resolves with its status and `body` (the JSON error). */
  static async open(
    baseUrl: string,
    cookie: string,
  ): Promise<SseClient & { body?: { error?: { code?: string; message?: string } } }> {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/api/v1/staff/events`, {
      headers: { cookie, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    const client = new SseClient(response.status, controller);
    if (response.status !== 200 || !response.body) {
      const text = await response.text();
      client.ended = true;
      return Object.assign(client, { body: text ? (JSON.parse(text) as object) : undefined });
    }
    void client.read(response.body);
    return client;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Aborted by close().
    }
    this.ended = true;
    for (const resolve of this.endWaiters.splice(0)) resolve();
  }

  private parse(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments += 1;
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length === 0) return;
    const parsed: SseEvent = { event, data: JSON.parse(data.join('\n')) as SseEvent['data'] };
    this.inbox.push(parsed);
  }

  next(match: (event: SseEvent) => boolean = () => true, timeoutMs = 20_000): Promise<SseEvent> {
    return this.inbox.next(match, timeoutMs);
  }

  /** Resolves once the server has ended the stream. */
  whenEnded(): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((resolve) => this.endWaiters.push(resolve));
  }

  /** Waits until `count` heartbeat comments have arrived (counted from the start). */
  async heartbeats(count: number): Promise<void> {
    while (this.comments < count && !this.ended) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  close(): void {
    this.controller.abort();
  }
}

export const isEvent = (name: string, caseNumber?: string) => (event: SseEvent) =>
  event.event === name && (caseNumber === undefined || event.data.caseNumber === caseNumber);
