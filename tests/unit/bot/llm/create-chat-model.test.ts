import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../../config/settings.ts';
import { createChatModel } from '../../../../bot/llm/create-chat-model.ts';
import { startFakeOpenAIServer, type FakeOpenAIServer } from './fake-openai-server.ts';

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer();
});
afterAll(() => server.close());

describe('createChatModel', () => {
  it('gives no model when CHAT_MODEL is unset (the default)', () => {
    expect(createChatModel({ settings: loadSettings({ OPENAI_BASE_URL: server.baseUrl }) })).toBeUndefined();
  });

  it('talks to the configured endpoint with the configured model', async () => {
    const settings = loadSettings({
      CHAT_MODEL: 'glm-4-9b-chat',
      OPENAI_BASE_URL: server.baseUrl,
      OPENAI_API_KEY: 'sk-local',
    });
    const model = createChatModel({ settings });
    expect(model?.id).toBe('openai-compatible:glm-4-9b-chat');
    server.behave({ kind: 'reply', text: '您好。' });
    await expect(
      model?.complete([{ role: 'user', content: '你好' }], { maxTokens: 16, temperature: 0 }),
    ).resolves.toBe('您好。');
    expect(server.requests.at(-1)).toMatchObject({
      path: '/v1/chat/completions',
      authorization: 'Bearer sk-local',
      body: {
        model: 'glm-4-9b-chat',
        max_tokens: 16,
        temperature: 0,
        messages: [{ role: 'user', content: '你好' }],
      },
    });
  });

  it('says how to fix a model with no endpoint and no key', () => {
    expect(() => createChatModel({ settings: loadSettings({ CHAT_MODEL: 'qwen' }) })).toThrow(
      expect.objectContaining({
        code: 'CHAT_MODEL_MISCONFIGURED',
        message: expect.stringContaining('OPENAI_BASE_URL'),
      }),
    );
  });
});
