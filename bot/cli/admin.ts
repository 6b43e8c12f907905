/**
 * Staff accounts from the command line, on the data folder's database (actor `cli` in the audit log):
 *   npm run admin -- create-user --username <name> --role staff|admin [--department <dept>]
 *   npm run admin -- reset-password --username <name>
 *   npm run admin -- disable-user --username <name>     (also ends the user's sessions)
 *   npm run admin -- enable-user --username <name>
 *   npm run admin -- revoke-sessions --username <name>
 * Passwords are read from stdin (first line), so they never appear in the shell history or the
 * process list:
 *   printf '%s\n' "$PASSWORD" | npm run admin -- create-user --username li.ming --role admin
 */
import { parseArgs } from 'node:util';
import { loadSettings } from '../../config/settings.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { createStaffAccounts, type StaffAccounts } from '../auth/staff-accounts.ts';
import type { Role } from '../store/store.ts';

const ACTOR = 'cli';
const USAGE = `usage: npm run admin -- <command> --username <name>
  create-user --username <name> --role staff|admin [--department <dept>]   (password on stdin)
  reset-password --username <name>                                          (password on stdin)
  disable-user --username <name>
  enable-user --username <name>
  revoke-sessions --username <name>
`;

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is visible; prefer piping it): ');
  let data = '';
  for await (const chunk of process.stdin) {
    data += String(chunk);
    if (data.includes('\n')) break;
  }
  return data.split(/\r?\n/)[0];
}

type Values = { username: string; role: string; department?: string };

const COMMANDS: Record<string, (accounts: StaffAccounts, values: Values) => Promise<string>> = {
  'create-user': async (accounts, values) => {
    const user = await accounts.createUser(
      {
        username: values.username,
        password: await readPassword(),
        role: values.role as Role,
        department: values.department,
      },
      ACTOR,
    );
    return `created ${user.role} ${user.username}`;
  },
  'reset-password': async (accounts, values) => {
    const user = await accounts.resetPassword(values.username, await readPassword(), ACTOR);
    return `password of ${user.username} reset; their sessions ended`;
  },
  'disable-user': async (accounts, values) => {
    accounts.disableUser(values.username, ACTOR);
    return `disabled ${values.username}; their sessions ended`;
  },
  'enable-user': async (accounts, values) => {
    accounts.enableUser(values.username, ACTOR);
    return `enabled ${values.username}`;
  },
  'revoke-sessions': async (accounts, values) => {
    const count = accounts.revokeSessions(values.username, ACTOR);
    return `ended ${count} session(s) of ${values.username}`;
  },
};

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      role: { type: 'string', default: 'staff' },
      department: { type: 'string' },
    },
  });
  const command = COMMANDS[positionals[0] ?? ''];
  if (!command || !values.username) {
    process.stderr.write(USAGE);
    return 2;
  }
  const settings = loadSettings();
  // A command line may wait for the running server's short transactions; only the server must not block.
  const store = openSqliteStore({
    dataDir: settings.dataDir,
    ...settings.store,
    busyTimeoutMs: Math.max(settings.store.busyTimeoutMs, 5000),
  });
  try {
    const accounts = createStaffAccounts({ store, sessionHours: settings.server.staffSessionHours });
    const done = await command(accounts, { ...values, username: values.username });
    process.stdout.write(`${done} in ${settings.dataDir}\n`);
    return 0;
  } catch (error) {
    const coded = error as { code?: string; userMessage?: string; message?: string };
    process.stderr.write(`${coded.code ?? 'ERROR'}: ${coded.userMessage ?? coded.message}\n`);
    return 1;
  } finally {
    store.close();
  }
}

process.exitCode = await main();
