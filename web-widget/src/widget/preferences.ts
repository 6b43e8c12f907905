/**
 * What the widget remembers on this device: the visitor id (so a returning visitor gets the
 * conversation and any staff reply back) and the 适老化 preference. The id is stored with the time
 * it was last used and forgotten after `rememberDays` (7 by default), so on a shared computer the
 * next person does not get the last one's conversation a week later; in 公共电脑 mode it is never
 * stored at all. Storage can be unavailable (private mode, sandboxed frames); the widget then
 * simply forgets.
 */
const USER_KEY = 'daoban.user';
const ELDER_KEY = 'daoban.elder';
export const REMEMBER_DAYS = 7;
const DAY_MS = 86_400_000;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the preference lasts for this page only.
  }
}

/** The stored visitor id if it was used within `rememberDays`; an old or undated entry is dropped. */
function storedVisitor(rememberDays: number): string | undefined {
  const raw = read(USER_KEY);
  if (!raw) return undefined;
  try {
    const stored = JSON.parse(raw) as { id?: unknown; at?: unknown };
    const age = Date.now() - Number(stored.at);
    if (typeof stored.id === 'string' && age >= 0 && age < rememberDays * DAY_MS) return stored.id;
  } catch {
    // An id stored by an older widget without its date: forgotten like an expired one.
  }
  write(USER_KEY, null);
  return undefined;
}

export interface VisitorOptions {
  /** 公共电脑 mode: the id lives in this page only. */
  publicMode: boolean;
  rememberDays: number;
}

export function visitorIdentity(options: VisitorOptions): { user: string; returning: boolean } {
  const existing = options.publicMode ? undefined : storedVisitor(options.rememberDays);
  if (existing) {
    touchVisitor(existing, options);
    return { user: existing, returning: true };
  }
  const user = `v-${crypto.randomUUID()}`;
  touchVisitor(user, options);
  return { user, returning: false };
}

/** Records that the visitor used the widget now (the remembering period starts again). */
export function touchVisitor(user: string, options: VisitorOptions): void {
  if (!options.publicMode) write(USER_KEY, JSON.stringify({ id: user, at: Date.now() }));
}

/** Forgets the stored visitor id; with `user`, only if it is still that one (another tab may have a new one). */
export function forgetVisitor(user?: string): void {
  if (user !== undefined) {
    try {
      const stored = JSON.parse(read(USER_KEY) ?? 'null') as { id?: unknown } | null;
      if (stored && stored.id !== user) return;
    } catch {
      // Unreadable: forgotten below.
    }
  }
  write(USER_KEY, null);
}

export const elderModePreferred = (): boolean => read(ELDER_KEY) === '1';
export const rememberElderMode = (on: boolean): void => write(ELDER_KEY, on ? '1' : null);
