/**
 * The speech engine's thread. text2wav (eSpeak NG compiled to WebAssembly) synthesises on the
 * thread that calls it and holds it for 100–400 ms a sentence, so it runs here, off the server's
 * event loop. Each call instantiates the engine afresh and registers process-wide handlers
 * (uncaughtException, unhandledRejection → abort); those are removed after every call so they
 * neither pile up nor outlive it. Without `fetch` the engine reads its WebAssembly file directly
 * instead of trying (and loudly failing) to fetch it, and its console output stays here.
 * Messages: in `{ id, text, voice }`, out `{ id, wav }` (transferred) or `{ id, error }`.
 */
import { createRequire } from 'node:module';
import process from 'node:process';
import { parentPort } from 'node:worker_threads';

globalThis.fetch = undefined;
for (const method of ['log', 'info', 'warn', 'error', 'debug']) globalThis.console[method] = () => {};

const require = createRequire(import.meta.url);
const text2wav = require('text2wav');

const HANDLED_EVENTS = ['uncaughtException', 'unhandledRejection', 'exit'];
// The first synthesis of a thread is the slowest (files read, code compiled): done before any
// visitor's sentence, its audio thrown away.
let queue = Promise.resolve()
  .then(() => synthesise('您好。', 'cmn'))
  .catch(() => undefined);

async function synthesise(text, voice) {
  const before = new Map(HANDLED_EVENTS.map((event) => [event, process.listeners(event)]));
  try {
    // A leading dash would be read as a command-line option of the engine.
    return await text2wav(text.replace(/^[\s-]+/, ''), { voice });
  } finally {
    for (const event of HANDLED_EVENTS) {
      for (const listener of process.listeners(event)) {
        if (!before.get(event).includes(listener)) process.removeListener(event, listener);
      }
    }
  }
}

parentPort.on('message', (message) => {
  queue = queue.then(async () => {
    try {
      const wav = await synthesise(String(message.text), String(message.voice));
      const copy = wav.slice();
      parentPort.postMessage({ id: message.id, wav: copy }, [copy.buffer]);
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: String(error?.message ?? error) });
    }
  });
});
