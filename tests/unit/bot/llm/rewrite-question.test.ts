import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenAIChatModel } from '../../../../bot/llm/openai-chat-model.ts';
import { REWRITE_SYSTEM_PROMPT, rewriteQuestion } from '../../../../bot/llm/rewrite-question.ts';
import { startFakeOpenAIServer, type FakeOpenAIServer } from './fake-openai-server.ts';

let server: FakeOpenAIServer;
let model: OpenAIChatModel;

beforeAll(async () => {
  server = await startFakeOpenAIServer();
  model = new OpenAIChatModel({ model: 'rewriter', baseUrl: server.baseUrl });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const STORY =
  '我是去年从外地回来的，之前一直在上海打工，现在想在老家这边自己开个小饭馆，朋友说要先办什么证，我也搞不清楚，你们这边能不能告诉我开饭店要办什么手续？';

describe('rewriteQuestion', () => {
  it('searches with a short rewrite that comes from the citizen’s own words', async () => {
    server.behave({ kind: 'reply', text: '问题：开饭店要办什么手续？' });
    const result = await rewriteQuestion(model, STORY);
    expect(result).toEqual({ query: '开饭店要办什么手续？', used: true });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].body.model).toBe('rewriter');
    expect(server.requests[0].body.messages[0]).toEqual({ role: 'system', content: REWRITE_SYSTEM_PROMPT });
    expect(server.requests[0].body.messages[1].content).toContain(STORY);
  });

  it('leaves a short question alone without calling the model', async () => {
    server.behave({ kind: 'reply', text: '开饭店' });
    const result = await rewriteQuestion(model, '开饭店要办什么证？');
    expect(result.used).toBe(false);
    expect(result.query).toBe('开饭店要办什么证？');
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['an unrelated question', '如何申请护照签注', 'shares too few characters'],
    ['a long reply', '我想咨询一下在老家这边自己开个小饭馆需要先办理哪些证件和手续，谢谢你们', 'not short'],
  ])('keeps the original message when the model gives %s', async (_label, reply, reason) => {
    server.behave({ kind: 'reply', text: reply });
    const result = await rewriteQuestion(model, STORY);
    expect(result.used).toBe(false);
    expect(result.query).toBe(STORY);
    expect(result.rejectedBecause).toContain(reason);
  });

  it('keeps the original message when the model fails', async () => {
    server.behave({ kind: 'status', status: 500 });
    const result = await rewriteQuestion(model, STORY);
    expect(result).toEqual({
      query: STORY,
      used: false,
      rejectedBecause: 'model call failed: CHAT_MODEL_HTTP',
    });
  });
});
