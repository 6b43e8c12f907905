/**
 * The 办不成事 / escalation case workflow: opening cases from a conversation, the staff actions of
 * the status machine, live delivery of staff replies, and the citizen's lookup by number and the
 * last four digits of the phone. Every staff action is written to the audit log in the same
 * transaction as the change it records.
 */
import { timingSafeEqual } from 'node:crypto';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { toLocalDate } from '../calendar/local-date.ts';
import { maskPersonalText } from '../logging/personal-data-masker.ts';
import type { CaseEventRecord, CaseFilter, CaseRecord, MessageRecord, Store } from '../store/store.ts';
import type { CaseAction, CaseCategory } from './case-types.ts';
import { formatCaseNumber, CASE_PREFIX, normalizeCaseNumber } from './case-number.ts';
import { isOpenStatus, nextStatus } from './case-status.ts';
import { computeDeadline, deadlineStatus, type DeadlinePolicy } from './case-deadline.ts';
import { CaseNotFoundError } from './errors/case-not-found-error.ts';
import type { CaseLookupGuard } from './case-lookup-guard.ts';
import { toStaffCaseEvent, toStaffCaseView, type StaffCaseView } from './staff-case-view.ts';
import type { StaffEventBus } from '../live/staff-event-bus.ts';
import { lookupCodeMatches } from '../handover/lookup-code.ts';

export type { StaffCaseView } from './staff-case-view.ts';

/** Delivers a staff reply to the citizen's open chat, if any; returns whether it reached a socket. */
export interface StaffReplyNotifier {
  deliverStaffReply(conversationId: string, message: MessageRecord): boolean;
}

export interface OpenCaseInput {
  conversationId: string;
  category: CaseCategory;
  itemId?: string;
  itemName?: string;
  zone?: string;
  /** Stored only when the citizen consented. */
  phone?: string;
  consent: boolean;
  description?: string;
  ratingId?: number;
  /** When the bot was not sure which item the case is about: the items it considered. */
  topicCandidates?: { id: string; name: string }[];
  /** Who opened it: `citizen`, `assistant` (automatic escalation) or `ratings`. */
  actor: string;
  /** Further writes that belong with the opening (the hand-over's mode), in its transaction. */
  withOpened?: (record: CaseRecord) => void;
}

export interface CitizenCaseView {
  number: string;
  status: string;
  category: CaseCategory;
  itemName?: string;
  createdAt: string;
  deadline: string;
  replies: { at: string; text: string }[];
}

export interface CaseDetail {
  case: StaffCaseView;
  transcript: { id: number; role: string; text: string; at: string; staff?: string }[];
  history: CaseEventRecord[];
}

export interface CaseServiceOptions {
  store: Store;
  calendar: WorkingCalendar;
  policy: DeadlinePolicy;
  timeZone: string;
  clock?: () => Date;
  notifier?: StaffReplyNotifier;
  /** Per-number lockout of the citizen's lookup; without it only the per-IP limit applies. */
  lookupGuard?: CaseLookupGuard;
  /** Told of every committed change (opened, status actions, staff replies). */
  events?: StaffEventBus;
}

export interface CaseService {
  open(input: OpenCaseInput): CaseRecord;
  /** The citizen's view, with the phone's last four digits or the one-time lookup code. */
  lookup(number: string, proof: { phoneLast4?: string; code?: string }): CitizenCaseView;
  /** Staff set what the case is about (an item of the catalog), or clear it (未确定). */
  setTopic(
    number: string,
    staff: string,
    item: { id: string; name: string; zone?: string } | undefined,
  ): StaffCaseView;
  list(filter: Omit<CaseFilter, 'overdueBefore'> & { overdue?: boolean }): StaffCaseView[];
  detail(number: string): CaseDetail;
  claim(number: string, staff: string): StaffCaseView;
  reply(number: string, staff: string, text: string): { message: MessageRecord; delivered: boolean };
  transfer(
    number: string,
    staff: string,
    department: string,
    note?: string,
    special?: boolean,
  ): StaffCaseView;
  /** 退回: an assigned case goes back to the hall's desk (分办 → 受理), with the reason. */
  returnToDesk(number: string, staff: string, note: string): StaffCaseView;
  resolve(number: string, staff: string, note: string): StaffCaseView;
  followUp(number: string, staff: string, result: string, level?: string): StaffCaseView;
  archive(number: string, staff: string): StaffCaseView;
  revealContact(number: string, staff: string, reason: string): { phone?: string };
  /** Cases opened from a conversation, newest first (for the citizen's own chat). */
  forConversation(conversationId: string): CaseRecord[];
  setNotifier(notifier: StaffReplyNotifier): void;
  view(record: CaseRecord): StaffCaseView;
}

