/**
 * The one place that calls an Embedder for many texts: splits the input into batches no larger than
 * the backend's `maxBatchSize`, runs a bounded number of batches at once, retries transient failures
 * (rate limits, 5xx, dropped connections) with exponential backoff, and checks what comes back.
 * Backends therefore stay simple: one request per call, no retry logic of their own.
 */
import type { Embedder } from '../contracts.ts';
import { EmbedderOutputError } from '../errors/embedder-output-error.ts';
import { EmbedderRequestError } from '../errors/embedder-request-error.ts';

export interface EmbedManyOptions {
  /** Batches in flight at once (default 2). */
  concurrency?: number;
  /** Retries per batch after the first attempt (default 3). */
  maxRetries?: number;
  /** First backoff delay; doubles on each retry (default 250 ms). */
  initialDelayMs?: number;
  /** Called after each batch with the number of texts embedded so far. */
  onProgress?: (done: number, total: number) => void;
  /** Replaceable for tests; defaults to a real timer. */
  sleep?: (milliseconds: number) => Promise<void>;
}

const TRANSIENT_STATUS = new Set([408, 409, 425, 429, 500, 502, 503, 504]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
const TRANSIENT_NAMES = new Set(['APIConnectionError', 'APIConnectionTimeoutError']);

/** Whether a failure is worth retrying: overload and network blips are, bad input and auth are not. */
export function isTransientEmbeddingError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as {
    retryable?: unknown;
    status?: unknown;
    code?: unknown;
    name?: unknown;
    cause?: unknown;
  };
  if (candidate.retryable === true) return true;
  if (typeof candidate.status === 'number' && TRANSIENT_STATUS.has(candidate.status)) return true;
  if (typeof candidate.code === 'string' && TRANSIENT_CODES.has(candidate.code)) return true;
  if (typeof candidate.name === 'string' && TRANSIENT_NAMES.has(candidate.name)) return true;
  return (
    candidate.cause !== undefined && candidate.cause !== error && isTransientEmbeddingError(candidate.cause)
  );
}

const defaultSleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/** Embeds `texts` as documents, in input order. */
export async function embedMany(
  embedder: Embedder,
  texts: string[],
  options: EmbedManyOptions = {},
): Promise<number[][]> {
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const maxRetries = Math.max(0, options.maxRetries ?? 3);
  const initialDelay = options.initialDelayMs ?? 250;
  const sleep = options.sleep ?? defaultSleep;
  const batchSize = Math.max(1, Math.floor(embedder.maxBatchSize) || 1);

  const batches: Array<{ start: number; texts: string[] }> = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    batches.push({ start, texts: texts.slice(start, start + batchSize) });
  }
  const results = new Array<number[]>(texts.length);
  let done = 0;
  let next = 0;

  const runBatch = async (batch: { start: number; texts: string[] }) => {
    for (let attempt = 1; ; attempt += 1) {
      let vectors: number[][];
      try {
        vectors = await embedder.embedDocuments(batch.texts);
      } catch (error) {
        if (attempt <= maxRetries && isTransientEmbeddingError(error)) {
          await sleep(initialDelay * 2 ** (attempt - 1));
          continue;
        }
        throw new EmbedderRequestError(embedder.id, attempt, error);
      }
      checkOutput(embedder, batch.texts.length, vectors);
      vectors.forEach((vector, offset) => (results[batch.start + offset] = vector));
      done += batch.texts.length;
      options.onProgress?.(done, texts.length);
      return;
    }
  };

  // A fixed pool of workers pulling the next batch keeps at most `concurrency` requests in flight.
  // After a failure the other workers stop taking batches instead of spending more requests.
  let failed = false;
  const worker = async () => {
    while (!failed && next < batches.length) {
      try {
        await runBatch(batches[next++]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  return results;
}

function checkOutput(embedder: Embedder, expected: number, vectors: unknown): asserts vectors is number[][] {
  if (!Array.isArray(vectors) || vectors.length !== expected) {
    const got = Array.isArray(vectors) ? vectors.length : typeof vectors;
    throw new EmbedderOutputError(embedder.id, `expected ${expected} vectors, got ${got}`);
  }
  for (const vector of vectors) {
    if (!Array.isArray(vector) || vector.length !== embedder.dimensions) {
      const length = Array.isArray(vector) ? vector.length : typeof vector;
      throw new EmbedderOutputError(embedder.id, `expected ${embedder.dimensions} dimensions, got ${length}`);
    }
    if (!vector.every((value) => typeof value === 'number' && Number.isFinite(value))) {
      throw new EmbedderOutputError(embedder.id, 'a vector contains a value that is not a finite number');
    }
  }
}
