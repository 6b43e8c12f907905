/**
 * Staff answers turned into knowledge: indexed in the running Assistant at once (no restart) and
 * stored, so that they are indexed again when the server starts next time.
 */
import { randomUUID } from 'node:crypto';
import type { Assistant, KnowledgeEntry } from '../../types.ts';
import type { Store } from '../../store/store.ts';

export function createKnowledgeService(options: { store: Store; assistant: Assistant; clock?: () => Date }) {
  const { store, assistant } = options;
  const clock = options.clock ?? (() => new Date());
  return {
    async add(
      input: { question: string; answer: string; itemId?: string },
      staff: string,
    ): Promise<KnowledgeEntry> {
      const entry: KnowledgeEntry = { id: `kb-${randomUUID()}`, ...input, createdAt: clock().toISOString() };
      await assistant.addKnowledge(entry);
      store.transaction(() => {
        store.insertKnowledge({ ...entry, createdBy: staff });
        store.appendAudit({
          at: entry.createdAt,
          actor: staff,
          action: 'knowledge.add',
          target: entry.id,
          detail: { itemId: entry.itemId, question: entry.question },
        });
      });
      return entry;
    },
    /** Re-indexes stored entries into a freshly opened Assistant; returns how many. */
    async restore(): Promise<number> {
      const entries = store.listKnowledge();
      for (const { createdBy: _createdBy, ...entry } of entries) await assistant.addKnowledge(entry);
      return entries.length;
    },
  };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
