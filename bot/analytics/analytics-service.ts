/**
 * Analytics for the hall's managers: volume per day, the items most asked about, knowledge gaps
 * (questions answered with low confidence), escalation rate, 好差评 satisfaction per item and zone,
 * and staff response times. Question texts are masked: analytics never shows personal data.
 */
import { addCalendarDays, isLocalDate, toLocalDate } from '../calendar/local-date.ts';
import { maskPersonalText } from '../logging/personal-data-masker.ts';
import type {
  DateRange,
  DailyVolumeRow,
  GapRow,
  ItemCountRow,
  SatisfactionRow,
} from '../store/analytics-queries.ts';
import type { Store } from '../store/store.ts';
import { toCsv } from './csv.ts';
import { gapKey } from './gap-key.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import {
  caseTimesOf,
  median,
  weeklyCaseFigures,
  type CaseTimes,
  type WeeklyCaseFigures,
} from './case-times.ts';

export interface StaffResponseTime {
  staff: string;
  cases: number;
  averageMinutes: number;
  medianMinutes: number;
}

export interface AnalyticsReport {
  range: DateRange;
  totals: { conversations: number; questions: number; escalatedConversations: number; casesOpened: number };
  escalationRate: number;
  dailyVolume: DailyVolumeRow[];
  topItems: ItemCountRow[];
  gaps: GapRow[];
  satisfaction: { byItem: SatisfactionRow[]; byZone: SatisfactionRow[] };
  staffResponseTimes: StaffResponseTime[];
  /** 首问负责 / 限时办结 per week of acceptance. */
  weeklyCases: WeeklyCaseFigures[];
  /** The same figures per case, oldest first. */
  caseTimes: CaseTimes[];
}

function openGaps(store: Store, gaps: GapRow[]): GapRow[] {
  const marked = new Set(store.listGapMarks().map((mark) => mark.questionKey));
  return gaps.filter((gap) => !marked.has(gapKey(gap.question)));
}

export const CSV_REPORTS = ['daily', 'items', 'gaps', 'satisfaction', 'staff', 'weekly', 'cases'] as const;
export type CsvReport = (typeof CSV_REPORTS)[number];

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

const percent = (share: number) => `${round(share * 100, 1)}%`;
const yesNo = (value: boolean | undefined) => (value === undefined ? '办理中' : value ? '是' : '否');

