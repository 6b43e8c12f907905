/**
 * What staff have not seen yet: per case, the citizen messages (a new case counts as one) that
 * arrived since the case was last opened in this browser. Kept in localStorage so a reload or a
 * second tab shows the same badges; the total goes into the navigation and the tab title, and
 * each new case or citizen message plays the chime.
 */
import { onLiveEvent } from './live-channel.ts';
import { playChime } from './notification-sound.ts';

const STORAGE_KEY = 'daoban.console.unread';
const BASE_TITLE = '导办工作台';

type Counts = Record<string, number>;
const listeners = new Set<() => void>();
let openCase: string | undefined;

function read(): Counts {
  try {
    const value = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as unknown;
    return value && typeof value === 'object' ? (value as Counts) : {};
  } catch {
    return {};
  }
}

function write(counts: Counts): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(counts));
  } catch {
    // Storage refused: badges last until the next reload.
  }
  changed();
}

function changed(): void {
  const total = totalUnread();
  document.title = total > 0 ? `(${total}) ${BASE_TITLE}` : BASE_TITLE;
  for (const listener of [...listeners]) listener();
}

export const unreadOf = (caseNumber: string): number => read()[caseNumber] ?? 0;

export const totalUnread = (): number => Object.values(read()).reduce((sum, count) => sum + count, 0);

/** The case view is showing `caseNumber` (undefined when it closes): it is read while visible. */
export function setOpenCase(caseNumber: string | undefined): void {
  openCase = caseNumber;
  if (caseNumber) markRead(caseNumber);
}

export function markRead(caseNumber: string): void {
  const counts = read();
  if (!(caseNumber in counts)) return;
  delete counts[caseNumber];
  write(counts);
}

/** Calls `listener` whenever a count changes; returns the function that stops listening. */
export function onUnreadChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const seenOpenedCases = new Set<string>();

/** Starts counting live events; call once when the console is signed in. */
export function trackUnread(): void {
  // The case view does not say when it closes; the address does.
  const isWatched = (caseNumber: string) =>
    openCase === caseNumber &&
    location.hash === `#/cases/${encodeURIComponent(caseNumber)}` &&
    document.visibilityState === 'visible';
  onLiveEvent((event) => {
    const number = event.caseNumber;
    if (!number) return;
    if (event.type === 'case_opened') {
      // A case the citizen reopened is told again; it is one new case.
      if (seenOpenedCases.has(number)) return;
      seenOpenedCases.add(number);
    } else if (event.type !== 'citizen_message') return;
    playChime();
    if (isWatched(number)) return;
    const counts = read();
    counts[number] = (counts[number] ?? 0) + 1;
    write(counts);
  });
  // Other tabs of the console change the counts too.
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) changed();
  });
  document.addEventListener('visibilitychange', () => {
    if (openCase && isWatched(openCase)) markRead(openCase);
  });
  changed();
}
