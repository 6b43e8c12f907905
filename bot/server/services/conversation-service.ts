/**
 * Conversations: answers a citizen's turn with the Assistant in the context of the session's
 * dialogue state, and commits the question, the answer and the new state in one transaction before
 * anything is sent back — so an acknowledged message survives a crash. A message the client sends
 * again with the same id is recognised and not taken twice. Once the conversation is handed over
 * (`waiting` for a person, or `staff`), the bot stays silent: messages go to the case. A case opens
 * only with the citizen's consent; without it the citizen is told where to go in person.
 * Ending a conversation retires its session key: the key can no longer resume it, staff keep it.
 * Shared by the HTTP routes and the websocket channel.
 */
import type { Answer, Assistant, EscalationCategory } from '../../types.ts';
import { emptyDialogueState } from '../../types.ts';
import type { CaseRecord, ConversationMode, MessageRecord, Store } from '../../store/store.ts';
import type { Hall } from '../../../knowledge/hall/schema.ts';
import { caseTopic } from '../../handover/case-topic.ts';
import { hashLookupCode, newLookupCode } from '../../handover/lookup-code.ts';
import { declinedText, openedText } from '../../handover/handover-texts.ts';
import type { ExpectedReply } from '../../handover/reply-time.ts';
import type { StaffEventBus } from '../../live/staff-event-bus.ts';
import type { CaseService } from '../../cases/case-service.ts';
import { isOpenStatus } from '../../cases/case-status.ts';
import type { SensitiveWordFilter } from '../../safety/sensitive-word-filter.ts';
import { toLocalDate } from '../../calendar/local-date.ts';
import { maskPersonalText } from '../../logging/personal-data-masker.ts';
import type { Logger } from '../../logging/logger.ts';
import { createKeyedQueue } from './keyed-queue.ts';
import { createGroupCommit } from '../../store/group-commit.ts';
import { sensitiveReply } from './sensitive-replies.ts';

const GAP_INTENTS = new Set(['unknown', 'clarify', 'out_of_scope']);
const NON_ITEM_INTENTS = new Set(['greeting', 'thanks', 'hall', 'theme', 'escalate', ...GAP_INTENTS]);

/** An answer the knowledge could not give: the raw material of the knowledge-gap report. */
export function isLowConfidence(answer: Answer): boolean {
  if (GAP_INTENTS.has(answer.intent)) return true;
  return !NON_ITEM_INTENTS.has(answer.intent) && answer.items.length === 0;
}

export type TurnResult =
  | { kind: 'answered'; answer: Answer; sessionId: string; question: MessageRecord; reply: MessageRecord }
  /** Handed over: the message went to the case, the bot did not answer. */
  | {
      kind: 'forwarded';
      sessionId: string;
      question: MessageRecord;
      caseNumber: string;
      mode: Exclude<ConversationMode, 'bot'>;
    }
  /** The client sent this message id before: it was taken then, nothing is done again. */
  | { kind: 'duplicate'; sessionId: string; question: MessageRecord };

