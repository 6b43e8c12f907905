/**
 * A citizen who was asked for a contact phone after 转人工 types it into the chat: the number is
 * attached to the open case, confirmed only in masked form, and works for the citizen's lookup.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from '../../helpers/server-harness.ts';
import { requestJson } from '../../helpers/server-clients.ts';

const harness = useHarness();

describe('a contact phone typed into the chat', () => {
  it('is attached to the open case and confirmed masked', async () => {
    const sessionId = 'contact-in-chat-0001';
    const ask = (question: string) =>
      requestJson(`${harness.url}/api/v1/ask`, { body: { question, sessionId } });
    const handOver = await ask('转人工');
    const number = (handOver.body as { case?: { number: string } }).case?.number;
    expect(number).toBeTruthy();

    const contact = await ask('13812345678');
    const text = (contact.body as { answer: string }).answer;
    expect(text).toContain('138****5678');
    expect(text).toContain(number as string);
    expect(JSON.stringify(contact.body)).not.toContain('13812345678');

    const lookup = await requestJson(
      `${harness.url}/api/v1/cases/lookup?number=${encodeURIComponent(number as string)}&phoneLast4=5678`,
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ number });
  });
});
