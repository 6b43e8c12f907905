/**
 * Conversations: answers a citizen's turn with the Assistant in the context of the session's
 * dialogue state, and commits the question, the answer and the new state in one transaction before
 * anything is sent back — so an acknowledged message survives a crash. Escalations open cases.
 * Ending a conversation retires its session key: the key can no longer resume it, staff keep it.
 * Shared by the HTTP routes and the websocket channel.
 */
import type { Answer, Assistant, EscalationCategory } from '../../types.ts';
import { emptyDialogueState } from '../../types.ts';
import type { MessageRecord, Store } from '../../store/store.ts';
import type { CaseRecord } from '../../store/store.ts';
import type { CaseService } from '../../cases/case-service.ts';
import { isOpenStatus } from '../../cases/case-status.ts';
import type { SensitiveWordFilter } from '../../safety/sensitive-word-filter.ts';
import { toLocalDate } from '../../calendar/local-date.ts';
import { maskPersonalText } from '../../logging/personal-data-masker.ts';
import type { Logger } from '../../logging/logger.ts';
import { createKeyedQueue } from './keyed-queue.ts';
import { createGroupCommit } from '../../store/group-commit.ts';
import { sensitiveReply } from './sensitive-replies.ts';
import { findPersonalData } from '../../privacy/personal-data.ts';

const GAP_INTENTS = new Set(['unknown', 'clarify', 'out_of_scope']);
const NON_ITEM_INTENTS = new Set(['greeting', 'thanks', 'hall', 'theme', 'escalate', ...GAP_INTENTS]);

/** An answer the knowledge could not give: the raw material of the knowledge-gap report. */
export function isLowConfidence(answer: Answer): boolean {
  if (GAP_INTENTS.has(answer.intent)) return true;
  return !NON_ITEM_INTENTS.has(answer.intent) && answer.items.length === 0;
}

export interface TurnResult {
  answer: Answer;
  sessionId: string;
  question: MessageRecord;
  reply: MessageRecord;
  /** A case opened by this turn (automatic escalation). */
  openedCase?: CaseRecord;
}

export interface EscalationRequest {
  category?: EscalationCategory;
  phone?: string;
  consent?: boolean;
  description?: string;
}

export interface HistoryEntry {
  id: number;
  role: MessageRecord['role'];
  text: string;
  at: string;
  answer?: Answer;
  caseNumber?: string;
}

export interface ConversationServiceOptions {
  store: Store;
  assistant: Assistant;
  cases: CaseService;
  filter: SensitiveWordFilter;
  timeZone: string;
  logger: Logger;
  clock?: () => Date;
  /** How long a turn's write waits for a database lock held elsewhere (DB_LOCK_WAIT_MS). */
  lockWaitMs?: number;
  /** Told once a session's conversation has ended (its open sockets are told and closed). */
  onEnded?: (sessionId: string) => void;
}

