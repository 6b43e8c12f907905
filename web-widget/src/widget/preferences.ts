/**
 * What the widget remembers on this device: the visitor id (so a returning visitor gets the
 * conversation and any staff reply back) and the 适老化 preference. Storage can be unavailable
 * (private mode, sandboxed frames); the widget then simply forgets.
 */
const USER_KEY = 'daoban.user';
const ELDER_KEY = 'daoban.elder';

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

export function visitorIdentity(): { user: string; returning: boolean } {
  const existing = read(USER_KEY);
  if (existing) return { user: existing, returning: true };
  const user = `v-${crypto.randomUUID()}`;
  write(USER_KEY, user);
  return { user, returning: false };
}

export const elderModePreferred = (): boolean => read(ELDER_KEY) === '1';
export const rememberElderMode = (on: boolean): void => write(ELDER_KEY, on ? '1' : null);
