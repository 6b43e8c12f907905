/**
 * Events a test client has received, and waiting for the one a test expects: an event already
 * received is taken at once, otherwise the first matching one to arrive resolves the wait. Shared by
 * the websocket chat client and the server-sent events client.
 */
export class EventInbox<T> {
  readonly all: T[] = [];
  private readonly received: T[] = [];
  private waiters: Array<{ match: (event: T) => boolean; resolve: (event: T) => void }> = [];

  constructor(private readonly label: string) {}

  push(event: T): void {
    this.all.push(event);
    const index = this.waiters.findIndex((waiter) => waiter.match(event));
    if (index >= 0) this.waiters.splice(index, 1)[0].resolve(event);
    else this.received.push(event);
  }

  /** The next event matching `match` (already received or still to come). */
  next(match: (event: T) => boolean = () => true, timeoutMs = 20_000): Promise<T> {
    const index = this.received.findIndex(match);
    if (index >= 0) return Promise.resolve(this.received.splice(index, 1)[0]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`no matching event for ${this.label}; got ${JSON.stringify(this.all.slice(-5))}`)),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      });
    });
  }
}