const safeEqual = (left: string, right: string) => {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function createCaseService(options: CaseServiceOptions): CaseService {
  const { store, calendar, policy, timeZone } = options;
  const clock = options.clock ?? (() => new Date());
  let notifier = options.notifier;

  const today = () => toLocalDate(clock(), timeZone);

  const view = (record: CaseRecord): StaffCaseView => {
    const status = deadlineStatus(calendar, record.deadline, record.status, today());
    const conversation = store.getConversation(record.conversationId);
    return toStaffCaseView(record, {
      conversationRef: conversation?.publicId,
      conversationEndedAt: conversation?.endedAt,
      mode: conversation?.modeCase === record.number && !conversation.endedAt ? conversation.mode : undefined,
      ...status,
    });
  };

  const require = (number: string): CaseRecord => {
    const record = store.getCase(normalizeCaseNumber(number));
    if (!record) throw new CaseNotFoundError(`No case ${number}.`);
    return record;
  };

  /** Applies a status-machine action with its field changes, case event and audit entry, atomically. */
  const actInTransaction = (
    number: string,
    staff: string,
    action: CaseAction,
    patch: Partial<CaseRecord>,
    note?: string,
    detail?: Record<string, unknown>,
  ): CaseRecord =>
    store.transaction(() => {
      const record = require(number);
      const status = nextStatus(record.status, action);
      const at = clock().toISOString();
      store.updateCase(record.number, { ...patch, status, updatedAt: at });
      store.appendCaseEvent({
        caseNumber: record.number,
        at,
        actor: staff,
        action,
        fromStatus: record.status,
        toStatus: status,
        note,
      });
      store.appendAudit({
        at,
        actor: staff,
        action: `case.${action}`,
        target: record.number,
        detail: { from: record.status, to: status, ...detail },
      });
      return require(record.number);
    });

  /** `actInTransaction`, then the staff side is told (after the commit). */
  const act = (...args: Parameters<typeof actInTransaction>): CaseRecord => {
    const record = actInTransaction(...args);
    options.events?.publish({ type: 'case_changed', caseNumber: record.number, action: args[2] });
    return record;
  };

  return {
    view,
    setNotifier(next) {
      notifier = next;
    },
    open(input) {
      const opened = store.transaction(() => {
        const now = clock();
        const at = now.toISOString();
        const acceptedDate = toLocalDate(now, timeZone);
        const sequence = store.nextCaseSequence(CASE_PREFIX[input.category], acceptedDate);
        const record: CaseRecord = {
          number: formatCaseNumber(input.category, acceptedDate, sequence),
          conversationId: input.conversationId,
          category: input.category,
          status: '受理',
          itemId: input.itemId,
          itemName: input.itemName,
          zone: input.zone,
          phone: input.consent && input.phone ? input.phone.replace(/\D/g, '') : undefined,
          description: input.description,
          createdAt: at,
          updatedAt: at,
          acceptedDate,
          deadline: computeDeadline(calendar, acceptedDate, input.category, false, policy),
          special: false,
          ratingId: input.ratingId,
          topicCandidates: input.topicCandidates,
        };
        store.insertCase(record);
        store.appendCaseEvent({
          caseNumber: record.number,
          at,
          actor: input.actor,
          action: 'open',
          toStatus: '受理',
          note: input.category,
        });
        store.appendAudit({
          at,
          actor: input.actor,
          action: 'case.open',
          target: record.number,
          detail: { category: input.category, itemId: input.itemId, consent: input.consent },
        });
        input.withOpened?.(record);
        return record;
      });
      options.events?.publish({ type: 'case_opened', caseNumber: opened.number });
      return opened;
    },
    lookup(number, proof) {
      const key = normalizeCaseNumber(number);
      options.lookupGuard?.assertOpen(key);
      const record = store.getCase(key);
      // The same error (and the same count towards the lock) for "no such case", "wrong digits" and
      // "wrong code", so numbers cannot be probed.
      const digits = proof.phoneLast4 && /^\d{4}$/.test(proof.phoneLast4) ? proof.phoneLast4 : '----';
      const matches = proof.code
        ? lookupCodeMatches(key, proof.code, record?.lookupCodeHash)
        : safeEqual(record?.phone?.slice(-4) ?? '', digits);
      if (!record || !matches) {
        options.lookupGuard?.recordFailure(key);
        throw new CaseNotFoundError(`No case ${number} for these digits.`);
      }
      options.lookupGuard?.recordSuccess(key);
      return {
        number: record.number,
        status: record.status,
        category: record.category,
        itemName: record.itemName,
        createdAt: record.createdAt,
        deadline: record.deadline,
        replies: store
          .listCaseMessages(record.number)
          .filter((message) => message.role === 'staff')
          .map((message) => ({ at: message.createdAt, text: message.text })),
      };
    },
    list(filter) {
      const { overdue, ...rest } = filter;
      const records = store.listCases({ ...rest, overdueBefore: overdue ? today() : undefined });
      // Open cases first: overdue, then the nearest deadline; concluded ones after, latest change first.
      return records.map(view).sort((a, b) => {
        const open = Number(isOpenStatus(b.status)) - Number(isOpenStatus(a.status));
        if (open) return open;
        if (!isOpenStatus(a.status)) return b.updatedAt.localeCompare(a.updatedAt);
        return (
          Number(b.overdue) - Number(a.overdue) ||
          a.deadline.localeCompare(b.deadline) ||
          a.createdAt.localeCompare(b.createdAt)
        );
      });
    },
    detail(number) {
      const record = require(number);
      const transcript = store.listMessages(record.conversationId).map((message) => ({
        id: message.id,
        role: message.role,
        text: maskPersonalText(message.text),
        at: message.createdAt,
        staff: message.staffUsername,
      }));
      return {
        case: view(record),
        transcript,
        history: store.listCaseEvents(record.number).map(toStaffCaseEvent),
      };
    },
    claim(number, staff) {
      return view(act(number, staff, 'claim', { assignee: staff }));
    },
    reply(number, staff, text) {
      const message = store.transaction(() => {
        const record = require(number);
        const now = clock();
        const status = nextStatus(record.status, 'reply');
        const at = now.toISOString();
        const saved = store.appendMessage({
          conversationId: record.conversationId,
          role: 'staff',
          text,
          createdAt: at,
          localDate: toLocalDate(now, timeZone),
          caseNumber: record.number,
          staffUsername: staff,
          delivered: false,
        });
        store.updateCase(record.number, {
          status,
          updatedAt: at,
          assignee: record.assignee ?? staff,
          firstReplyAt: record.firstReplyAt ?? at,
        });
        store.appendCaseEvent({
          caseNumber: record.number,
          at,
          actor: staff,
          action: 'reply',
          fromStatus: record.status,
          toStatus: status,
        });
        store.appendAudit({
          at,
          actor: staff,
          action: 'case.reply',
          target: record.number,
          detail: { messageId: saved.id, length: text.length },
        });
        return saved;
      });
      // Sent only after the commit: a reply the citizen saw is always on disk.
      const delivered = notifier?.deliverStaffReply(message.conversationId, message) ?? false;
      if (delivered) store.markDelivered([message.id]);
      options.events?.publish({
        type: 'staff_message',
        caseNumber: message.caseNumber ?? normalizeCaseNumber(number),
        messageId: message.id,
        staff,
      });
      return { message: { ...message, delivered }, delivered };
    },
    transfer(number, staff, department, note, special) {
      const transferred = store.transaction(() => {
        const record = require(number);
        // The department now owns the case, so the personal assignee is cleared.
        const patch: Partial<CaseRecord> = { department, assignee: undefined };
        if (special && !record.special) {
          patch.special = true;
          patch.deadline = computeDeadline(calendar, record.acceptedDate, record.category, true, policy);
        }
        return actInTransaction(number, staff, 'transfer', patch, note, {
          department,
          special: Boolean(special),
        });
      });
      options.events?.publish({ type: 'case_changed', caseNumber: transferred.number, action: 'transfer' });
      return view(transferred);
    },
    returnToDesk(number, staff, note) {
      // The department gives the case back: nobody owns it until the desk assigns it again.
      return view(act(number, staff, 'return', { department: undefined, assignee: undefined }, note));
    },
    resolve(number, staff, note) {
      return view(act(number, staff, 'resolve', { resolution: note, closedAt: clock().toISOString() }, note));
    },
    followUp(number, staff, result, level) {
      return view(
        act(number, staff, 'follow-up', { followUp: level ? `${level}：${result}` : result }, result, {
          level,
        }),
      );
    },
    archive(number, staff) {
      return view(act(number, staff, 'archive', {}));
    },
    setTopic(number, staff, item) {
      const record = store.transaction(() => {
        const current = require(number);
        const at = clock().toISOString();
        store.updateCase(current.number, {
          itemId: item?.id,
          itemName: item?.name,
          zone: item ? (item.zone ?? current.zone) : current.zone,
          updatedAt: at,
        });
        store.appendAudit({
          at,
          actor: staff,
          action: 'case.topic',
          target: current.number,
          detail: { from: current.itemId, to: item?.id },
        });
        return require(current.number);
      });
      options.events?.publish({ type: 'case_changed', caseNumber: record.number, action: 'topic' });
      return view(record);
    },
    revealContact(number, staff, reason) {
      const record = require(number);
      store.appendAudit({
        at: clock().toISOString(),
        actor: staff,
        action: 'case.reveal-contact',
        target: record.number,
        detail: { reason },
      });
      return { phone: record.phone };
    },
    forConversation(conversationId) {
      return store.listCases({ conversationId }).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
