/**
 * A citizen asks in the chat what is still missing, naming the documents they have: the answer is the
 * item's one-time notice for those documents, read from the catalog — over HTTP, as the widget asks.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/server-harness.ts';
import { requestJson } from '../../helpers/server-clients.ts';

const harness = useHarness();

interface Answer {
  answer: string;
  intent: string;
  items: Array<{ id: string; name: string }>;
  citations: Array<{ source: string; title: string }>;
  sessionId: string;
}

const ask = async (question: string, sessionId?: string) =>
  (await requestJson<Answer>(`${harness.url}/api/v1/ask`, { body: { question, sessionId } })).body;

describe('what is still missing, asked in the chat', () => {
  it('checks the documents named against the item and lists everything still needed at once', async () => {
    const reply = await ask('我想离婚，我们俩已经准备了身份证和离婚协议书，还缺什么');
    expect(reply.intent).toBe('materials');
    expect(reply.items[0].name).toBe('内地居民离婚登记');
    expect(reply.answer).toContain('您已有：居民身份证、双方共同签署的离婚协议书');
    expect(reply.answer).toContain('本人结婚证');
    expect(reply.answer).toContain('以窗口审核为准');
    expect(reply.citations[0]).toMatchObject({ source: 'catalog', title: '内地居民离婚登记' });
  });

  it('stays on the item under discussion when the documents come in a later turn', async () => {
    const first = await ask('护照怎么办');
    const second = await ask('我带着身份证，这样够不够', first.sessionId);
    expect(second.items[0].name).toBe(first.items[0].name);
    expect(second.answer).toContain('您已有：居民身份证');
    expect(second.answer).not.toContain('您已有：居民身份证、');
  });

  it('answers a plain materials question with the full list, as before', async () => {
    const reply = await ask('离婚登记要带什么');
    expect(reply.answer).not.toContain('您已有');
    expect(reply.answer).toContain('本人结婚证');
  });
});
