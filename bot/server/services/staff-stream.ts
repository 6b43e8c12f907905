/**
 * The staff console's live channel: server-sent events over one long HTTP response per console tab.
 * Each committed change on the staff event bus is turned once into what a console shows — the case
 * as staff see it for case events, the masked message for citizen and staff messages — and written
 * to every open stream. Streams are capped per staff session and in all, get a heartbeat comment so
 * proxies keep them open, recheck their session on every heartbeat, and end when it ends (logout,
 * expiry, a disabled account) or when the console stops reading.
 */
import type { Response } from 'express';
import type { StaffEvent, StaffEventBus } from '../../live/staff-event-bus.ts';
import type { CaseService, StaffCaseView } from '../../cases/case-service.ts';
import type { CaseRecord, Store } from '../../store/store.ts';
import type { StaffSession } from '../../auth/staff-accounts.ts';
import { maskPersonalText } from '../../logging/personal-data-masker.ts';
import { HttpError } from '../errors/http-error.ts';

/** One message as the console's transcript shows it (personal data masked). */
export interface StaffStreamMessage {
  id: number;
  role: string;
  text: string;
  at: string;
  staff?: string;
}

/** The data of one SSE event: the bus event with what the console needs to show it. */
export type StaffStreamPayload = StaffEvent & { case?: StaffCaseView; message?: StaffStreamMessage };

export interface StaffStreamOptions {
  events: StaffEventBus;
  store: Store;
  cases: Pick<CaseService, 'view'>;
  /** Resolves the session again (on every heartbeat): undefined once it has ended. */
  authenticate(token: string): StaffSession | undefined;
  maxPerSession: number;
  maxTotal: number;
  heartbeatMs: number;
  /** Unsent bytes a stream may hold before it is closed (a console that does not read). */
  maxBufferedBytes: number;
  onError?: (error: unknown) => void;
}

interface OpenStream {
  tokenHash: string;
  token: string;
  response: Response;
  heartbeat: ReturnType<typeof setInterval>;
}

/** SSE framing: an event name, then the JSON on one data line (JSON has no raw newlines). */
const frame = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

export function createStaffStreams(options: StaffStreamOptions) {
  const streams = new Set<OpenStream>();
  const perSession = new Map<string, number>();

  const close = (stream: OpenStream, last?: string) => {
    if (!streams.delete(stream)) return;
    clearInterval(stream.heartbeat);
    const left = (perSession.get(stream.tokenHash) ?? 1) - 1;
    if (left > 0) perSession.set(stream.tokenHash, left);
    else perSession.delete(stream.tokenHash);
    if (last && stream.response.writable) stream.response.write(last);
    stream.response.end();
  };

  const write = (stream: OpenStream, chunk: string) => {
    if (stream.response.writableLength > options.maxBufferedBytes) return close(stream);
    stream.response.write(chunk);
  };

  const messageOf = (record: CaseRecord | undefined, messageId: number): StaffStreamMessage | undefined => {
    const message = options.store.getMessage(messageId);
    if (!message || !record) return undefined;
    // Only a message of this case's conversation is told with it.
    if (message.caseNumber !== record.number && message.conversationId !== record.conversationId) {
      return undefined;
    }
    return {
      id: message.id,
      role: message.role,
      text: maskPersonalText(message.text),
      at: message.createdAt,
      staff: message.staffUsername,
    };
  };

  const payloadOf = (event: StaffEvent): StaffStreamPayload => {
    const record = options.store.getCase(event.caseNumber);
    const view = record ? options.cases.view(record) : undefined;
    if (event.type === 'citizen_message' || event.type === 'staff_message') {
      return { ...event, case: view, message: messageOf(record, event.messageId) };
    }
    if (event.type === 'citizen_typing') return event;
    return { ...event, case: view };
  };

  const unsubscribe = options.events.subscribe((event) => {
    if (streams.size === 0) return;
    let chunk: string;
    try {
      chunk = frame(event.type, payloadOf(event));
    } catch (error) {
      options.onError?.(error);
      return;
    }
    for (const stream of [...streams]) write(stream, chunk);
  });

  return {
    /**
     * Starts a stream on `response` for a signed-in session; 429 when the session or the server
     * already has as many as allowed.
     */
    open(session: StaffSession, token: string, response: Response): void {
      const count = perSession.get(session.tokenHash) ?? 0;
      if (count >= options.maxPerSession) {
        throw new HttpError(
          429,
          'STREAM_LIMIT',
          `同一登录最多同时打开 ${options.maxPerSession} 个实时通道，请关闭多余的工作台页面。`,
        );
      }
      if (streams.size >= options.maxTotal) {
        throw new HttpError(503, 'STREAM_CAPACITY', '实时通道已满，请稍后刷新页面。', {
          'Retry-After': '30',
        });
      }
      response.status(200);
      response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
      // no-transform keeps compression proxies from holding events back.
      response.setHeader('Cache-Control', 'no-cache, no-transform');
      response.setHeader('Connection', 'keep-alive');
      response.setHeader('X-Accel-Buffering', 'no');
      response.flushHeaders();
      const stream: OpenStream = {
        tokenHash: session.tokenHash,
        token,
        response,
        heartbeat: setInterval(() => {
          if (!options.authenticate(stream.token)) {
            close(stream, frame('session_ended', { type: 'session_ended' }));
            return;
          }
          write(stream, ': heartbeat\n\n');
        }, options.heartbeatMs),
      };
      stream.heartbeat.unref?.();
      streams.add(stream);
      perSession.set(session.tokenHash, count + 1);
      response.on('close', () => close(stream));
      // How long EventSource waits before reconnecting, then the first event.
      response.write(`retry: 3000\n${frame('ready', { type: 'ready', user: session.user.username })}`);
    },
    /** Ends the streams of a session (logout): the console is told why. */
    closeSession(tokenHash: string): void {
      for (const stream of [...streams]) {
        if (stream.tokenHash === tokenHash) close(stream, frame('session_ended', { type: 'session_ended' }));
      }
    },
    /** Ends every stream (server shutdown) and stops listening. */
    closeAll(): void {
      for (const stream of [...streams]) close(stream);
      unsubscribe();
    },
    get count(): number {
      return streams.size;
    },
  };
}

export type StaffStreams = ReturnType<typeof createStaffStreams>;
