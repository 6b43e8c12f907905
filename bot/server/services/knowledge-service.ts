/**
 * Staff answers turned into knowledge: indexed in the running Assistant at once (no restart) and
 * stored, so that they are indexed again when the server starts next time. Entries are edited
 * (re-indexed at once) and retired (no longer answered, kept for the record); every change is in the
 * audit log. Knowledge gaps that staff dismiss, or answer by publishing an entry, leave the gap list.
 */
import { randomUUID } from 'node:crypto';
import type { Assistant, KnowledgeEntry } from '../../types.ts';
import { gapKey } from '../../analytics/gap-key.ts';
import type { GapMark, KnowledgeStatus, Store, StoredKnowledge } from '../../store/store.ts';
import type { GapRow } from '../../store/analytics-queries.ts';
import { HttpError } from '../errors/http-error.ts';

export interface KnowledgeInput {
  questions: string[];
  answer: string;
  itemId?: string;
  /** The case whose staff reply this entry is made from. */
  fromCase?: string;
  /** The knowledge gap this entry answers (marked answered). */
  fromGap?: string;
}

export type KnowledgeChange = Partial<Pick<KnowledgeInput, 'questions' | 'answer'>> & {
  itemId?: string | null;
};

/** What staff see of an entry. */
export type KnowledgeView = StoredKnowledge;

export { gapKey };

/** An entry as the assistant indexes it. */
export function toKnowledgeEntry(stored: StoredKnowledge): KnowledgeEntry {
  return {
    id: stored.id,
    question: stored.question,
    questions: stored.questions,
    answer: stored.answer,
    ...(stored.itemId ? { itemId: stored.itemId } : {}),
    createdAt: stored.createdAt,
  };
}

/** The entries in service (not retired), as the assistant indexes them. */
export function activeKnowledge(store: Store): KnowledgeEntry[] {
  return store.listKnowledge({ status: 'active' }).map(toKnowledgeEntry);
}

/** Example questions once each (by their normalised text), in the order given. */
function distinctQuestions(questions: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const question of questions.map((text) => text.trim())) {
    const key = gapKey(question);
    if (!question || seen.has(key)) continue;
    seen.add(key);
    result.push(question);
  }
  return result;
}

export function createKnowledgeService(options: { store: Store; assistant: Assistant; clock?: () => Date }) {
  const { store, assistant } = options;
  const clock = options.clock ?? (() => new Date());

  const found = (id: string): StoredKnowledge => {
    const entry = store.getKnowledge(id);
    if (!entry) throw new HttpError(404, 'NOT_FOUND', '未找到该知识条目。');
    return entry;
  };

  const markGap = (question: string, mark: GapMark['mark'], staff: string, entryId?: string) => {
    store.markGap({
      questionKey: gapKey(question),
      question,
      mark,
      entryId,
      markedAt: clock().toISOString(),
      markedBy: staff,
    });
  };

  return {
    /** Entries, newest first; `q` keeps those whose questions or answer hold it. */
    list(filter: { q?: string; status?: KnowledgeStatus } = {}): KnowledgeView[] {
      const needle = filter.q ? gapKey(filter.q) : '';
      return store
        .listKnowledge(filter.status ? { status: filter.status } : undefined)
        .filter((entry) => !needle || gapKey([...entry.questions, entry.answer].join(' ')).includes(needle))
        .reverse();
    },

    get: (id: string): KnowledgeView => found(id),

    async add(input: KnowledgeInput, staff: string): Promise<KnowledgeView> {
      const questions = distinctQuestions(input.questions);
      if (input.fromCase && !store.getCase(input.fromCase)) {
        throw new HttpError(400, 'VALIDATION_FAILED', `未找到件号为 ${input.fromCase} 的案件。`);
      }
      const entry: KnowledgeEntry = {
        id: `kb-${randomUUID()}`,
        question: questions[0],
        questions,
        answer: input.answer.trim(),
        ...(input.itemId ? { itemId: input.itemId } : {}),
        createdAt: clock().toISOString(),
      };
      await assistant.addKnowledge(entry);
      store.transaction(() => {
        store.insertKnowledge({
          ...entry,
          questions,
          createdBy: staff,
          ...(input.fromCase ? { sourceCase: input.fromCase } : {}),
        });
        // The gap it came from, and every gap asked in one of its wordings, is answered now.
        for (const question of new Set([...(input.fromGap ? [input.fromGap] : []), ...questions])) {
          markGap(question, 'answered', staff, entry.id);
        }
        store.appendAudit({
          at: entry.createdAt,
          actor: staff,
          action: 'knowledge.add',
          target: entry.id,
          detail: { itemId: entry.itemId, questions, fromCase: input.fromCase, fromGap: input.fromGap },
        });
      });
      return found(entry.id);
    },

    async update(id: string, change: KnowledgeChange, staff: string): Promise<KnowledgeView> {
      const before = found(id);
      const questions = change.questions ? distinctQuestions(change.questions) : before.questions;
      const at = clock().toISOString();
      const itemId = change.itemId === undefined ? before.itemId : (change.itemId ?? undefined);
      const after: StoredKnowledge = {
        ...before,
        question: questions[0],
        questions,
        answer: change.answer?.trim() ?? before.answer,
        itemId,
      };
      // A retired entry is edited on record only; it is answered again only if staff publish anew.
      if (before.status === 'active') await assistant.addKnowledge(toKnowledgeEntry(after));
      store.transaction(() => {
        store.updateKnowledge(id, {
          question: after.question,
          questions,
          answer: after.answer,
          itemId: itemId ?? undefined,
          updatedAt: at,
          updatedBy: staff,
        });
        for (const question of questions) markGap(question, 'answered', staff, id);
        store.appendAudit({
          at,
          actor: staff,
          action: 'knowledge.update',
          target: id,
          detail: {
            questions: { before: before.questions, after: questions },
            answerChanged: after.answer !== before.answer,
            itemId: { before: before.itemId, after: itemId },
          },
        });
      });
      return found(id);
    },

    async retire(id: string, staff: string): Promise<KnowledgeView> {
      const entry = found(id);
      if (entry.status === 'retired') return entry;
      await assistant.removeKnowledge(id);
      const at = clock().toISOString();
      store.transaction(() => {
        store.updateKnowledge(id, { status: 'retired', updatedAt: at, updatedBy: staff });
        store.appendAudit({ at, actor: staff, action: 'knowledge.retire', target: id });
      });
      return found(id);
    },

    /** Sets a gap aside (noise: probes, poems, personal lines) or marks it answered elsewhere. */
    markGap(question: string, mark: GapMark['mark'], staff: string): void {
      store.transaction(() => {
        markGap(question, mark, staff);
        store.appendAudit({
          at: clock().toISOString(),
          actor: staff,
          action: mark === 'dismissed' ? 'knowledge.gap-dismiss' : 'knowledge.gap-answered',
          target: question.slice(0, 200),
        });
      });
    },

    /** The gaps nobody has dismissed or answered yet. */
    openGaps<T extends Pick<GapRow, 'question'>>(gaps: T[]): T[] {
      const marked = new Set(store.listGapMarks().map((mark) => mark.questionKey));
      return gaps.filter((gap) => !marked.has(gapKey(gap.question)));
    },

    /** Re-indexes stored entries into a freshly opened Assistant; returns how many. */
    async restore(): Promise<number> {
      const entries = activeKnowledge(store);
      for (const entry of entries) await assistant.addKnowledge(entry);
      return entries.length;
    },
  };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
