/**
 * Staff accounts and sessions: creating users (the first admin from settings or the CLI), logging
 * in and out, and resolving a session cookie to its user. Session tokens are random and stored only
 * as SHA-256 hashes, so a copy of the database does not let anyone log in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role, Store, UserRecord } from '../store/store.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password-hash.ts';
import { createCsrfToken } from './csrf.ts';
import { AuthError } from './errors/auth-error.ts';
import { UserInputError } from './errors/user-input-error.ts';
import { ROLES } from './roles.ts';

export interface StaffUser {
  username: string;
  role: Role;
  department?: string;
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
export const MIN_PASSWORD_LENGTH = 10;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const publicUser = (user: UserRecord): StaffUser => ({
  username: user.username,
  role: user.role,
  department: user.department,
});

export function createStaffAccounts(options: StaffAccountsOptions) {
  const { store } = options;
  const clock = options.clock ?? (() => new Date());

  return {
    async createUser(input: NewUserInput, actor: string): Promise<StaffUser> {
      if (!USERNAME.test(input.username)) {
        throw new UserInputError('Invalid username.', '用户名须为 3–32 位字母、数字、下划线、点或连字符。');
      }
      if (!ROLES.includes(input.role)) {
        throw new UserInputError('Invalid role.', '角色只能是 staff 或 admin。');
      }
      if (input.password.length < MIN_PASSWORD_LENGTH) {
        throw new UserInputError('Password too short.', `密码至少 ${MIN_PASSWORD_LENGTH} 位。`);
      }
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
      if (!user) return undefined;
      return { user: publicUser(user), csrfToken: session.csrfToken, tokenHash };
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
