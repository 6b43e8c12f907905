/**
 * The Botkit web-chat protocol as this server speaks it (docs/http-api.md): the incoming event
 * shapes, validated, and builders for the outgoing ones.
 */
import { z } from 'zod';
import type { Answer } from '../../types.ts';
import { SESSION_ID_PATTERN } from '../services/session-id.ts';
import { SATISFACTION_LEVELS } from '../../ratings/satisfaction-levels.ts';
import type { HistoryPage } from './history-page.ts';

const user = z.string().regex(SESSION_ID_PATTERN);

export const incomingSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), user }),
  z.object({ type: z.literal('welcome_back'), user }),
  // An older page of the history: the messages before message `before`.
  z.object({ type: z.literal('history'), user, before: z.number().int().positive() }),
  // The citizen is typing (Botkit clients send it); accepted and budgeted, answered with nothing.
  z.object({ type: z.literal('typing'), user }),
  // The citizen ends the conversation: the session key can no longer resume it.
  z.object({ type: z.literal('end'), user }),
  z.object({
    type: z.literal('message'),
    user,
    text: z.string(),
    // The client's id of the message: a resend after a lost connection is taken once.
    clientId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
  }),
  z.object({
    type: z.literal('escalate'),
    user,
    category: z.enum(['办不成事反映', '投诉', '咨询转人工']).optional(),
    phone: z
      .string()
      .transform((value) => value.replace(/[\s-]/g, ''))
      .refine((value) => /^1[3-9]\d{9}$/.test(value))
      .optional(),
    consent: z.boolean().optional(),
    description: z.string().max(2000).optional(),
  }),
  z.object({
    type: z.literal('rate'),
    user,
    target: z.enum(['answer', 'conversation', 'case']),
    targetId: z
      .union([z.string().max(80), z.number().int().nonnegative()])
      .transform(String)
      .optional(),
    level: z.enum(SATISFACTION_LEVELS),
    comment: z.string().max(500).optional(),
  }),
]);

export type IncomingEvent = z.infer<typeof incomingSchema>;

export interface QuickReply {
  title: string;
  payload: string;
}

export const quickReplies = (titles: string[]): QuickReply[] =>
  titles.map((title) => ({ title, payload: title }));

export const WELCOME_TEXT =
  '您好！我是政务服务大厅智能导办。请告诉我您想办理的事项，我可以告诉您需要带什么材料、到哪个窗口、多久能办好。';
export const WELCOME_QUICK_REPLIES = ['营业执照怎么办', '社保卡补办', '办不成事反映', '转人工'];

/** How the sockets of a session are closed once its conversation has ended (after `ended`). */
export const CLOSE_CONVERSATION_ENDED = { code: 1000, reason: '对话已结束' } as const;

/** What the citizen is told once a case is opened: the number and how to follow it. */
export interface CaseConfirmation {
  number: string;
  status: string;
  deadline: string;
  category: string;
  lookup: 'phone' | 'code';
  phoneMasked?: string;
  /** Only when no phone was left; shown once, stored hashed. */
  lookupCode?: string;
  expectedReply: string;
}

export interface ModeState {
  mode: 'bot' | 'waiting' | 'staff';
  case?: { number: string };
  queuePosition?: number;
  expectedReply?: string;
}

export const outgoing = {
  typing: () => ({ type: 'typing' as const }),
  /** A staff member is writing in the citizen's case. */
  staffTyping: () => ({ type: 'typing' as const, from: 'staff' as const }),
  answer: (answer: Answer, messageId: number) => ({
    type: 'message' as const,
    text: answer.answer,
    quick_replies: quickReplies(answer.quickReplies),
    answer,
    messageId,
  }),
  welcome: () => ({
    type: 'message' as const,
    text: WELCOME_TEXT,
    quick_replies: quickReplies(WELCOME_QUICK_REPLIES),
  }),
  /** The first page, once per socket after welcome_back; `more` when older messages exist. */
  history: (page: HistoryPage) => ({ type: 'history' as const, ...page }),
  /** An older page, asked for with `{ type: "history", before }`. */
  historyPage: (page: HistoryPage) => ({ type: 'history_page' as const, ...page }),
  staffReply: (text: string, caseNumber: string, messageId: number, at: string) => ({
    type: 'message' as const,
    from: 'staff' as const,
    text,
    case: { number: caseNumber },
    messageId,
    at,
    quick_replies: [] as QuickReply[],
  }),
  caseOpened: (confirmation: CaseConfirmation) => ({ type: 'case_opened' as const, case: confirmation }),
  /** A citizen message with a client id is committed (sent again for a resend of the same id). */
  ack: (clientId: string, messageId: number) => ({ type: 'ack' as const, clientId, messageId }),
  /** Who answers the citizen now; sent on a change and after the greeting when not the bot. */
  mode: (state: ModeState) => ({ type: 'mode' as const, ...state }),
  /** A notice of the hall's side (hand-over declined, nobody has replied yet, back to the bot). */
  systemMessage: (text: string, messageId: number) => ({
    type: 'message' as const,
    from: 'system' as const,
    text,
    messageId,
    quick_replies: [] as QuickReply[],
  }),
  rated: (id: number, caseNumber?: string) => ({ type: 'rated' as const, id, caseNumber }),
  /** The conversation has ended; the socket is closed after this. */
  ended: () => ({ type: 'ended' as const }),
  error: (code: string, message: string, retryAfter?: number) => ({
    type: 'error' as const,
    error: { code, message, retryAfter },
  }),
};
