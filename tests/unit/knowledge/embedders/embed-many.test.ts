import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../../../knowledge/contracts.ts';
import { embedMany, isTransientEmbeddingError } from '../../../../knowledge/embedders/embed-many.ts';

/** A scripted backend: vector = [text length, batch number]; failures injected per call. */
class ScriptedEmbedder implements Embedder {
  readonly id = 'scripted@1';
  readonly dimensions = 2;
  calls: string[][] = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(
    readonly maxBatchSize: number,
    private readonly failures: Array<unknown> = [],
    private readonly output?: (texts: string[]) => number[][],
  ) {}

  async embedDocuments(texts: string[]): Promise<number[][]> {
    this.calls.push(texts);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    // Yield so that concurrent batches really overlap.
    await new Promise((resolve) => setImmediate(resolve));
    this.inFlight -= 1;
    const failure = this.failures.shift();
    if (failure) throw failure;
    return this.output ? this.output(texts) : texts.map((text) => [text.length, this.calls.length]);
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.embedDocuments([text]))[0];
  }
}

const noSleep = async () => undefined;
const texts = Array.from({ length: 10 }, (_, index) => 'x'.repeat(index + 1));

describe('embedMany', () => {
  it('splits into batches of maxBatchSize and returns vectors in input order', async () => {
    const embedder = new ScriptedEmbedder(3);
    const progress: number[] = [];
    const vectors = await embedMany(embedder, texts, {
      concurrency: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(embedder.calls.map((batch) => batch.length)).toEqual([3, 3, 3, 1]);
    expect(vectors.map((vector) => vector[0])).toEqual(texts.map((text) => text.length));
    expect(progress.at(-1)).toBe(10);
  });

  it('keeps at most `concurrency` batches in flight', async () => {
    const embedder = new ScriptedEmbedder(1);
    await embedMany(embedder, texts, { concurrency: 3 });
    expect(embedder.calls).toHaveLength(10);
    expect(embedder.maxInFlight).toBe(3);
  });

  it('retries transient failures with growing backoff, then succeeds', async () => {
    const rateLimited = Object.assign(new Error('too many requests'), { status: 429 });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const embedder = new ScriptedEmbedder(10, [rateLimited, reset]);
    const delays: number[] = [];
    const vectors = await embedMany(embedder, texts, {
      initialDelayMs: 100,
      sleep: async (milliseconds) => void delays.push(milliseconds),
    });
    expect(vectors).toHaveLength(10);
    expect(embedder.calls).toHaveLength(3);
    expect(delays).toEqual([100, 200]);
  });

  it('gives up after the retry bound with a typed error naming the embedder', async () => {
    const overloaded = () => Object.assign(new Error('overloaded'), { status: 503 });
    const embedder = new ScriptedEmbedder(10, [overloaded(), overloaded(), overloaded()]);
    await expect(embedMany(embedder, texts, { maxRetries: 2, sleep: noSleep })).rejects.toMatchObject({
      code: 'EMBEDDER_REQUEST_FAILED',
      attempts: 3,
      embedderId: 'scripted@1',
    });
  });

  it('does not retry permanent failures such as a bad request', async () => {
    const badRequest = Object.assign(new Error('bad input'), { status: 400 });
    const embedder = new ScriptedEmbedder(10, [badRequest]);
    await expect(embedMany(embedder, texts, { sleep: noSleep })).rejects.toMatchObject({
      code: 'EMBEDDER_REQUEST_FAILED',
      attempts: 1,
    });
    expect(embedder.calls).toHaveLength(1);
  });

  it('rejects output of the wrong shape', async () => {
    const short = new ScriptedEmbedder(10, [], (batch) => batch.slice(1).map(() => [1, 2]));
    await expect(embedMany(short, texts)).rejects.toMatchObject({ code: 'EMBEDDER_BAD_OUTPUT' });
    const wide = new ScriptedEmbedder(10, [], (batch) => batch.map(() => [1, 2, 3]));
    await expect(embedMany(wide, texts)).rejects.toMatchObject({ code: 'EMBEDDER_BAD_OUTPUT' });
    const notANumber = new ScriptedEmbedder(10, [], (batch) => batch.map(() => [1, Number.NaN]));
    await expect(embedMany(notANumber, texts)).rejects.toMatchObject({ code: 'EMBEDDER_BAD_OUTPUT' });
  });

  it('returns nothing for no texts without calling the backend', async () => {
    const embedder = new ScriptedEmbedder(4);
    expect(await embedMany(embedder, [])).toEqual([]);
    expect(embedder.calls).toHaveLength(0);
  });

  it('classifies failures', () => {
    expect(isTransientEmbeddingError({ status: 502 })).toBe(true);
    expect(isTransientEmbeddingError({ name: 'APIConnectionError' })).toBe(true);
    expect(isTransientEmbeddingError(new Error('wrapped', { cause: { code: 'ETIMEDOUT' } }))).toBe(true);
    expect(isTransientEmbeddingError({ status: 401 })).toBe(false);
    expect(isTransientEmbeddingError('boom')).toBe(false);
  });
});
