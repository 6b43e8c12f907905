/**
 * Administering staff accounts over real HTTP and with `npm run admin` on the running server's
 * database (issue 9, finding 8): password rules with a message naming the rule, disable (the
 * user's open sessions stop working at once and login is refused), enable, reset a password,
 * revoke all sessions — admin only, and every action in the audit log.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, useHarness } from '../../helpers/server-harness.ts';
import { StaffClient } from '../../helpers/server-clients.ts';

// Many logins from one address: the login budget is raised for this file.
const harness = useHarness({ settings: { limits: { loginPerMinute: 1000 } } });
const root = path.resolve(import.meta.dirname, '../../..');

async function admin(): Promise<StaffClient> {
  const client = new StaffClient(harness.url);
  expect((await client.login(ADMIN.username, ADMIN.password)).status).toBe(200);
  return client;
}

async function createStaff(username: string, password: string): Promise<void> {
  const created = await (await admin()).post('/api/v1/admin/users', { username, password, role: 'staff' });
  expect(created.status).toBe(201);
}

async function loggedIn(username: string, password: string): Promise<StaffClient> {
  const client = new StaffClient(harness.url);
  expect((await client.login(username, password)).status).toBe(200);
  return client;
}

/**
 * Runs the CLI as its own process without blocking this one, which hosts the server (a blocked
 * event loop would let keep-alive connections go stale).
 */
function runAdminCli(
  args: string[],
  input = '',
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(root, 'bot/cli/admin.ts'), ...args],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: harness.dataDir, LOG_LEVEL: 'silent' },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

const auditActions = async (target: string) => {
  const entries = (
    await (
      await admin()
    ).get<{ entries: Array<{ action: string; target?: string; actor: string }> }>('/api/v1/staff/audit')
  ).body.entries;
  return entries.filter((entry) => entry.target === target).map((entry) => `${entry.actor}:${entry.action}`);
};

