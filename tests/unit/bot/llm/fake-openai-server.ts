/**
 * A stand-in for an OpenAI-compatible endpoint on 127.0.0.1, so the ChatModel is exercised through
 * real HTTP without any network. Each test says how the next requests are answered and reads back
 * what the client sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeBehaviour =
  | { kind: 'reply'; text: string | ((request: RecordedRequest) => string) }
  | { kind: 'status'; status: number }
  | { kind: 'hang' };

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    max_tokens?: number;
    temperature?: number;
  };
}

export interface FakeOpenAIServer {
  baseUrl: string;
  requests: RecordedRequest[];
  behave(behaviour: FakeBehaviour): void;
  close(): Promise<void>;
}

export async function startFakeOpenAIServer(): Promise<FakeOpenAIServer> {
  const requests: RecordedRequest[] = [];
  let behaviour: FakeBehaviour = { kind: 'status', status: 503 };

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        authorization: request.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'],
      };
      requests.push(recorded);
      if (behaviour.kind === 'hang') return;
      if (behaviour.kind === 'status') {
        // retry-after-ms keeps the client's one retry immediate.
        response.writeHead(behaviour.status, { 'content-type': 'application/json', 'retry-after-ms': '1' });
        response.end(JSON.stringify({ error: { message: 'fake failure', type: 'server_error' } }));
        return;
      }
      const text = typeof behaviour.text === 'function' ? behaviour.text(recorded) : behaviour.text;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: 0,
          model: recorded.body.model,
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: text } }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    behave(next) {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
