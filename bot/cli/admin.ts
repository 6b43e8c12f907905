/**
 * `npm run admin -- create-user --username <name> --role staff|admin [--department <dept>]`
 * Creates a staff account in the data folder's database. The password is read from stdin (first
 * line), so it never appears in the shell history or the process list:
 *   printf '%s\n' "$PASSWORD" | npm run admin -- create-user --username li.ming --role admin
 */
import { parseArgs } from 'node:util';
import { loadSettings } from '../../config/settings.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { createStaffAccounts } from '../auth/staff-accounts.ts';
import type { Role } from '../store/store.ts';

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is visible; prefer piping it): ');
  let data = '';
  for await (const chunk of process.stdin) {
    data += String(chunk);
    if (data.includes('\n')) break;
  }
  return data.split(/\r?\n/)[0];
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      role: { type: 'string', default: 'staff' },
      department: { type: 'string' },
    },
  });
  if (positionals[0] !== 'create-user' || !values.username) {
    process.stderr.write(
      'usage: npm run admin -- create-user --username <name> --role staff|admin [--department <dept>] (password on stdin)\n',
    );
    return 2;
  }
  const settings = loadSettings();
  const store = openSqliteStore({ dataDir: settings.dataDir, synchronous: settings.store.synchronous });
  try {
    const accounts = createStaffAccounts({ store, sessionHours: settings.server.staffSessionHours });
    const password = await readPassword();
    const user = await accounts.createUser(
      { username: values.username, password, role: values.role as Role, department: values.department },
      'cli',
    );
    process.stdout.write(`created ${user.role} ${user.username} in ${settings.dataDir}\n`);
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
