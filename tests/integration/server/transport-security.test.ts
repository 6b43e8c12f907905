/**
 * The staff cookie and HSTS behind HTTPS (issue 9, finding 8): with TRUST_PROXY set (HTTPS ends at
 * the proxy) the cookie is `Secure` without COOKIE_SECURE, and HSTS=on sends
 * Strict-Transport-Security; by default neither.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../config/settings.ts';
import { ADMIN, removeTemporaryFolders, startHarness, type Harness } from '../../helpers/server-harness.ts';

const running: Harness[] = [];
afterAll(async () => {
  for (const harness of running) await harness.stop();
  removeTemporaryFolders();
});

async function login(harness: Harness): Promise<Response> {
  return fetch(`${harness.url}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
}

describe('cookie and transport security', () => {
  it('sends neither Secure nor HSTS by default', async () => {
    const harness = await startHarness({ settings: { server: loadSettings({}).server } });
    running.push(harness);
    const response = await login(harness);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).not.toMatch(/Secure/);
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect((await fetch(`${harness.url}/`)).headers.get('strict-transport-security')).toBeNull();
  });

  it('marks the cookie Secure behind a trusted proxy and sends HSTS when switched on', async () => {
    const server = loadSettings({ TRUST_PROXY: 'loopback', HSTS: 'on' }).server;
    const harness = await startHarness({
      settings: { server: { ...server, staticDir: loadSettings({}).server.staticDir } },
    });
    running.push(harness);
    const response = await login(harness);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=15552000');
    expect((await fetch(`${harness.url}/healthz`)).headers.get('strict-transport-security')).toBe(
      'max-age=15552000',
    );
  });
});