describe('password rules', () => {
  it.each([
    ['short-pw', '至少 10 位'],
    ['aaaaaaaaaa', '同一个字符'],
    ['1234567890', '连续顺序'],
    ['qwertyuiop', '连续顺序'],
    ['zhao.min-pass', '包含用户名'],
    ['password123', '过于常见'],
    ['iloveyou2024!', '过于常见'],
  ])('refuses %s with a message naming the rule', async (password, message) => {
    const response = await (
      await admin()
    ).post<{ error: { code: string; message: string } }>('/api/v1/admin/users', {
      username: 'zhao.min',
      password,
      role: 'staff',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('USER_INVALID');
    expect(response.body.error.message).toContain(message);
  });
});

describe('account actions', () => {
  it('disables a user: open sessions end at once, login is refused, enabling lets them back', async () => {
    await createStaff('li.na', 'window-seven-desk');
    const staff = await loggedIn('li.na', 'window-seven-desk');
    expect((await staff.get('/api/v1/staff/me')).status).toBe(200);

    const disabled = await (
      await admin()
    ).post<{ user: { disabledAt?: string } }>('/api/v1/admin/users/li.na/disable');
    expect(disabled.status).toBe(200);
    expect(disabled.body.user.disabledAt).toBeTruthy();
    expect((await staff.get('/api/v1/staff/me')).status).toBe(401);
    const refused = await new StaffClient(harness.url).login('li.na', 'window-seven-desk');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      error: { code: 'ACCOUNT_DISABLED', message: '该账号已停用，请联系管理员。' },
    });
    // A wrong password still says only that the credentials are wrong.
    expect((await new StaffClient(harness.url).login('li.na', 'not-the-right-one')).status).toBe(401);
    const users = (
      await (
        await admin()
      ).get<{ users: Array<{ username: string; disabledAt?: string }> }>('/api/v1/admin/users')
    ).body.users;
    expect(users.find((user) => user.username === 'li.na')?.disabledAt).toBeTruthy();

    expect((await (await admin()).post('/api/v1/admin/users/li.na/enable')).status).toBe(200);
    await loggedIn('li.na', 'window-seven-desk');
    expect(await auditActions('li.na')).toEqual(
      expect.arrayContaining(['admin:user.create', 'admin:user.disable', 'admin:user.enable']),
    );
  });

  it('resets a password: the old one and the old sessions stop working, weak ones are refused', async () => {
    await createStaff('sun.wei', 'counter-nine-key');
    const staff = await loggedIn('sun.wei', 'counter-nine-key');
    const administrator = await admin();
    const weak = await administrator.post('/api/v1/admin/users/sun.wei/reset-password', {
      password: '0987654321',
    });
    expect(weak.status).toBe(400);
    const reset = await administrator.post('/api/v1/admin/users/sun.wei/reset-password', {
      password: 'fresh-counter-key',
    });
    expect(reset.status).toBe(200);
    expect((await staff.get('/api/v1/staff/me')).status).toBe(401);
    expect((await new StaffClient(harness.url).login('sun.wei', 'counter-nine-key')).status).toBe(401);
    await loggedIn('sun.wei', 'fresh-counter-key');
    expect(await auditActions('sun.wei')).toContain('admin:user.password-reset');
  });

  it('revokes every session of a user', async () => {
    await createStaff('zhou.jie', 'lobby-desk-twelve');
    const first = await loggedIn('zhou.jie', 'lobby-desk-twelve');
    const second = await loggedIn('zhou.jie', 'lobby-desk-twelve');
    const revoked = await (await admin()).post('/api/v1/admin/users/zhou.jie/revoke-sessions');
    expect(revoked.body).toEqual({ revoked: 2 });
    expect((await first.get('/api/v1/staff/me')).status).toBe(401);
    expect((await second.get('/api/v1/staff/me')).status).toBe(401);
    await loggedIn('zhou.jie', 'lobby-desk-twelve');
    expect(await auditActions('zhou.jie')).toContain('admin:user.sessions-revoked');
  });

  it('is for admins only, with the CSRF token, and an admin cannot disable themselves', async () => {
    await createStaff('wu.fang', 'hall-window-five');
    const staff = await loggedIn('wu.fang', 'hall-window-five');
    expect((await staff.post('/api/v1/admin/users/wu.fang/revoke-sessions')).status).toBe(403);
    const administrator = await admin();
    expect(
      (await administrator.post('/api/v1/admin/users/wu.fang/disable', {}, { csrf: false })).status,
    ).toBe(403);
    const self = await administrator.post<{ error: { message: string } }>(
      '/api/v1/admin/users/admin/disable',
    );
    expect(self.status).toBe(400);
    expect(self.body.error.message).toContain('不能停用自己');
    expect((await administrator.post('/api/v1/admin/users/nobody.here/disable')).status).toBe(404);
  });
});

describe('npm run admin', () => {
  it('disables, enables, resets the password and revokes sessions on the running server', async () => {
    await createStaff('qian.lei', 'service-desk-three');
    const staff = await loggedIn('qian.lei', 'service-desk-three');

    const disable = await runAdminCli(['disable-user', '--username', 'qian.lei']);
    expect(disable.status, disable.stderr).toBe(0);
    expect((await staff.get('/api/v1/staff/me')).status).toBe(401);
    expect((await new StaffClient(harness.url).login('qian.lei', 'service-desk-three')).status).toBe(403);

    expect((await runAdminCli(['enable-user', '--username', 'qian.lei'])).status).toBe(0);
    const again = await loggedIn('qian.lei', 'service-desk-three');
    const revoke = await runAdminCli(['revoke-sessions', '--username', 'qian.lei']);
    expect(revoke.stdout).toContain('ended 1 session');
    expect((await again.get('/api/v1/staff/me')).status).toBe(401);

    const weak = await runAdminCli(['reset-password', '--username', 'qian.lei'], 'aaaaaaaaaa\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('同一个字符');
    expect(
      (await runAdminCli(['reset-password', '--username', 'qian.lei'], 'quiet-river-lamp\n')).status,
    ).toBe(0);
    await loggedIn('qian.lei', 'quiet-river-lamp');
    expect(await auditActions('qian.lei')).toEqual(
      expect.arrayContaining([
        'cli:user.disable',
        'cli:user.enable',
        'cli:user.sessions-revoked',
        'cli:user.password-reset',
      ]),
    );
    expect((await runAdminCli(['frobnicate-user', '--username', 'qian.lei'])).status).toBe(2);
  });
});
