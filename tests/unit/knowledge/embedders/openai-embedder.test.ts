import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../../../knowledge/embedders/create-embedder.ts';
import { embedMany } from '../../../../knowledge/embedders/embed-many.ts';
import { createOpenAIEmbedder } from '../../../../knowledge/embedders/openai-embedder.ts';

/** A fake OpenAI-compatible embeddings server: vector = [characters, code of first char, 1]. */
interface Received {
  path: string;
  authorization?: string;
  body: { model: string; input: string[]; encoding_format?: string };
}

let server: Server;
let baseUrl: string;
const received: Received[] = [];
let failNext = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      const body = JSON.parse(raw) as Received['body'];
      received.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
      if (failNext > 0) {
        failNext -= 1;
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'busy', type: 'server_error' } }));
        return;
      }
      const inputs = Array.isArray(body.input) ? body.input : [body.input];
      // Entries deliberately out of order: clients must place them by `index`.
      const data = inputs
        .map((text, index) => ({
          object: 'embedding',
          index,
          embedding: [text.length, text.codePointAt(0) ?? 0, 1],
        }))
        .reverse();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          object: 'list',
          data,
          model: body.model,
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('OpenAIEmbedder', () => {
  it('learns its dimensions from the endpoint and embeds documents and queries in order', async () => {
    received.length = 0;
    const embedder = await createOpenAIEmbedder({ baseUrl, model: 'bge-m3', apiKey: 'secret-key' });
    expect(embedder.dimensions).toBe(3);
    expect(embedder.id).toBe('openai-compatible:bge-m3');
    const vectors = await embedder.embedDocuments(['社保卡', '结婚登记']);
    expect(vectors).toEqual([
      [3, '社'.codePointAt(0), 1],
      [4, '结'.codePointAt(0), 1],
    ]);
    expect(await embedder.embedQuery('护照')).toEqual([2, '护'.codePointAt(0), 1]);
    const last = received.at(-1)!;
    expect(last.path).toBe('/v1/embeddings');
    expect(last.authorization).toBe('Bearer secret-key');
    expect(last.body).toMatchObject({ model: 'bge-m3', input: ['护照'], encoding_format: 'float' });
  });

  it('is chosen by createEmbedder from settings, and recovers from a busy server through embedMany', async () => {
    const embedder = await createEmbedder({ kind: 'openai', baseUrl, model: 'm3e' });
    failNext = 1;
    const vectors = await embedMany(embedder, ['甲', '乙乙'], { initialDelayMs: 1 });
    expect(vectors.map((vector) => vector[0])).toEqual([1, 2]);
  });

  it('refuses settings without a model name', async () => {
    await expect(createEmbedder({ kind: 'openai', baseUrl })).rejects.toMatchObject({
      code: 'EMBEDDER_CONFIG_INVALID',
    });
  });
});
