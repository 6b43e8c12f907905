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

export interface AnalyticsQueries {
  dailyVolume(range: DateRange): DailyVolumeRow[];
  topItems(range: DateRange, limit: number): ItemCountRow[];
  gaps(range: DateRange, limit: number): GapRow[];
  conversationCounts(range: DateRange): { conversations: number; escalated: number };
  satisfaction(range: DateRange, by: 'item' | 'zone'): SatisfactionRow[];
  firstStaffReplies(range: DateRange): ResponseTimeRow[];
}
