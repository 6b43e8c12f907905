/**
 * `npm start` with CHAT_MODEL set: the server opens its assistant through the runtime, so the chat
 * model configured in settings rewords answers over HTTP (`POST /api/v1/ask`) as README says. A fake
 * OpenAI-compatible endpoint on 127.0.0.1 stands in for the model; when its wording keeps every fact
 * the citizen gets it, and when it changes one the citizen gets the composed answer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REPHRASE_SYSTEM_PROMPT } from '../../../bot/llm/rephrase-answer.ts';
import { startHarness, removeTemporaryFolders, type Harness } from '../../helpers/server-harness.ts';
import { requestJson } from '../../helpers/server-clients.ts';
import {
  startFakeOpenAIServer,
  type FakeOpenAIServer,
  type RecordedRequest,
} from '../../unit/bot/llm/fake-openai-server.ts';

let model: FakeOpenAIServer;
let harness: Harness;

/** The composed answer the server sent to the model for rewording. */
function composedFrom(request: RecordedRequest): string {
  const user = request.body.messages.find((message) => message.role === 'user')?.content ?? '';
  const marker = '【原答复】（事实以此为准）\n';
  return user.slice(user.indexOf(marker) + marker.length);
}

const isRephrase = (request: RecordedRequest) => request.body.messages[0]?.content === REPHRASE_SYSTEM_PROMPT;

const politely = (text: string) => `您好，感谢您的提问。\n${text}\n如还有疑问，欢迎随时咨询。`;

beforeAll(async () => {
  model = await startFakeOpenAIServer();
  harness = await startHarness({
    settings: { chatModel: { model: 'fake-chat-model', baseUrl: model.baseUrl, apiKey: 'test-key' } },
  });
});

afterAll(async () => {
  await harness?.stop();
  await model?.close();
  removeTemporaryFolders();
});

beforeEach(() => {
  model.requests.length = 0;
});

const ask = (question: string) =>
  requestJson<{ answer: string; intent: string; items: Array<{ name: string }> }>(
    `${harness.url}/api/v1/ask`,
    {
      body: { question },
    },
  );

describe('the server with a chat model configured', () => {
  it('calls the model and answers in its wording when every fact is kept', async () => {
    model.behave({ kind: 'reply', text: (request) => politely(composedFrom(request)) });
    const response = await ask('办护照要交多少钱');
    expect(response.status).toBe(200);
    const rephrase = model.requests.filter(isRephrase);
    expect(rephrase).toHaveLength(1);
    expect(rephrase[0].path).toBe('/v1/chat/completions');
    expect(rephrase[0].authorization).toBe('Bearer test-key');
    expect(rephrase[0].body.model).toBe('fake-chat-model');
    expect(rephrase[0].body.messages[1].content).toContain('办护照要交多少钱');
    expect(response.body.answer).toBe(politely(composedFrom(rephrase[0])));
    expect(response.body.answer).toContain('普通护照');
  });

  it('keeps the composed answer when the model changes a fact', async () => {
    model.behave({
      kind: 'reply',
      text: (request) => politely(composedFrom(request).replace(/\d+元/, '999元')),
    });
    const response = await ask('办护照要交多少钱');
    expect(response.status).toBe(200);
    const [rephrase] = model.requests.filter(isRephrase);
    expect(rephrase).toBeDefined();
    expect(response.body.answer).toBe(composedFrom(rephrase));
    expect(response.body.answer).not.toContain('999元');
  });
});
