/** Aggregate reads behind the analytics API; date bounds are hall-calendar days, inclusive. */

export interface DateRange {
  from: string;
  to: string;
}

export interface DailyVolumeRow {
  date: string;
  conversations: number;
  questions: number;
  escalatedAnswers: number;
  lowConfidence: number;
  casesOpened: number;
}

export interface ItemCountRow {
  itemId: string;
  itemName: string;
  zone?: string;
  count: number;
}

export interface GapRow {
  question: string;
  count: number;
  lastAt: string;
  intent?: string;
}

export interface SatisfactionRow {
  key: string;
  name: string;
  count: number;
  average: number;
  poor: number;
}

export interface ResponseTimeRow {
  caseNumber: string;
  createdAt: string;
  firstReplyAt: string;
  staff: string;
}

/** One case's times for 首问负责 / 限时办结: when it was opened, first answered and concluded. */
export interface CaseTimesRow {
  caseNumber: string;
  category: string;
  status: string;
  createdAt: string;
  acceptedDate: string;
  deadline: string;
  firstReplyAt?: string;
  closedAt?: string;
}

export interface AnalyticsQueries {
  dailyVolume(range: DateRange): DailyVolumeRow[];
  topItems(range: DateRange, limit: number): ItemCountRow[];
  gaps(range: DateRange, limit: number): GapRow[];
  conversationCounts(range: DateRange): { conversations: number; escalated: number };
  satisfaction(range: DateRange, by: 'item' | 'zone'): SatisfactionRow[];
  firstStaffReplies(range: DateRange): ResponseTimeRow[];
  /** Cases accepted in the range, oldest first. */
  caseTimes(range: DateRange): CaseTimesRow[];
}
