/**
 * The OCR worker: a child process of the service that loads the PP-OCR models once
 * (@gutenye/ocr-node, onnxruntime), then reads one upload per message and sends the reading back.
 * Started by ocr-document-reader.ts; the service's own process never runs recognition.
 *
 * A process, not a worker thread: onnxruntime-node 1.21 keeps one process-wide reference to its
 * tensor constructor, so a second thread running inference in the same process (a second OCR
 * worker, a replacement for a stopped one, or the transformers embedder on the main thread) aborts
 * the whole process ("HandleScope … without proper locking"; microsoft/onnxruntime#24486). A process
 * can also be killed safely when a reading overruns its time limit.
 */
import { performance } from 'node:perf_hooks';
import type { LocalDate } from '../../calendar/local-date.ts';
import type { DocumentReading } from './document-reader.ts';
import { readDocumentFile, type ReadDocumentFile } from './read-document-file.ts';
import type { RecognisedLine, TextRecogniser } from './recognise-image.ts';

/** Passed as the process's one argument, in JSON. */
export interface OcrWorkerData {
  maxPages: number;
  /** onnxruntime threads per session (0: its default, one per core). */
  threads: number;
}

export type OcrWorkerRequest = { id: number; file: ReadDocumentFile; today?: LocalDate };

export type OcrWorkerMessage =
  /** Models loaded, then run once on a small image. */
  | { kind: 'ready'; modelLoadMs: number; warmUpMs: number }
  | { kind: 'failed-to-start'; message: string }
  | { kind: 'reading'; id: number; reading: DocumentReading }
  | { kind: 'error'; id: number; message: string };

const send = process.send?.bind(process);
if (!send) throw new Error('ocr-worker.ts runs only as a child process with an IPC channel');
const post = (message: OcrWorkerMessage) => send(message);
const data = JSON.parse(process.argv[2] ?? '{}') as OcrWorkerData;

async function loadRecogniser(): Promise<TextRecogniser> {
  const { default: Ocr } = await import('@gutenye/ocr-node');
  const onnxOptions = data.threads > 0 ? { intraOpNumThreads: data.threads, interOpNumThreads: 1 } : {};
  const ocr = await Ocr.create({ onnxOptions });
  // The library's own type says a path; it hands the value to sharp, which takes a buffer as well.
  return { detect: (image) => ocr.detect(image as unknown as string) as Promise<RecognisedLine[]> };
}

/**
 * One small reading before the first upload: onnxruntime sizes its buffers on the first run of each
 * model, which would otherwise make the first citizen's upload the slowest.
 */
async function warmUp(recogniser: TextRecogniser): Promise<void> {
  const { default: sharp } = await import('sharp');
  const text = await sharp({
    text: { text: '<span font="Noto Sans CJK SC 20">预审 2026</span>', dpi: 150, rgba: true },
  })
    .png()
    .toBuffer();
  const image = await sharp({ create: { width: 480, height: 160, channels: 3, background: '#ffffff' } })
    .composite([{ input: text, left: 40, top: 40 }])
    .png()
    .toBuffer();
  await recogniser.detect(image);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

// The service gone (or closing the channel): nothing is left to read for.
process.on('disconnect', () => process.exit(0));

const started = performance.now();
const recogniser = loadRecogniser();
recogniser.catch(() => {});

process.on('message', (request: OcrWorkerRequest) => {
  recogniser
    .then((ready) => readDocumentFile(ready, request.file, { maxPages: data.maxPages, today: request.today }))
    .then(
      (reading) => post({ kind: 'reading', id: request.id, reading }),
      (error: unknown) => post({ kind: 'error', id: request.id, message: message(error) }),
    );
});

try {
  const ready = await recogniser;
  const loaded = performance.now();
  await warmUp(ready).catch(() => {});
  post({ kind: 'ready', modelLoadMs: loaded - started, warmUpMs: performance.now() - loaded });
} catch (error) {
  post({ kind: 'failed-to-start', message: message(error) });
}
