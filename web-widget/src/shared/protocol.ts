/**
 * The websocket messages of `/ws` (docs/http-api.md): the Botkit web-chat protocol plus the
 * escalate / rate / case extensions. Incoming frames are parsed defensively, because a browser must
 * not trust what arrives on a socket any more than what a user types.
 */
import type { Answer, EscalationCategory } from '../../../bot/types.ts';
import type { RatingLevel } from './rating-levels.ts';

export type { Answer, EscalationCategory };

export interface QuickReply {
  title: string;
  payload: string;
}

export interface CaseInfo {
  number: string;
  status?: string;
  deadline?: string;
  category?: string;
  /** How the citizen looks the case up: number + phone's last four digits, or number + code. */
  lookup?: 'phone' | 'code';
  phoneMasked?: string;
  /** The one-time lookup code, given only once (when no phone was left). */
  lookupCode?: string;
  expectedReply?: string;
}

/** Who answers the conversation: the assistant, nobody yet (queued for staff), or a staff member. */
export type ConversationMode = 'bot' | 'waiting' | 'staff';

export interface ModeInfo {
  mode: ConversationMode;
  caseNumber?: string;
  queuePosition?: number;
  expectedReply?: string;
}

export type ClientFrame =
  | { type: 'hello' | 'welcome_back'; user: string }
  /** An older page of the history: the messages before message id `before`. */
  | { type: 'history'; user: string; before: number }
  /** Ends the conversation: the session key can no longer resume it. */
  | { type: 'end'; user: string }
  /** `clientId` lets the server acknowledge the message and ignore a resent copy. */
  | { type: 'message'; text: string; user: string; clientId?: string }
  | { type: 'typing'; user: string }
  | {
      type: 'escalate';
      user: string;
      category?: EscalationCategory;
      phone?: string;
      consent?: boolean;
      description?: string;
    }
  | {
      type: 'rate';
      user: string;
      target: 'answer' | 'conversation' | 'case';
      targetId?: string;
      level: RatingLevel;
      comment?: string;
    };

/** A message as the UI shows it, whoever sent it. */
export interface ChatMessage {
  from: 'citizen' | 'bot' | 'staff' | 'system';
  text: string;
  id?: string;
  at?: string;
  quickReplies: QuickReply[];
  answer?: Answer;
  caseNumber?: string;
}

export type ServerFrame =
  /** The assistant (no `from`) or a staff member is writing. */
  | { type: 'typing'; from?: 'staff' }
  /** The message sent with `clientId` is stored as `messageId`. */
  | { type: 'ack'; clientId: string; messageId: string }
  | ({ type: 'mode' } & ModeInfo)
  | { type: 'message'; message: ChatMessage }
  /** The latest page of a returning visitor's history; `more` when older messages exist. */
  | { type: 'history'; messages: ChatMessage[]; more: boolean }
  /** An older page, the answer to `{ type: "history", before }`. */
  | { type: 'history_page'; messages: ChatMessage[]; more: boolean }
  | { type: 'case_opened'; case: CaseInfo }
  | { type: 'error'; code: string; message: string }
  | { type: 'rated'; caseNumber?: string }
  /** The conversation was ended (here or in another tab); the server closes the socket. */
  | { type: 'ended' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function parseQuickReplies(value: unknown): QuickReply[] {
  if (!Array.isArray(value)) return [];
  const replies: QuickReply[] = [];
  for (const entry of value) {
    if (typeof entry === 'string') replies.push({ title: entry, payload: entry });
    else if (isRecord(entry) && typeof entry.title === 'string') {
      replies.push({ title: entry.title, payload: asString(entry.payload) ?? entry.title });
    }
  }
  return replies;
}

function parseAnswer(value: unknown): Answer | undefined {
  if (!isRecord(value) || typeof value.answer !== 'string') return undefined;
  return value as unknown as Answer;
}

const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

const FROM_VALUES = ['citizen', 'bot', 'staff', 'system'] as const;

/** A chat message from a `message` frame or a `history` entry. */
export function parseChatMessage(value: unknown): ChatMessage | undefined {
  if (!isRecord(value)) return undefined;
  const answer = parseAnswer(value.answer);
  const text = asString(value.text) ?? answer?.answer;
  if (text === undefined) return undefined;
  const rawFrom = asString(value.from) ?? asString(value.role) ?? asString(value.sender);
  const from =
    rawFrom === 'user' || rawFrom === 'visitor'
      ? 'citizen'
      : (FROM_VALUES as readonly string[]).includes(rawFrom ?? '')
        ? (rawFrom as ChatMessage['from'])
        : 'bot';
  const caseValue = isRecord(value.case) ? asString(value.case.number) : undefined;
  return {
    from,
    text,
    id: idOf(value.messageId) ?? idOf(value.id),
    at: asString(value.at) ?? asString(value.createdAt),
    quickReplies: parseQuickReplies(value.quick_replies ?? answer?.quickReplies),
    answer,
    caseNumber: caseValue ?? asString(value.caseNumber),
  };
}

export function parseServerFrame(raw: string): ServerFrame | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'typing':
      return value.from === 'staff' ? { type: 'typing', from: 'staff' } : { type: 'typing' };
    case 'ack': {
      const clientId = asString(value.clientId);
      const messageId = idOf(value.messageId);
      return clientId && messageId ? { type: 'ack', clientId, messageId } : undefined;
    }
    case 'mode': {
      const mode = value.mode;
      if (mode !== 'bot' && mode !== 'waiting' && mode !== 'staff') return undefined;
      const position = value.queuePosition;
      return {
        type: 'mode',
        mode,
        caseNumber: isRecord(value.case) ? asString(value.case.number) : undefined,
        queuePosition: typeof position === 'number' && position > 0 ? Math.floor(position) : undefined,
        expectedReply: asString(value.expectedReply),
      };
    }
    case 'message': {
      const message = parseChatMessage(value);
      return message ? { type: 'message', message } : undefined;
    }
    case 'history':
    case 'history_page': {
      const messages = Array.isArray(value.messages) ? value.messages.map(parseChatMessage) : [];
      return {
        type: value.type,
        messages: messages.filter((entry): entry is ChatMessage => entry !== undefined),
        more: value.more === true,
      };
    }
    case 'case_opened': {
      const info = isRecord(value.case) ? value.case : undefined;
      const number = asString(info?.number);
      if (!number) return undefined;
      const lookup = info?.lookup;
      return {
        type: 'case_opened',
        case: {
          number,
          status: asString(info?.status),
          deadline: asString(info?.deadline),
          category: asString(info?.category),
          lookup: lookup === 'phone' || lookup === 'code' ? lookup : undefined,
          phoneMasked: asString(info?.phoneMasked),
          lookupCode: asString(info?.lookupCode),
          expectedReply: asString(info?.expectedReply),
        },
      };
    }
    case 'rated':
      return { type: 'rated', caseNumber: asString(value.caseNumber) };
    case 'ended':
      return { type: 'ended' };
    case 'error': {
      const error = isRecord(value.error) ? value.error : {};
      return {
        type: 'error',
        code: asString(error.code) ?? 'ERROR',
        message: asString(error.message) ?? '服务暂时出现问题，请稍后再试。',
      };
    }
    default:
      return undefined;
  }
}
