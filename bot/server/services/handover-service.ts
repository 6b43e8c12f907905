/**
 * The hand-over keeper: follows committed case events and moves the conversation between `waiting`
 * (handed over, nobody yet), `staff` (a person claimed the case or replied) and `bot` (staff handed
 * it back, or the case was resolved), telling the citizen's open sockets each time — with the queue
 * position and the reply time promised while waiting. A sweep tells a citizen who has waited
 * HANDOVER_NOTICE_MINUTES without a reply that the case is kept and how to get a call back.
 */
import type { Store, ConversationRecord, MessageRecord } from '../../store/store.ts';
import type { StaffEventBus, StaffEvent } from '../../live/staff-event-bus.ts';
import type { CaseService, StaffCaseView } from '../../cases/case-service.ts';
import { normalizeCaseNumber } from '../../cases/case-number.ts';
import { CaseNotFoundError } from '../../cases/errors/case-not-found-error.ts';
import type { WorkingCalendar } from '../../calendar/working-calendar.ts';
import { toLocalDate } from '../../calendar/local-date.ts';
import type { Hall } from '../../../knowledge/hall/schema.ts';
import { expectedReply, type ExpectedReply } from '../../handover/reply-time.ts';
import {
  HANDED_BACK_TEXT,
  RESOLVED_TEXT,
  SHARED_WITH_STAFF,
  inPersonText,
  waitNoticeText,
} from '../../handover/handover-texts.ts';
import { hotlineText } from '../../../knowledge/hall/hall-facts.ts';
import { outgoing, type CaseConfirmation, type ModeState } from '../ws/chat-protocol.ts';
import { maskPhone } from '../../logging/personal-data-masker.ts';

export interface HandoverServiceOptions {
  store: Store;
  cases: CaseService;
  events: StaffEventBus;
  calendar: WorkingCalendar;
  timeZone: string;
  replyMinutes: number;
  noticeMinutes: number;
  hall: () => Hall | undefined;
  /** Sends to every open socket of a chat session; returns how many received it. */
  send(conversationId: string, payload: unknown): number;
  clock?: () => Date;
}

