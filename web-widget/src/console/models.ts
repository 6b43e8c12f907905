/**
 * What the console reads from the staff API. Fields the server may omit are optional; the console
 * shows what there is rather than failing on a missing detail.
 */
import type { WeeklyCaseFigures } from '../../../bot/analytics/case-times.ts';

export type { WeeklyCaseFigures };
export interface StaffUser {
  username: string;
  role: string;
  department?: string;
}

export interface CaseSummary {
  number: string;
  status: string;
  category: string;
  itemName?: string;
  itemId?: string;
  department?: string;
  createdAt: string;
  deadline: string;
  overdue?: boolean;
  /** Working days left before the deadline (negative when overdue), counted by the hall calendar. */
  workingDaysLeft?: number;
  remainingWorkingDays?: number;
  description?: string;
  phone?: string;
  phoneMasked?: string;
  hasPhone?: boolean;
  assignee?: string;
  resolution?: string;
  followUp?: string;
  /**
   * The conversation's public id (`cv~…`): for telling conversations apart and quoting to
   * colleagues. It cannot open the citizen's chat; the session key never reaches the console.
   */
  conversationRef?: string;
  /** Set once the citizen ended the conversation: replies no longer reach an open chat. */
  conversationEndedAt?: string;
  zone?: string;
  /** The status-machine actions allowed now (bot/cases/case-status.ts); the console offers only these. */
  actions?: CaseAction[];
  /** Who answers the case's conversation while this case holds it. */
  mode?: ConversationMode | null;
  /** The item the citizen was asking about, when the server is confident; else null ("未确定"). */
  topic?: { itemId: string; itemName?: string } | null;
  topicCandidates?: { id: string; name: string }[];
}

export type CaseAction = 'claim' | 'reply' | 'transfer' | 'return' | 'resolve' | 'follow-up' | 'archive';
export type ConversationMode = 'bot' | 'waiting' | 'staff';

export interface TranscriptEntry {
  id?: number;
  at?: string;
  /** citizen, assistant, staff or system (`from` in older payloads). */
  role?: string;
  from?: string;
  staff?: string;
  text: string;
}

export interface CaseHistoryEntry {
  at?: string;
  action: string;
  actor?: string;
  note?: string;
}

export interface CaseDetail {
  case: CaseSummary;
  transcript: TranscriptEntry[];
  history: CaseHistoryEntry[];
}

export interface RatingEntry {
  id: string | number;
  level: string;
  target: string;
  comment?: string;
  createdAt?: string;
  caseNumber?: string;
  itemName?: string;
  question?: string;
}

export interface GapGroup {
  question: string;
  count: number;
  examples?: string[];
  lastAt?: string;
  itemId?: string;
}

export interface NamedCount {
  name: string;
  count: number;
}

/** One row of satisfaction per item or zone: `poor` counts 不满意 and 非常不满意. */
export interface SatisfactionRow {
  key?: string;
  name: string;
  count: number;
  poor: number;
  average?: number;
}

export interface Analytics {
  totals?: {
    conversations: number;
    questions?: number;
    escalatedConversations?: number;
    casesOpened?: number;
  };
  dailyVolume?: {
    date: string;
    conversations: number;
    questions?: number;
    casesOpened?: number;
    escalatedAnswers?: number;
  }[];
  escalationRate?: number;
  satisfaction?: { byItem?: SatisfactionRow[]; byZone?: SatisfactionRow[] };
  topItems?: { itemName?: string; name?: string; count: number }[];
  gaps?: GapGroup[];
  /** The hall-calendar days the report covers (both inclusive). */
  range?: { from: string; to: string };
  /** 首问负责 / 限时办结 per week of acceptance (bot/analytics/case-times.ts). */
  weeklyCases?: WeeklyCaseFigures[];
}

/** The hall's case statuses, in workflow order (受理 → 分办 → 办理中 → 办结 → 回访 → 归档). */
export const CASE_STATUSES = ['受理', '分办', '办理中', '办结', '回访', '归档'];
/** Statuses in which the deadline runs; a concluded case shows no countdown and no deadline colour. */
export const OPEN_STATUSES = ['受理', '分办', '办理中'];
export const isOpenCase = (entry: { status: string }): boolean => OPEN_STATUSES.includes(entry.status);
export const CASE_CATEGORIES = ['办不成事反映', '咨询转人工', '投诉', '整改'];

export const statusLabel = (status: string): string => status;
