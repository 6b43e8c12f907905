/** Staff roles: `staff` handles cases; `admin` also manages users and reads the audit log. */
import type { Role } from '../store/store.ts';
import { AuthError } from './errors/auth-error.ts';

export const ROLES: readonly Role[] = ['staff', 'admin'];

const RANK: Record<Role, number> = { staff: 1, admin: 2 };

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export function requireRole(actual: Role, required: Role): void {
  if (!hasRole(actual, required)) {
    throw new AuthError('FORBIDDEN', `Role ${actual} cannot do ${required} actions.`);
  }
}