export function createHandoverService(options: HandoverServiceOptions) {
  const { store, cases, events, calendar, timeZone } = options;
  const clock = options.clock ?? (() => new Date());

  const expected = (): ExpectedReply =>
    expectedReply({
      now: clock(),
      calendar,
      timeZone,
      replyMinutes: options.replyMinutes,
      staffHours: options.hall()?.staffHours,
    });

  const waiting = () => store.listWaitingConversations();

  const modeState = (
    conversation: ConversationRecord | undefined,
    queue: () => ConversationRecord[],
    reply: () => string,
  ): ModeState => {
    if (!conversation || conversation.mode === 'bot' || !conversation.modeCase || conversation.endedAt) {
      return { mode: 'bot' };
    }
    const state: ModeState = { mode: conversation.mode, case: { number: conversation.modeCase } };
    if (conversation.mode === 'waiting') {
      state.queuePosition = queue().findIndex((entry) => entry.id === conversation.id) + 1 || undefined;
      state.expectedReply = reply();
    }
    return state;
  };

  /** One conversation's mode, read now. */
  const tell = (conversationId: string) =>
    options.send(
      conversationId,
      outgoing.mode(modeState(store.getConversation(conversationId), waiting, () => expected().text)),
    );

  /** Everyone waiting learns their place (the queue moved), with one reply time for all. */
  const tellQueue = (queue = waiting()) => {
    const text = expected().text;
    for (const entry of queue) {
      options.send(
        entry.id,
        outgoing.mode(
          modeState(
            entry,
            () => queue,
            () => text,
          ),
        ),
      );
    }
  };

  const appendSystem = (conversationId: string, text: string, caseNumber: string): MessageRecord => {
    const now = clock();
    return store.appendMessage({
      conversationId,
      role: 'system',
      text,
      createdAt: now.toISOString(),
      localDate: toLocalDate(now, timeZone),
      caseNumber,
    });
  };

  /** Back to the bot, with a notice; false when the case did not hold the conversation. */
  const toBot = (caseNumber: string, text: string): boolean => {
    const record = store.getCase(caseNumber);
    if (!record) return false;
    const conversation = store.getConversation(record.conversationId);
    if (!conversation || conversation.mode === 'bot' || conversation.modeCase !== record.number) return false;
    const message = store.transaction(() => {
      store.setConversationMode(record.conversationId, 'bot', undefined, clock().toISOString());
      return appendSystem(record.conversationId, text, record.number);
    });
    options.send(record.conversationId, outgoing.systemMessage(message.text, message.id));
    tell(record.conversationId);
    if (conversation.mode === 'waiting') tellQueue();
    return true;
  };

  /** A person took the case (claimed it or replied): the conversation is theirs. */
  const toStaff = (caseNumber: string, onlyIfWaiting: boolean) => {
    const record = store.getCase(caseNumber);
    if (!record) return;
    const conversation = store.getConversation(record.conversationId);
    if (!conversation || conversation.endedAt) return;
    if (conversation.mode === 'staff' && conversation.modeCase === record.number) return;
    if (onlyIfWaiting && !(conversation.mode === 'waiting' && conversation.modeCase === record.number)) {
      return;
    }
    const wasWaiting = conversation.mode === 'waiting';
    store.setConversationMode(record.conversationId, 'staff', record.number, clock().toISOString());
    tell(record.conversationId);
    if (wasWaiting) tellQueue();
  };

  const onEvent = (event: StaffEvent) => {
    if (event.type === 'staff_message') toStaff(event.caseNumber, false);
    else if (event.type === 'case_changed' && event.action === 'claim') toStaff(event.caseNumber, true);
    else if (event.type === 'case_changed' && event.action === 'resolve') {
      toBot(event.caseNumber, RESOLVED_TEXT);
    }
  };
  const unsubscribe = events.subscribe(onEvent);

  return {
    expected,
    /** What the consent form shows (`GET /api/v1/handover`). */
    info() {
      const hall = options.hall();
      const reply = expected();
      return {
        shared: SHARED_WITH_STAFF,
        expectedReply: reply.text,
        replyBy: reply.replyBy.toISOString(),
        onDuty: reply.onDuty,
        inPerson: inPersonText(hall),
        hotline: hall ? hotlineText(hall) : undefined,
      };
    },
    /** The mode frame for a conversation; undefined while the bot answers. */
    modeFrame(conversationId: string) {
      const state = modeState(store.getConversation(conversationId), waiting, () => expected().text);
      return state.mode === 'bot' ? undefined : outgoing.mode(state);
    },
    /** Sends the conversation its current mode (after it entered `waiting`), and the queue its places. */
    announce(conversationId: string) {
      const queue = waiting();
      if (queue.some((entry) => entry.id === conversationId)) tellQueue(queue);
      else tell(conversationId);
    },
    /** Staff hand the conversation back to the bot (交还智能导办). */
    handBack(number: string, staff: string): StaffCaseView {
      const record = store.getCase(normalizeCaseNumber(number));
      if (!record) throw new CaseNotFoundError(`No case ${number}.`);
      if (toBot(record.number, HANDED_BACK_TEXT)) {
        store.appendAudit({
          at: clock().toISOString(),
          actor: staff,
          action: 'case.hand-back',
          target: record.number,
        });
        events.publish({ type: 'case_changed', caseNumber: record.number, action: 'hand-back' });
      }
      return cases.view(store.getCase(record.number) ?? record);
    },
    /** The citizen is typing in a handed-over conversation: staff see it. */
    citizenTyping(conversationId: string) {
      const conversation = store.getConversation(conversationId);
      if (conversation && conversation.mode !== 'bot' && conversation.modeCase) {
        events.publish({ type: 'citizen_typing', caseNumber: conversation.modeCase });
      }
    },
    /** Tells each citizen waiting longer than the notice minutes, once per wait; returns how many. */
    sweep(): number {
      const now = clock();
      const limit = now.getTime() - options.noticeMinutes * 60_000;
      let told = 0;
      for (const conversation of waiting()) {
        if (conversation.waitNoticeAt || !conversation.modeSince || !conversation.modeCase) continue;
        if (Date.parse(conversation.modeSince) > limit) continue;
        const caseNumber = conversation.modeCase;
        const message = store.transaction(() => {
          store.markWaitNotice(conversation.id, now.toISOString());
          return appendSystem(conversation.id, waitNoticeText(caseNumber, options.hall()), caseNumber);
        });
        options.send(conversation.id, outgoing.systemMessage(message.text, message.id));
        told += 1;
      }
      return told;
    },
    close: unsubscribe,
  };
}

export type HandoverService = ReturnType<typeof createHandoverService>;

/** The confirmation of an opened (or found) case, as the citizen's chat and the kiosk show it. */
export function caseConfirmation(result: {
  record: { number: string; status: string; deadline: string; category: string; phone?: string };
  lookupCode?: string;
  expected: ExpectedReply;
}): CaseConfirmation {
  const { record } = result;
  return {
    number: record.number,
    status: record.status,
    deadline: record.deadline,
    category: record.category,
    lookup: record.phone ? 'phone' : 'code',
    phoneMasked: record.phone ? maskPhone(record.phone) : undefined,
    lookupCode: result.lookupCode,
    expectedReply: result.expected.text,
  };
}
