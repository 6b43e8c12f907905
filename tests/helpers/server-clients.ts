/**
 * Clients for integration tests: a JSON HTTP helper, a staff session (cookie + CSRF token) and a
 * websocket chat client that queues incoming events and waits for the one a test expects.
 */
import WebSocket from 'ws';
import { EventInbox } from './event-inbox.ts';

export interface JsonResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export async function requestJson<T = Record<string, unknown>>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    // Not JSON (CSV, HTML): the raw text.
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

export class StaffClient {
  private cookie = '';
  csrfToken = '';
  constructor(readonly baseUrl: string) {}

  /** The session cookie as a request header value. */
  get cookieHeader(): string {
    return this.cookie;
  }

  async login(username: string, password: string): Promise<JsonResponse> {
    const response = await requestJson(`${this.baseUrl}/api/v1/staff/login`, {
      body: { username, password },
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    if (typeof response.body.csrfToken === 'string') this.csrfToken = response.body.csrfToken;
    return response;
  }

  get<T = Record<string, unknown>>(route: string) {
    return requestJson<T>(`${this.baseUrl}${route}`, { headers: { cookie: this.cookie } });
  }

  post<T = Record<string, unknown>>(route: string, body: unknown = {}, options: { csrf?: boolean } = {}) {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (options.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    return requestJson<T>(`${this.baseUrl}${route}`, { method: 'POST', body, headers });
  }

  put<T = Record<string, unknown>>(route: string, body: unknown = {}) {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrfToken };
    return requestJson<T>(`${this.baseUrl}${route}`, { method: 'PUT', body, headers });
  }
}

/** A raw upload by a staff session (catalog files): the bytes as the body, the CSRF header unless told. */
export async function uploadAs<T = Record<string, unknown>>(
  client: StaffClient,
  route: string,
  bytes: Uint8Array,
  options: { csrf?: boolean; contentType?: string } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {
    cookie: client.cookieHeader,
    'content-type': options.contentType ?? 'application/octet-stream',
  };
  if (options.csrf !== false) headers['x-csrf-token'] = client.csrfToken;
  const response = await fetch(`${client.baseUrl}${route}`, {
    method: 'POST',
    headers,
    body: new Uint8Array(bytes),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    // Not JSON: the raw text.
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

export type ChatEvent = Record<string, unknown> & { type: string };

export class ChatClient {
  private readonly inbox: EventInbox<ChatEvent>;
  readonly all: ChatEvent[];

  private constructor(
    readonly socket: WebSocket,
    readonly user: string,
  ) {
    this.inbox = new EventInbox<ChatEvent>(user);
    this.all = this.inbox.all;
    socket.on('message', (data) => {
      this.inbox.push(JSON.parse(data.toString()) as ChatEvent);
    });
  }

  /** An upgrade that the server refuses: its HTTP status and Retry-After. */
  static refusal(
    baseUrl: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; retryAfter?: string } | 'open'> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`, { headers });
    return new Promise((resolve) => {
      socket.once('open', () => {
        socket.close();
        resolve('open');
      });
      socket.once('unexpected-response', (_request, response) => {
        resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] });
        socket.terminate();
      });
      socket.once('error', () => undefined);
    });
  }

  /** `headers` go with the upgrade request (e.g. X-Forwarded-For as a proxy would send it). */
  static open(baseUrl: string, user: string, headers?: Record<string, string>): Promise<ChatClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`, { headers });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new ChatClient(socket, user)));
      socket.once('error', reject);
    });
  }

  send(event: Record<string, unknown>): void {
    this.socket.send(JSON.stringify({ user: this.user, ...event }));
  }

  /** The next event matching `match` (already received or still to come). */
  next(match: (event: ChatEvent) => boolean = () => true, timeoutMs = 20_000): Promise<ChatEvent> {
    return this.inbox.next(match, timeoutMs);
  }

  /** Sends a question and waits for the assistant's answer message. */
  async ask(text: string): Promise<ChatEvent> {
    this.send({ type: 'message', text });
    return this.next((event) => event.type === 'message' && event.from !== 'staff' && 'answer' in event);
  }

  /** Resolves with the close code and reason once the server (or the client) closes the socket. */
  closed(): Promise<{ code: number; reason: string }> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve({ code: 1006, reason: '' });
      this.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

export const isStaffMessage = (event: ChatEvent) => event.type === 'message' && event.from === 'staff';