export function createConversationService(options: ConversationServiceOptions) {
  const { store, assistant, cases, filter, timeZone, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const queue = createKeyedQueue();
  const commits = createGroupCommit(store, {
    maxWaitMs: options.lockWaitMs,
    onLocked: ({ writes, attempt }) => {
      if (attempt === 0) logger.warn('database locked by another process: waiting to write', { writes });
    },
  });

  /** The item a conversation is about, for cases and ratings. */
  const currentItem = (sessionId: string) => {
    const messages = store.listMessages(sessionId, { limit: 50 });
    for (let index = messages.length - 1; index >= 0; index -= 1) {
      const message = messages[index];
      if (message.role === 'assistant' && message.itemId) {
        return { itemId: message.itemId, itemName: message.itemName, zone: message.zone };
      }
    }
    return {};
  };

  const openCase = (
    sessionId: string,
    request: EscalationRequest,
    actor: string,
  ): { record: CaseRecord; created: boolean } => {
    const category = request.category ?? '咨询转人工';
    // One open case per conversation and category: a second tap adds the phone, not a new case.
    const existing = cases
      .forConversation(sessionId)
      .find((record) => record.category === category && isOpenStatus(record.status));
    if (existing) {
      if (request.consent && request.phone && !existing.phone) {
        store.transaction(() => {
          const at = clock().toISOString();
          store.updateCase(existing.number, { phone: request.phone?.replace(/\D/g, ''), updatedAt: at });
          store.appendAudit({ at, actor, action: 'case.contact-added', target: existing.number });
        });
      }
      return { record: store.getCase(existing.number) ?? existing, created: false };
    }
    const record = cases.open({
      conversationId: sessionId,
      category,
      ...currentItem(sessionId),
      phone: request.phone,
      consent: Boolean(request.consent),
      description: request.description,
      actor,
    });
    return { record, created: true };
  };

  return {
    /** Answers one citizen turn; the result is committed when this resolves. */
    handleMessage(sessionId: string, text: string): Promise<TurnResult> {
      return queue.run(sessionId, async () => {
        const conversation = store.getConversation(sessionId);
        const state = conversation?.state ?? emptyDialogueState();
        const check = filter.check(text);
        let answer: Answer;
        let nextState = state;
        if (check.action && check.action !== 'log') {
          answer = sensitiveReply(check.action);
          nextState = { ...state, turns: state.turns + 1 };
        } else {
          const started = performance.now();
          const result = await assistant.reply(text, state);
          answer = {
            ...result.answer,
            latencyMs: result.answer.latencyMs || Math.round(performance.now() - started),
          };
          nextState = result.state;
        }
        const now = clock();
        const at = now.toISOString();
        const localDate = toLocalDate(now, timeZone);
        const committed = await commits.run(() => {
          const question = store.appendMessage({
            conversationId: sessionId,
            role: 'citizen',
            text,
            createdAt: at,
            localDate,
          });
          if (check.hits.length > 0) {
            // The conversation exists now (the question created it): the audit names its public id.
            store.appendAudit({
              at,
              actor: 'citizen',
              action: 'safety.sensitive-word',
              target: store.getConversation(sessionId)?.publicId,
              detail: {
                categories: [...new Set(check.hits.map((hit) => hit.category))],
                action: check.action,
                text: maskPersonalText(text).slice(0, 200),
              },
            });
          }
          // A phone number typed in answer to the hand-over's request for a contact: the citizen gave it
          // for that purpose, so it is attached to the open case that has none, and confirmed masked.
          const contact = contactPhone(text);
          const waiting = contact
            ? cases.forConversation(sessionId).find((record) => isOpenStatus(record.status) && !record.phone)
            : undefined;
          if (contact && waiting && answer.items.length === 0 && !answer.escalate) {
            store.updateCase(waiting.number, { phone: contact, updatedAt: at });
            store.appendAudit({ at, actor: 'citizen', action: 'case.contact-added', target: waiting.number });
            answer = {
              ...answer,
              answer: `已记录您的联系电话（${contact.slice(0, 3)}****${contact.slice(-4)}），工作人员会通过这个号码联系您。件号：${waiting.number}，可凭件号和手机号后四位查询办理进度。`,
              quickReplies: [],
            };
          }
          const reply = store.appendMessage({
            conversationId: sessionId,
            role: 'assistant',
            text: answer.answer,
            createdAt: at,
            localDate,
            answer,
            lowConfidence: isLowConfidence(answer),
          });
          store.saveConversationState(sessionId, nextState, at);
          let openedCase: CaseRecord | undefined;
          if (answer.escalate) {
            const opened = openCase(
              sessionId,
              { category: answer.escalation?.category, description: text },
              'assistant',
            );
            if (opened.created) openedCase = opened.record;
          }
          return { question, reply, openedCase };
        });
        logger.debug('turn answered', {
          conversation: store.getConversation(sessionId)?.publicId,
          intent: answer.intent,
          item: answer.items[0]?.id,
          escalate: answer.escalate,
        });
        return { answer, sessionId, ...committed };
      });
    },

    /** The citizen asks for a person (转人工 / 办不成事 / 投诉): opens a case, or returns the open one. */
    escalate(
      sessionId: string,
      request: EscalationRequest,
    ): Promise<{ record: CaseRecord; created: boolean }> {
      return queue.run(sessionId, async () =>
        commits.run(() => {
          const opened = openCase(sessionId, request, 'citizen');
          if (opened.created) {
            const now = clock();
            store.appendMessage({
              conversationId: sessionId,
              role: 'system',
              text: `已为您登记${opened.record.category}，件号 ${opened.record.number}。`,
              createdAt: now.toISOString(),
              localDate: toLocalDate(now, timeZone),
              caseNumber: opened.record.number,
            });
          }
          return opened;
        }),
      );
    },

    /**
     * Ends the session's conversation (结束并清除对话, a kiosk or public computer going home), after
     * any turn in progress: the key can no longer resume it — it starts a new, empty conversation —
     * while staff keep the transcript, cases and ratings. Resolves with whether there was one.
     */
    async end(sessionId: string): Promise<boolean> {
      const ended = await queue.run(sessionId, () =>
        commits.run(() => store.endConversation(sessionId, clock().toISOString())),
      );
      options.onEnded?.(sessionId);
      return ended;
    },

    /** The last `limit` messages of the session (before message `beforeId` when given), oldest first. */
    history(sessionId: string, options: { limit?: number; beforeId?: number } = {}): HistoryEntry[] {
      const { limit = 100, beforeId } = options;
      return store.listMessages(sessionId, { limit, beforeId }).map((message) => ({
        id: message.id,
        role: message.role,
        text: message.text,
        at: message.createdAt,
        answer: message.answer,
        caseNumber: message.caseNumber,
      }));
    },

    exists(sessionId: string): boolean {
      return store.getConversation(sessionId) !== undefined;
    },

    currentItem,
    /** Waits for turns in progress (graceful shutdown). */
    idle: () => queue.idle(),
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;

/** The mainland mobile number in a message, as 11 digits, if it holds one. */
function contactPhone(text: string): string | undefined {
  return findPersonalData(text).find((found) => found.kind === 'phone')?.digits;
}
