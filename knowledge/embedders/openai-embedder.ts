/**
 * Embedder backed by any OpenAI-compatible `/v1/embeddings` endpoint (vLLM, Ollama, Xinference, a
 * cloud API). Dimensions are learnt from one probe request when not configured, because the index
 * must know them before the first batch. Retries are left to `embedMany` (the client's own are off).
 */
import OpenAI from 'openai';
import type { Embedder } from '../contracts.ts';
import { EmbedderConfigError } from '../errors/embedder-config-error.ts';
import { EmbedderOutputError } from '../errors/embedder-output-error.ts';

export interface OpenAIEmbedderOptions {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:8000/v1`. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Known vector length; when omitted, `createOpenAIEmbedder` asks the endpoint once. */
  dimensions?: number;
  maxBatchSize?: number;
  timeoutMs?: number;
}

export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly maxBatchSize: number;
  private readonly client: OpenAI;
  private readonly model: string;

  constructor(options: OpenAIEmbedderOptions & { dimensions: number }) {
    this.client = new OpenAI({
      baseURL: options.baseUrl,
      // Local servers usually ignore the key, but the client refuses to start without one.
      apiKey: options.apiKey ?? 'not-needed',
      maxRetries: 0,
      timeout: options.timeoutMs ?? 60_000,
    });
    this.model = options.model;
    this.dimensions = options.dimensions;
    this.maxBatchSize = options.maxBatchSize ?? 64;
    this.id = `openai-compatible:${options.model}`;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    return request(this.client, this.model, this.id, texts);
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await request(this.client, this.model, this.id, [text]);
    return vector;
  }
}

async function request(client: OpenAI, model: string, id: string, texts: string[]): Promise<number[][]> {
  // `float` explicitly: the client would otherwise ask for base64, which many local servers lack.
  const response = await client.embeddings.create({ model, input: texts, encoding_format: 'float' });
  const vectors = new Array<number[]>(texts.length);
  for (const entry of response.data ?? []) {
    if (typeof entry.index !== 'number' || entry.index < 0 || entry.index >= texts.length) {
      throw new EmbedderOutputError(id, `response has an entry with index ${String(entry.index)}`);
    }
    vectors[entry.index] = entry.embedding;
  }
  if (vectors.some((vector) => !Array.isArray(vector)) || (response.data ?? []).length !== texts.length) {
    throw new EmbedderOutputError(
      id,
      `expected ${texts.length} embeddings, got ${(response.data ?? []).length}`,
    );
  }
  return vectors;
}

/** Creates the embedder, asking the endpoint for one vector when `dimensions` is not given. */
export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<OpenAIEmbedder> {
  if (!options.baseUrl) {
    throw new EmbedderConfigError('The OpenAI-compatible embedder needs OPENAI_BASE_URL.');
  }
  if (!options.model) {
    throw new EmbedderConfigError(
      'The OpenAI-compatible embedder needs EMBEDDING_MODEL (the model name to request).',
    );
  }
  if (options.dimensions) return new OpenAIEmbedder({ ...options, dimensions: options.dimensions });
  const probe = new OpenAIEmbedder({ ...options, dimensions: 0 });
  const vector = await probe.embedQuery('维度探测');
  if (!Array.isArray(vector) || vector.length === 0) {
    throw new EmbedderOutputError(probe.id, 'the probe request returned an empty vector');
  }
  return new OpenAIEmbedder({ ...options, dimensions: vector.length });
}
