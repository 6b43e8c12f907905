/**
 * The answer contract shared by the CLI (`npm run ask`), the HTTP API, the websocket channel and the
 * UIs. `answer`, `intent`, `items`, `escalate`, `citations` and `latencyMs` are the stable contract of
 * DESIGN.md §4; the remaining fields carry structure for the UIs.
 */
import type { Material } from '../knowledge/catalog/schema.ts';
import { ASPECT_CLASSES } from '../knowledge/language/aspect-classes.ts';

export const ASPECTS = ['overview', ...ASPECT_CLASSES] as const;
export type Aspect = (typeof ASPECTS)[number];

/**
 * What the citizen wants: one aspect of an item (the aspect names), a 一件事 theme, a policy question
 * (告知承诺制, 好差评 …), guidance about the hall itself, small talk, a clarifying question back to the citizen, a refusal, or a hand-over.
 */
export type Intent =
  | Aspect
  | 'theme'
  | 'policy'
  | 'progress'
  | 'hall'
  | 'greeting'
  | 'thanks'
  | 'clarify'
  | 'out_of_scope'
  | 'escalate'
  | 'unknown';

export type EscalationCategory = '办不成事反映' | '投诉' | '咨询转人工';

export interface ItemRef {
  id: string;
  name: string;
  score: number;
}

export interface Citation {
  /** `catalog` for the item record, or a policy document id. */
  source: string;
  title: string;
  /** Field of the record (e.g. "申请材料") or clause of the document (e.g. "三、（二）7."). */
  locator?: string;
}

/** Structured facts for UIs to render as cards; always copied from the catalog record. */
export interface ItemCard {
  id: string;
  name: string;
  department: string;
  zone: string;
  floor?: number;
  area?: string;
  window: string;
  kind: string;
  /** Working days; null when the catalog sets no limit (无法定时限). */
  legalDays: number | null;
  promisedDays: number | null;
  commitment: boolean;
  visits: number;
  online: string;
  onlineUrl?: string;
  fee: string;
  hours?: string;
  phone?: string;
  address?: string;
  conditions: string[];
  process: string[];
  /** The complete one-time list (一次性告知), in catalog order. */
  materials: Material[];
}

export interface Answer {
  answer: string;
  intent: Intent;
  items: ItemRef[];
  escalate: boolean;
  citations: Citation[];
  latencyMs: number;
  /** Buttons the UI offers next (candidate items when clarifying, follow-up aspects, 转人工). */
  quickReplies: string[];
  /** The aspect answered, when the answer is about an item. */
  aspect?: Aspect;
  card?: ItemCard;
  escalation?: { category: EscalationCategory; reason: string };
}

/** Serializable conversation context, persisted per session by the server. */
export interface DialogueState {
  /** The item under discussion, for follow-ups such as "那要带什么？". */
  currentItemId?: string;
  /** Items discussed before, most recent first, for references back ("刚才那个"). */
  previousItemIds: string[];
  /** Candidates offered in a clarifying question, so "第二个" or a candidate name resolves. */
  pendingChoices?: string[];
  lastAspect?: Aspect;
  /**
   * What the earlier turns said about the item (their item words, oldest first, a few at most): the
   * accumulated evidence that details of later turns re-rank ("就我一个人" after "想开个小吃店").
   */
  context?: string[];
  /** Words the citizen said they do not mean ("不是农村的，是城里的" → 农村), most recent last. */
  negated?: string[];
  turns: number;
}

/** The example questions of an entry, the main one first, each once. */
export function exampleQuestions(entry: Pick<KnowledgeEntry, 'question' | 'questions'>): string[] {
  return [...new Set([entry.question, ...(entry.questions ?? [])].map((question) => question.trim()))].filter(
    Boolean,
  );
}

export const emptyDialogueState = (): DialogueState => ({ previousItemIds: [], turns: 0 });

/** The bot core: answers one turn in the context of a conversation, with no server involved. */
export interface Assistant {
  reply(text: string, state: DialogueState): Promise<{ answer: Answer; state: DialogueState }>;
  /** Answer the last of several turns in the context of the earlier ones. */
  ask(turns: string[]): Promise<Answer>;
  /**
   * Publish a staff-written answer as knowledge, searchable from the next question on; an entry with
   * the id of one already published replaces it (an edit).
   */
  addKnowledge(entry: KnowledgeEntry): Promise<void>;
  /** Stop answering with an entry (retired). */
  removeKnowledge(id: string): Promise<void>;
}

/** A staff answer turned into knowledge (from a knowledge gap, a case reply or the knowledge page). */
export interface KnowledgeEntry {
  id: string;
  /** The main example question (the first of `questions`), the title the answer cites. */
  question: string;
  /** Every example question: the citizen's wording and those staff add (with `question`). */
  questions?: string[];
  answer: string;
  /** The catalog item the answer belongs to, if any. */
  itemId?: string;
  createdAt: string;
}