export function createAnalyticsService(options: {
  store: Store;
  timeZone: string;
  /** The hall's working days, for the working-day figures of cases. */
  calendar: WorkingCalendar;
  clock?: () => Date;
}) {
  const { store, timeZone, calendar } = options;
  const clock = options.clock ?? (() => new Date());

  /** Defaults to the last 30 days of the hall calendar; invalid dates fall back to the default. */
  const rangeOf = (from?: string, to?: string): DateRange => {
    const today = toLocalDate(clock(), timeZone);
    const end = to && isLocalDate(to) ? to : today;
    const start = from && isLocalDate(from) ? from : addCalendarDays(end, -29);
    return start <= end ? { from: start, to: end } : { from: end, to: start };
  };

  const report = (range: DateRange): AnalyticsReport => {
    const today = toLocalDate(clock(), timeZone);
    const caseTimes = store.analytics
      .caseTimes(range)
      .map((row) => caseTimesOf(row, { calendar, timeZone, today }));
    const daily = store.analytics.dailyVolume(range);
    const counts = store.analytics.conversationCounts(range);
    const byStaff = new Map<string, number[]>();
    for (const row of store.analytics.firstStaffReplies(range)) {
      const minutes = (Date.parse(row.firstReplyAt) - Date.parse(row.createdAt)) / 60_000;
      byStaff.set(row.staff, [...(byStaff.get(row.staff) ?? []), minutes]);
    }
    return {
      range,
      totals: {
        conversations: counts.conversations,
        questions: daily.reduce((sum, row) => sum + row.questions, 0),
        escalatedConversations: counts.escalated,
        casesOpened: daily.reduce((sum, row) => sum + row.casesOpened, 0),
      },
      escalationRate: counts.conversations ? round(counts.escalated / counts.conversations, 4) : 0,
      dailyVolume: daily,
      topItems: store.analytics.topItems(range, 20),
      // Dismissed or answered gaps are dealt with: the report lists those still open, as the console does.
      gaps: openGaps(store, store.analytics.gaps(range, 50)).map((gap) => ({
        ...gap,
        question: maskPersonalText(gap.question),
      })),
      satisfaction: {
        byItem: store.analytics.satisfaction(range, 'item'),
        byZone: store.analytics.satisfaction(range, 'zone'),
      },
      staffResponseTimes: [...byStaff].map(([staff, minutes]) => ({
        staff,
        cases: minutes.length,
        averageMinutes: round(minutes.reduce((sum, value) => sum + value, 0) / minutes.length),
        medianMinutes: round(median(minutes) ?? 0),
      })),
      weeklyCases: weeklyCaseFigures(caseTimes),
      caseTimes,
    };
  };

  const csv = (kind: CsvReport, range: DateRange): string => {
    const data = report(range);
    switch (kind) {
      case 'daily':
        return toCsv(
          ['日期', '会话数', '提问数', '转人工回答数', '低置信回答数', '新建工单数'],
          data.dailyVolume.map((row) => [
            row.date,
            row.conversations,
            row.questions,
            row.escalatedAnswers,
            row.lowConfidence,
            row.casesOpened,
          ]),
        );
      case 'items':
        return toCsv(
          ['事项编码', '事项名称', '专区', '咨询次数'],
          data.topItems.map((row) => [row.itemId, row.itemName, row.zone, row.count]),
        );
      case 'gaps':
        return toCsv(
          ['问题（已脱敏）', '次数', '最近时间', '意图'],
          data.gaps.map((row) => [row.question, row.count, row.lastAt, row.intent]),
        );
      case 'satisfaction':
        return toCsv(
          ['维度', '编码/名称', '名称', '评价数', '平均分（5分制）', '差评数'],
          [
            ...data.satisfaction.byItem.map((row) => [
              '事项',
              row.key,
              row.name,
              row.count,
              row.average,
              row.poor,
            ]),
            ...data.satisfaction.byZone.map((row) => [
              '专区',
              row.key,
              row.name,
              row.count,
              row.average,
              row.poor,
            ]),
          ],
        );
      case 'staff':
        return toCsv(
          ['工作人员', '首次答复件数', '平均响应（分钟）', '响应中位数（分钟）'],
          data.staffResponseTimes.map((row) => [row.staff, row.cases, row.averageMinutes, row.medianMinutes]),
        );
      case 'weekly':
        return toCsv(
          [
            '周（起始日）',
            '新建工单数',
            '已首次答复数',
            '已办结数',
            '首次响应中位数（分钟）',
            '办结用时中位数（小时）',
            '按时限办结占比',
            '5个工作日内办结占比',
            '10个工作日内办结占比',
          ],
          data.weeklyCases.map((row) => [
            row.weekStart,
            row.casesOpened,
            row.responded,
            row.resolved,
            row.medianFirstResponseMinutes,
            row.medianResolutionHours,
            percent(row.withinDeadlineShare),
            percent(row.within5WorkingDaysShare),
            percent(row.within10WorkingDaysShare),
          ]),
        );
      case 'cases':
        return toCsv(
          [
            '工单号',
            '类别',
            '状态',
            '受理日期',
            '办理时限',
            '首次响应（分钟）',
            '办结用时（小时）',
            '办结用时（工作日）',
            '是否按时限办结',
          ],
          data.caseTimes.map((row) => [
            row.caseNumber,
            row.category,
            row.status,
            row.acceptedDate,
            row.deadline,
            row.firstResponseMinutes,
            row.resolutionHours,
            row.workingDaysToClose,
            yesNo(row.metDeadline),
          ]),
        );
    }
  };

  return { rangeOf, report, csv };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
