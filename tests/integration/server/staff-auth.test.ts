/**
 * Staff API security over real HTTP: no session → 401, wrong password → 401, missing or wrong CSRF
 * token → 403, staff cannot do admin actions, HttpOnly SameSite cookie, logout ends the session.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, useHarness } from '../../helpers/server-harness.ts';
import { StaffClient, requestJson } from '../../helpers/server-clients.ts';

const harness = useHarness();

describe('staff authentication', () => {
  it('refuses staff routes without a session', async () => {
    expect((await requestJson(`${harness.url}/api/v1/staff/cases`)).status).toBe(401);
    expect((await requestJson(`${harness.url}/api/v1/staff/me`)).body).toMatchObject({
      error: { code: 'AUTH_REQUIRED' },
    });
    expect(
      (
        await requestJson(`${harness.url}/api/v1/admin/users`, {
          body: { username: 'x', password: 'y', role: 'admin' },
        })
      ).status,
    ).toBe(401);
  });

  it('refuses a wrong password and sets a hardened cookie on success', async () => {
    const wrong = new StaffClient(harness.url);
    expect((await wrong.login(ADMIN.username, 'not-the-password')).status).toBe(401);
    const response = await fetch(`${harness.url}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const body = (await response.json()) as { user: { role: string }; csrfToken: string };
    expect(body.user.role).toBe('admin');
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  it('requires the CSRF token on state-changing calls', async () => {
    const admin = new StaffClient(harness.url);
    await admin.login(ADMIN.username, ADMIN.password);
    const without = await admin.post(
      '/api/v1/staff/knowledge',
      { question: '测试问题', answer: '测试答案' },
      { csrf: false },
    );
    expect(without.status).toBe(403);
    expect(without.body).toMatchObject({ error: { code: 'CSRF_INVALID' } });
    admin.csrfToken = 'forged-token-forged-token-00';
    expect((await admin.post('/api/v1/staff/logout')).status).toBe(403);
    // Reads do not need it.
    expect((await admin.get('/api/v1/staff/me')).status).toBe(200);
  });

  it('lets an admin create staff, and keeps staff out of admin actions', async () => {
    const admin = new StaffClient(harness.url);
    await admin.login(ADMIN.username, ADMIN.password);
    const weak = await admin.post('/api/v1/admin/users', {
      username: 'wang.li',
      password: 'short',
      role: 'staff',
    });
    expect(weak.status).toBe(400);
    const created = await admin.post('/api/v1/admin/users', {
      username: 'wang.li',
      password: 'window-staff-pass',
      role: 'staff',
      department: '综合受理',
    });
    expect(created.status).toBe(201);

    const staff = new StaffClient(harness.url);
    expect((await staff.login('wang.li', 'window-staff-pass')).status).toBe(200);
    expect((await staff.get('/api/v1/staff/cases')).status).toBe(200);
    expect((await staff.get('/api/v1/staff/audit')).status).toBe(403);
    expect(
      (
        await staff.post('/api/v1/admin/users', {
          username: 'intruder',
          password: 'intruder-password',
          role: 'admin',
        })
      ).status,
    ).toBe(403);

    // Logging out ends the session for good.
    expect((await staff.post('/api/v1/staff/logout')).status).toBe(204);
    expect((await staff.get('/api/v1/staff/me')).status).toBe(401);

    const audit = await admin.get<{ entries: Array<{ action: string; actor: string }> }>(
      '/api/v1/staff/audit',
    );
    const actions = audit.body.entries.map((entry) => `${entry.actor}:${entry.action}`);
    expect(actions).toContain('admin:user.create');
    expect(actions).toContain('wang.li:staff.logout');
    expect(actions).toContain('admin:staff.login-failed');
  });
});
