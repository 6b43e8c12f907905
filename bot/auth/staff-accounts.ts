/**
 * Staff accounts and sessions: creating users (the first admin from settings or the CLI), logging
 * in and out, resolving a session cookie to its user, and the administrator's account actions —
 * disable and enable, reset a password, revoke every session — each in the audit log. A disabled
 * account cannot log in and its sessions end at once (they are deleted, and checked on every request). Session tokens are random and stored only
 * as SHA-256 hashes, so a copy of the database does not let anyone log in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role, Store, UserRecord } from '../store/store.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password-hash.ts';
import { createCsrfToken } from './csrf.ts';
import { AuthError } from './errors/auth-error.ts';
import { UserInputError } from './errors/user-input-error.ts';
import { UserNotFoundError } from './errors/user-not-found-error.ts';
import { ROLES } from './roles.ts';
import { assertPasswordAllowed } from './password-policy.ts';

export { MIN_PASSWORD_LENGTH } from './password-policy.ts';

export interface StaffUser {
  username: string;
  role: Role;
  department?: string;
  disabledAt?: string;
}

export interface StaffSession {
  user: StaffUser;
  csrfToken: string;
  tokenHash: string;
}

export interface StaffAccountsOptions {
  store: Store;
  sessionHours: number;
  clock?: () => Date;
}

export interface NewUserInput {
  username: string;
  password: string;
  role: Role;
  department?: string;
}

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const publicUser = (user: UserRecord): StaffUser => ({
  username: user.username,
  role: user.role,
  department: user.department,
  ...(user.disabledAt ? { disabledAt: user.disabledAt } : {}),
});

export function createStaffAccounts(options: StaffAccountsOptions) {
  const { store } = options;
  const clock = options.clock ?? (() => new Date());
  const existingUser = (username: string): UserRecord => {
    const user = store.getUser(username);
    if (!user) throw new UserNotFoundError(username);
    return user;
  };
  const activeAdmins = () =>
    store.listUsers().filter((user) => user.role === 'admin' && !user.disabledAt).length;

  return {
    async createUser(input: NewUserInput, actor: string): Promise<StaffUser> {
      if (!USERNAME.test(input.username)) {
        throw new UserInputError('Invalid username.', '用户名须为 3–32 位字母、数字、下划线、点或连字符。');
      }
      if (!ROLES.includes(input.role)) {
        throw new UserInputError('Invalid role.', '角色只能是 staff 或 admin。');
      }
      assertPasswordAllowed(input.password, input.username);
      if (store.getUser(input.username)) throw new UserInputError('Username taken.', '该用户名已存在。');
      const passwordHash = await hashPassword(input.password);
      const at = clock().toISOString();
      store.transaction(() => {
        store.insertUser({
          username: input.username,
          passwordHash,
          role: input.role,
          department: input.department,
          createdAt: at,
        });
        store.appendAudit({
          at,
          actor,
          action: 'user.create',
          target: input.username,
          detail: { role: input.role, department: input.department },
        });
      });
      return { username: input.username, role: input.role, department: input.department };
    },

    /** Creates the first admin from settings when no admin exists yet; returns whether it did. */
    async ensureFirstAdmin(admin: { username: string; password: string } | undefined): Promise<boolean> {
      if (!admin || store.countUsers('admin') > 0) return false;
      await this.createUser({ ...admin, role: 'admin' }, 'system');
      return true;
    },

    async login(username: string, password: string): Promise<{ token: string; session: StaffSession }> {
      const user = store.getUser(username);
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      const at = clock();
      if (!user || !ok) {
        store.appendAudit({
          at: at.toISOString(),
          actor: username.slice(0, 64),
          action: 'staff.login-failed',
        });
        throw new AuthError('AUTH_INVALID_CREDENTIALS', 'Wrong username or password.');
      }
      // Told only to someone who knows the password: the account exists but is switched off.
      if (user.disabledAt) {
        store.appendAudit({ at: at.toISOString(), actor: user.username, action: 'staff.login-disabled' });
        throw new AuthError('ACCOUNT_DISABLED', 'Account disabled.');
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = createCsrfToken();
      const tokenHash = hashToken(token);
      store.transaction(() => {
        store.deleteExpiredStaffSessions(at.toISOString());
        store.insertStaffSession({
          tokenHash,
          username: user.username,
          csrfToken,
          createdAt: at.toISOString(),
          expiresAt: new Date(at.getTime() + options.sessionHours * 3600_000).toISOString(),
        });
        store.appendAudit({ at: at.toISOString(), actor: user.username, action: 'staff.login' });
      });
      return { token, session: { user: publicUser(user), csrfToken, tokenHash } };
    },

    /** The session behind a cookie token, or undefined when it is unknown or expired. */
    authenticate(token: string | undefined): StaffSession | undefined {
      if (!token) return undefined;
      const tokenHash = hashToken(token);
      const session = store.getStaffSession(tokenHash);
      if (!session || session.expiresAt <= clock().toISOString()) return undefined;
      const user = store.getUser(session.username);
      if (!user || user.disabledAt) return undefined;
      return { user: publicUser(user), csrfToken: session.csrfToken, tokenHash };
    },

    /** Disables an account and ends its sessions; an admin cannot disable themselves or the last admin. */
    disableUser(username: string, actor: string): StaffUser {
      const user = existingUser(username);
      if (username === actor) {
        throw new UserInputError('Cannot disable oneself.', '不能停用自己正在使用的账号。');
      }
      if (user.role === 'admin' && !user.disabledAt && activeAdmins() <= 1) {
        throw new UserInputError('Last admin.', '这是唯一启用中的管理员账号，不能停用。');
      }
      const at = clock().toISOString();
      store.transaction(() => {
        store.setUserDisabled(username, at);
        const sessions = store.deleteStaffSessionsOf(username);
        store.appendAudit({ at, actor, action: 'user.disable', target: username, detail: { sessions } });
      });
      return publicUser({ ...user, disabledAt: at });
    },

    enableUser(username: string, actor: string): StaffUser {
      const user = existingUser(username);
      const at = clock().toISOString();
      store.transaction(() => {
        store.setUserDisabled(username, undefined);
        store.appendAudit({ at, actor, action: 'user.enable', target: username });
      });
      return publicUser({ ...user, disabledAt: undefined });
    },

    /** Sets a new password (same rules as a new account) and ends the user's sessions. */
    async resetPassword(username: string, password: string, actor: string): Promise<StaffUser> {
      const user = existingUser(username);
      assertPasswordAllowed(password, username);
      const passwordHash = await hashPassword(password);
      const at = clock().toISOString();
      store.transaction(() => {
        store.setUserPassword(username, passwordHash);
        const sessions = store.deleteStaffSessionsOf(username);
        store.appendAudit({
          at,
          actor,
          action: 'user.password-reset',
          target: username,
          detail: { sessions },
        });
      });
      return publicUser(user);
    },

    /** Ends every session of a user (a lost laptop, a shared password); returns how many ended. */
    revokeSessions(username: string, actor: string): number {
      existingUser(username);
      const at = clock().toISOString();
      return store.transaction(() => {
        const sessions = store.deleteStaffSessionsOf(username);
        store.appendAudit({
          at,
          actor,
          action: 'user.sessions-revoked',
          target: username,
          detail: { sessions },
        });
        return sessions;
      });
    },

    logout(session: StaffSession): void {
      store.transaction(() => {
        store.deleteStaffSession(session.tokenHash);
        store.appendAudit({
          at: clock().toISOString(),
          actor: session.user.username,
          action: 'staff.logout',
        });
      });
    },
  };
}

export type StaffAccounts = ReturnType<typeof createStaffAccounts>;
