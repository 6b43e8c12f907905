/**
 * `npm start`: starts the server from the environment's settings, logs the URL, and shuts down
 * gracefully on SIGINT/SIGTERM (a second signal exits at once).
 */
import { startServer } from './start.ts';

const running = await startServer().catch((error: unknown) => {
  const coded = error as { code?: string; message?: string };
  process.stderr.write(
    `daoban could not start${coded.code ? ` (${coded.code})` : ''}: ${coded.message ?? String(error)}\n`,
  );
  process.exit(1);
});

let stopping = false;
const stop = (signal: string) => {
  if (stopping) process.exit(1);
  stopping = true;
  process.stderr.write(`${signal} received: finishing open turns and closing…\n`);
  running.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`shutdown failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
