import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../../config/settings.ts';
import { defaultCookieSecure } from '../../../config/cookie-secure.ts';

describe('COOKIE_SECURE, HSTS and the store limits', () => {
  it('marks the cookie Secure by default behind a trusted proxy, unless COOKIE_SECURE says otherwise', () => {
    expect(loadSettings({}).server.cookieSecure).toBe(false);
    expect(loadSettings({ TRUST_PROXY: '127.0.0.1' }).server.cookieSecure).toBe(true);
    expect(loadSettings({ TRUST_PROXY: '1' }).server.cookieSecure).toBe(true);
    expect(loadSettings({ TRUST_PROXY: '1', COOKIE_SECURE: 'false' }).server.cookieSecure).toBe(false);
    expect(loadSettings({ COOKIE_SECURE: 'on' }).server.cookieSecure).toBe(true);
    expect(() => loadSettings({ COOKIE_SECURE: 'maybe' })).toThrow(/COOKIE_SECURE/);
  });

  it('reads every parsed form of TRUST_PROXY: off, hop count, address list', () => {
    expect(defaultCookieSecure(false)).toBe(false);
    expect(defaultCookieSecure(1)).toBe(true);
    expect(defaultCookieSecure(0)).toBe(false);
    expect(defaultCookieSecure(['10.0.0.1', '10.0.0.2'])).toBe(true);
    expect(defaultCookieSecure(['loopback'])).toBe(true);
    expect(defaultCookieSecure([])).toBe(false);
  });

  it('has HSTS off by default, with a max-age when on', () => {
    expect(loadSettings({}).server).toMatchObject({ hsts: false, hstsMaxAgeSeconds: 15_552_000 });
    expect(loadSettings({ HSTS: 'true', HSTS_MAX_AGE: '600' }).server).toMatchObject({
      hsts: true,
      hstsMaxAgeSeconds: 600,
    });
    expect(() => loadSettings({ HSTS_MAX_AGE: '0' })).toThrow(/HSTS_MAX_AGE/);
  });

  it('has a short, explicit busy timeout and lock wait', () => {
    expect(loadSettings({}).store).toMatchObject({
      busyTimeoutMs: 50,
      lockWaitMs: 10_000,
      maxSizeMb: 0,
      minFreeMb: 64,
    });
    expect(loadSettings({ DB_BUSY_TIMEOUT_MS: '5', DB_LOCK_WAIT_MS: '200' }).store).toMatchObject({
      busyTimeoutMs: 5,
      lockWaitMs: 200,
    });
    expect(() => loadSettings({ DB_BUSY_TIMEOUT_MS: 'soon' })).toThrow(/DB_BUSY_TIMEOUT_MS/);
  });
});
