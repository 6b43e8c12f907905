/**
 * The offline speech engine behind a worker thread (`synthesis-worker.mjs`): text2wav blocks the
 * thread it runs on for 100–400 ms a sentence (measured: up to 200 ms without a tick of the event
 * loop), so the server hands it the sentences one by one and awaits the WAV. The thread starts on
 * first use; a synthesis that hangs past the timeout ends the thread, and the next one starts a
 * new one. Requests beyond `maxQueued` waiting sentences are refused at once.
 */
import { Worker } from 'node:worker_threads';
import { SpeechUnavailableError } from './errors/speech-unavailable-error.ts';

export interface Synthesizer {
  /** A RIFF WAV of `text` spoken in Mandarin. */
  synthesize(text: string): Promise<Uint8Array>;
  /** Starts the engine ahead of the first sentence. */
  warm(): void;
  close(): Promise<void>;
}

export interface WorkerSynthesizerOptions {
  voice?: string;
  timeoutMs?: number;
  maxQueued?: number;
}

interface Pending {
  resolve(wav: Uint8Array): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

type WorkerReply = { id: number; wav?: Uint8Array; error?: string };

const WORKER_FILE = new URL('./synthesis-worker.mjs', import.meta.url);

export function createWorkerSynthesizer(options: WorkerSynthesizerOptions = {}): Synthesizer {
  const voice = options.voice ?? 'cmn';
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxQueued = options.maxQueued ?? 64;
  const pending = new Map<number, Pending>();
  let worker: Worker | undefined;
  let nextId = 1;

  const failAll = (error: Error) => {
    for (const [id, entry] of pending) {
      clearTimeout(entry.timer);
      entry.reject(error);
      pending.delete(id);
    }
  };

  const start = (): Worker => {
    if (worker) return worker;
    const started = new Worker(WORKER_FILE);
    started.unref();
    started.on('message', (reply: WorkerReply) => {
      const entry = pending.get(reply.id);
      if (!entry) return;
      pending.delete(reply.id);
      clearTimeout(entry.timer);
      if (reply.wav) entry.resolve(reply.wav);
      else entry.reject(new SpeechUnavailableError(`synthesis failed: ${reply.error ?? 'no audio'}`));
    });
    const lost = (reason: string) => {
      if (worker !== started) return;
      worker = undefined;
      failAll(new SpeechUnavailableError(reason));
    };
    started.on('error', (error) => lost(`speech engine failed: ${error.message}`));
    started.on('exit', (code) => lost(`speech engine stopped (exit ${code})`));
    worker = started;
    return started;
  };

  return {
    warm() {
      start();
    },
    synthesize(text) {
      if (pending.size >= maxQueued) {
        return Promise.reject(new SpeechUnavailableError('too many sentences waiting'));
      }
      const thread = start();
      const id = nextId;
      nextId += 1;
      return new Promise<Uint8Array>((resolve, reject) => {
        const timer = setTimeout(() => {
          // A hung engine takes its thread with it; sentences queued behind it fail too.
          if (worker === thread) worker = undefined;
          pending.delete(id);
          reject(new SpeechUnavailableError('synthesis timed out'));
          failAll(new SpeechUnavailableError('speech engine restarted'));
          void thread.terminate();
        }, timeoutMs);
        timer.unref();
        pending.set(id, { resolve, reject, timer });
        thread.postMessage({ id, text, voice });
      });
    },
    async close() {
      const running = worker;
      worker = undefined;
      failAll(new SpeechUnavailableError('speech engine closed'));
      if (running) await running.terminate();
    },
  };
}