export type EscalationResult =
  | { declined: true; message: MessageRecord }
  | {
      declined: false;
      record: CaseRecord;
      created: boolean;
      /** Given when no phone was left: shown once, stored hashed. */
      lookupCode?: string;
      expected: ExpectedReply;
      /** The conversation now waits for a person (the caller tells the citizen, after the confirmation). */
      modeChanged: boolean;
    };

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
  /** Citizen messages of handed-over conversations are published here for staff. */
  events?: StaffEventBus;
  /** The hall in service, for the 办不成事 window offered when the citizen declines a hand-over. */
  hall?: () => Hall | undefined;
  /** The reply time promised now. */
  expectedReply: () => ExpectedReply;
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

  /** The item a conversation is about, for ratings: the last item answered. */
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

  /** The bot's recent answers, newest first, for the case's topic. */
  const recentAnswers = (sessionId: string): Answer[] =>
    store
      .listMessages(sessionId, { limit: 20 })
      .filter((message) => message.role === 'assistant' && message.answer)
      .map((message) => message.answer as Answer)
      .reverse();

  const appendSystem = (sessionId: string, text: string, caseNumber?: string): MessageRecord => {
    const now = clock();
    return store.appendMessage({
      conversationId: sessionId,
      role: 'system',
      text,
      createdAt: now.toISOString(),
      localDate: toLocalDate(now, timeZone),
      caseNumber,
    });
  };

  /** Opens a case with consent (or updates the open one), in the caller's transaction. */
  const openCase = (
    sessionId: string,
    request: EscalationRequest,
    actor: string,
  ): { record: CaseRecord; created: boolean; lookupCode?: string } => {
    const category = request.category ?? '咨询转人工';
    const phone = request.phone?.replace(/\D/g, '') || undefined;
    const at = clock().toISOString();
    // One open case per conversation and category: a second request adds the phone, not a new case.
    const existing = cases
      .forConversation(sessionId)
      .find((record) => record.category === category && isOpenStatus(record.status));
    if (existing) {
      let lookupCode: string | undefined;
      if (phone && !existing.phone) {
        store.updateCase(existing.number, { phone, updatedAt: at });
        store.appendAudit({ at, actor, action: 'case.contact-added', target: existing.number });
      } else if (!phone && !existing.phone) {
        // The citizen asks again without a phone (the first code may be lost): a new code replaces it.
        lookupCode = newLookupCode();
        store.updateCase(existing.number, { lookupCodeHash: hashLookupCode(existing.number, lookupCode) });
      }
      return { record: store.getCase(existing.number) ?? existing, created: false, lookupCode };
    }
    const topic = caseTopic(recentAnswers(sessionId));
    const record = cases.open({
      conversationId: sessionId,
      category,
      itemId: topic.itemId,
      itemName: topic.itemName,
      zone: topic.zone,
      topicCandidates: topic.candidates.length > 0 ? topic.candidates : undefined,
      phone,
      consent: true,
      description: request.description,
      actor,
      // The conversation waits for a person from the moment the case exists (staff see it so).
      withOpened: (opened) => store.setConversationMode(sessionId, 'waiting', opened.number, at),
    });
    if (phone) return { record, created: true };
    const lookupCode = newLookupCode();
    store.updateCase(record.number, { lookupCodeHash: hashLookupCode(record.number, lookupCode) });
    return { record: store.getCase(record.number) ?? record, created: true, lookupCode };
  };

  /** A citizen message in a handed-over conversation: stored with the case, for staff. */
  const forward = async (
    sessionId: string,
    text: string,
    clientId: string | undefined,
  ): Promise<TurnResult> => {
    const conversation = store.getConversation(sessionId);
    const caseNumber = conversation?.modeCase ?? '';
    const mode = conversation?.mode === 'staff' ? 'staff' : 'waiting';
    const question = await commits.run(() => {
      const now = clock();
      return store.appendMessage({
        conversationId: sessionId,
        role: 'citizen',
        text,
        createdAt: now.toISOString(),
        localDate: toLocalDate(now, timeZone),
        caseNumber,
        clientId,
      });
    });
    options.events?.publish({ type: 'citizen_message', caseNumber, messageId: question.id });
    return { kind: 'forwarded', sessionId, question, caseNumber, mode };
  };

  return {
    /** Answers one citizen turn; the result is committed when this resolves. */
    handleMessage(sessionId: string, text: string, clientId?: string): Promise<TurnResult> {
      return queue.run(sessionId, async (): Promise<TurnResult> => {
        if (clientId) {
          const taken = store.findClientMessage(sessionId, clientId);
          if (taken) return { kind: 'duplicate', sessionId, question: taken };
        }
        const conversation = store.getConversation(sessionId);
        if (conversation && conversation.mode !== 'bot' && conversation.modeCase) {
          return forward(sessionId, text, clientId);
        }
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
            clientId,
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
          return { question, reply };
        });
        logger.debug('turn answered', {
          conversation: store.getConversation(sessionId)?.publicId,
          intent: answer.intent,
          item: answer.items[0]?.id,
          escalate: answer.escalate,
        });
        return { kind: 'answered', answer, sessionId, ...committed };
      });
    },

    /**
     * The citizen asks for a person (转人工 / 办不成事 / 投诉). With consent a case opens (or the open one
     * is returned, with the phone added) and the conversation waits for a person; without consent
     * nothing is opened or shared, and the citizen is told where to go in person.
     */
    escalate(sessionId: string, request: EscalationRequest): Promise<EscalationResult> {
      return queue.run(sessionId, async (): Promise<EscalationResult> => {
        if (!request.consent) {
          const message = await commits.run(() => appendSystem(sessionId, declinedText(options.hall?.())));
          return { declined: true, message };
        }
        const expected = options.expectedReply();
        const result = await commits.run(() => {
          const before = store.getConversation(sessionId);
          const opened = openCase(sessionId, request, 'citizen');
          // A new case set the mode as it opened; an open case asked for again takes the conversation back.
          const holds = before?.mode !== 'bot' && before?.modeCase === opened.record.number;
          if (!holds && !opened.created) {
            store.setConversationMode(sessionId, 'waiting', opened.record.number, clock().toISOString());
          }
          if (opened.created) {
            const lookup = opened.record.phone ? 'phone' : 'code';
            appendSystem(sessionId, openedText(opened.record, lookup, expected.text), opened.record.number);
          }
          return { ...opened, modeChanged: !holds };
        });
        return {
          declined: false,
          record: result.record,
          created: result.created,
          lookupCode: result.lookupCode,
          expected,
          modeChanged: result.modeChanged,
        };
      });
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
