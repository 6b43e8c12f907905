/**
 * The OCR worker thread: loads the PP-OCR models once (@gutenye/ocr-node, onnxruntime), then reads
 * one upload per message and posts the reading back. Started by ocr-document-reader.ts; the main
 * thread never runs recognition itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { LocalDate } from '../../calendar/local-date.ts';
import type { DocumentReading } from './document-reader.ts';
import { readDocumentFile, type ReadDocumentFile } from './read-document-file.ts';
import type { RecognisedLine, TextRecogniser } from './recognise-image.ts';

export interface OcrWorkerData {
  maxPages: number;
  /** onnxruntime threads per session (0: its default, one per core). */
  threads: number;
}

export type OcrWorkerRequest = { id: number; file: ReadDocumentFile; today?: LocalDate };

export type OcrWorkerMessage =
  | { kind: 'ready'; modelLoadMs: number }
  | { kind: 'failed-to-start'; message: string }
  | { kind: 'reading'; id: number; reading: DocumentReading }
  | { kind: 'error'; id: number; message: string };

const port = parentPort;
if (!port) throw new Error('ocr-worker.ts runs only as a worker thread');
const data = workerData as OcrWorkerData;

async function loadRecogniser(): Promise<TextRecogniser> {
  const { default: Ocr } = await import('@gutenye/ocr-node');
  const onnxOptions = data.threads > 0 ? { intraOpNumThreads: data.threads, interOpNumThreads: 1 } : {};
  const ocr = await Ocr.create({ onnxOptions });
  // The library's own type says a path; it hands the value to sharp, which takes a buffer as well.
  return { detect: (image) => ocr.detect(image as unknown as string) as Promise<RecognisedLine[]> };
}

const post = (message: OcrWorkerMessage) => port.postMessage(message);

try {
  const started = performance.now();
  const recogniser = await loadRecogniser();
  port.on('message', (request: OcrWorkerRequest) => {
    readDocumentFile(recogniser, request.file, { maxPages: data.maxPages, today: request.today }).then(
      (reading) => post({ kind: 'reading', id: request.id, reading }),
      (error: unknown) =>
        post({
          kind: 'error',
          id: request.id,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  post({ kind: 'ready', modelLoadMs: performance.now() - started });
} catch (error) {
  post({ kind: 'failed-to-start', message: error instanceof Error ? error.message : String(error) });
}
