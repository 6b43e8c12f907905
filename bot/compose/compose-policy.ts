/**
 * Answer from a policy clause (告知承诺制, 一次性告知, 好差评 …): the clause itself, quoted with its
 * document and locator, since policy wording must not be paraphrased into something it does not say.
 */
import type { Chunk } from '../../knowledge/contracts.ts';
import type { Composed } from './compose-item.ts';

const MAX_QUOTE = 360;

export function composePolicyAnswer(chunk: Chunk): Composed {
  const body = chunk.text.length > MAX_QUOTE ? `${chunk.text.slice(0, MAX_QUOTE)}……` : chunk.text;
  const where = chunk.source.locator
    ? `${chunk.source.title}（${chunk.source.locator}）`
    : chunk.source.title;
  return {
    answer: `根据《${chunk.source.title.replace(/^《|》$/g, '')}》的规定：\n${body}\n\n以上内容摘自${where}。如需结合您的具体情况办理，可以告诉我要办的事项，或转人工咨询。`,
    citations: [{ source: chunk.source.id, title: chunk.source.title, locator: chunk.source.locator }],
    quickReplies: ['转人工'],
  };
}
