import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../../bot/auth/password-hash.ts';
import { createStaffAccounts } from '../../../../bot/auth/staff-accounts.ts';
import { verifyCsrfToken } from '../../../../bot/auth/csrf.ts';
import { hasRole } from '../../../../bot/auth/roles.ts';
import { openSqliteStore } from '../../../../bot/store/sqlite-store.ts';

describe('passwords', () => {
  it('hashes with scrypt and a salt, and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterz', first)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});

describe('staff accounts', () => {
  it('creates the first admin once, logs in, and expires sessions', async () => {
    const now = { value: new Date('2026-01-05T01:00:00Z') };
    const store = openSqliteStore({ dataDir: ':memory:' });
    const accounts = createStaffAccounts({ store, sessionHours: 8, clock: () => now.value });
    expect(await accounts.ensureFirstAdmin({ username: 'admin', password: 'first-hall-key-9' })).toBe(true);
    expect(await accounts.ensureFirstAdmin({ username: 'admin2', password: 'first-hall-key-9' })).toBe(false);
    await expect(accounts.login('admin', 'wrong-password')).rejects.toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
    });
    await expect(accounts.login('nobody', 'first-hall-key-9')).rejects.toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
    });
    const { token, session } = await accounts.login('admin', 'first-hall-key-9');
    expect(accounts.authenticate(token)?.user).toEqual({
      username: 'admin',
      role: 'admin',
      department: undefined,
    });
    expect(() => verifyCsrfToken(session.csrfToken, session.csrfToken)).not.toThrow();
    expect(() => verifyCsrfToken(session.csrfToken, undefined)).toThrow(
      expect.objectContaining({ code: 'CSRF_INVALID' }),
    );
    now.value = new Date('2026-01-05T09:00:01Z');
    expect(accounts.authenticate(token)).toBeUndefined();
    await expect(
      accounts.createUser({ username: 'a', password: 'long-enough-pass', role: 'staff' }, 'admin'),
    ).rejects.toMatchObject({ code: 'USER_INVALID' });
    expect(hasRole('staff', 'admin')).toBe(false);
    expect(hasRole('admin', 'staff')).toBe(true);
  });
});
