/**
 * The console's live channel: one EventSource on `GET /api/v1/staff/events` per tab (the server caps
 * streams per session), shared by every view through `onLiveEvent`. EventSource retries a dropped
 * connection by itself; when the browser gives up (the stream was refused, e.g. 429/503 or a server
 * restart that answered with an error) the channel opens a new one after a growing pause, and tells
 * the views that it reconnected so they can fetch what they missed.
 */
import type { CaseSummary, TranscriptEntry } from './models.ts';

export type LiveEventType =
  'case_opened' | 'case_changed' | 'citizen_message' | 'staff_message' | 'citizen_typing' | 'reconnected';

export interface LiveEvent {
  type: LiveEventType;
  caseNumber?: string;
  /** The case as staff see it (case events, messages). */
  case?: CaseSummary;
  /** The message, masked (citizen and staff messages). */
  message?: TranscriptEntry & { id: number };
}

type Listener = (event: LiveEvent) => void;
export type ChannelState = 'connecting' | 'open' | 'down';

const EVENT_TYPES: LiveEventType[] = [
  'case_opened',
  'case_changed',
  'citizen_message',
  'staff_message',
  'citizen_typing',
];
const RETRY_MS = [1_000, 3_000, 10_000, 30_000];

const listeners = new Set<Listener>();
const stateListeners = new Set<(state: ChannelState) => void>();
let source: EventSource | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let failures = 0;
let everOpened = false;
let onSessionEnded: (() => void) | undefined;

const emit = (event: LiveEvent) => {
  for (const listener of [...listeners]) listener(event);
};
const setState = (state: ChannelState) => {
  for (const listener of [...stateListeners]) listener(state);
};

function connect(): void {
  setState('connecting');
  const stream = new EventSource('/api/v1/staff/events', { withCredentials: true });
  source = stream;
  stream.addEventListener('ready', () => {
    failures = 0;
    setState('open');
    // Events sent while the stream was down are lost: views refetch what they show.
    if (everOpened) emit({ type: 'reconnected' });
    everOpened = true;
  });
  for (const type of EVENT_TYPES) {
    stream.addEventListener(type, (event) => {
      let data: LiveEvent;
      try {
        data = JSON.parse((event as MessageEvent<string>).data) as LiveEvent;
      } catch {
        return;
      }
      emit({ ...data, type });
    });
  }
  stream.addEventListener('session_ended', () => {
    stopLiveChannel();
    onSessionEnded?.();
  });
  stream.addEventListener('error', () => {
    if (stream !== source) return;
    setState('down');
    // CONNECTING means the browser retries by itself; CLOSED means it gave up.
    if (stream.readyState !== EventSource.CLOSED) return;
    const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)];
    failures += 1;
    retryTimer = setTimeout(connect, delay);
  });
}

/** Opens the channel once signed in; `sessionEnded` runs when the server ends the session. */
export function startLiveChannel(sessionEnded: () => void): void {
  onSessionEnded = sessionEnded;
  if (source) return;
  failures = 0;
  everOpened = false;
  connect();
}

/** Closes the channel (logout). */
export function stopLiveChannel(): void {
  clearTimeout(retryTimer);
  source?.close();
  source = undefined;
}

/** Listens to live events; returns the function that stops listening. */
export function onLiveEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Listens for as long as `element` (a view) is in the document: views have no unmount hook, so the
 * listener ends itself at the first event after the router replaced the view.
 */
export function onLiveEventWhile(element: Element, listener: Listener): void {
  let attached = false;
  const stopListening = onLiveEvent((event) => {
    if (element.isConnected) attached = true;
    else if (attached) return void stopListening();
    else return;
    listener(event);
  });
}

export function onChannelState(listener: (state: ChannelState) => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}
