/**
 * The analytics dashboard for a date range (近7天, 近30天, 本月 or 自定义): daily volume with
 * escalations, escalation rate, satisfaction, top items, unanswered questions, and per week the
 * 首问负责 / 限时办结 figures of cases; each exportable as CSV for the same range.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { dateRangeControls, rangeQuery } from './date-range.ts';
import type { DateRange } from './date-range.ts';
import { errorText } from './login-view.ts';
import type { Analytics, SatisfactionRow, WeeklyCaseFigures } from './models.ts';
import { api } from './staff-api.ts';
import { barList, columnChart } from './svg-chart.ts';

const percent = (value: number | undefined): string =>
  value === undefined || Number.isNaN(value) ? '—' : `${(value * 100).toFixed(1)}%`;
const csvLink = (report: string, text: string, range: DateRange) =>
  h('a', {
    class: 'button',
    text,
    attrs: {
      href: `/api/v1/staff/analytics.csv?report=${report}&${rangeQuery(range)}`,
      download: `daoban-${report}-${range.from}-${range.to}.csv`,
    },
  });

const minutesText = (minutes: number | undefined): string =>
  minutes === undefined ? '—' : minutes < 60 ? `${minutes}分钟` : `${(minutes / 60).toFixed(1)}小时`;
const hoursText = (hours: number | undefined): string =>
  hours === undefined ? '—' : hours < 48 ? `${hours}小时` : `${(hours / 24).toFixed(1)}天`;

/** 满意率 as the 好差评 scheme reports it: the share of ratings that are not 差评. */
const satisfiedShare = (row: SatisfactionRow): number =>
  row.count > 0 ? (row.count - row.poor) / row.count : NaN;

function satisfactionOf(analytics: Analytics): { rate?: number; perZone: { name: string; rate: number }[] } {
  const rows = analytics.satisfaction?.byZone?.length
    ? analytics.satisfaction.byZone
    : (analytics.satisfaction?.byItem ?? []);
  const count = rows.reduce((sum, row) => sum + row.count, 0);
  const poor = rows.reduce((sum, row) => sum + row.poor, 0);
  return {
    rate: count > 0 ? (count - poor) / count : undefined,
    perZone: (analytics.satisfaction?.byZone ?? []).map((row) => ({
      name: row.name || row.key || '未分区',
      rate: satisfiedShare(row),
    })),
  };
}

export function analyticsView(): HTMLElement {
  const body = h('div', { class: 'dashboard' }, h('p', { class: 'muted', text: '正在加载…' }));
  const period = h('p', { class: 'muted', attrs: { id: 'range-shown', 'aria-live': 'polite' } });
  let generation = 0;
  const load = (range: DateRange | undefined): void => {
    const mine = ++generation;
    period.textContent = '正在加载…';
    api
      .get<Analytics>(`/staff/analytics?${rangeQuery(range)}`)
      .then((analytics) => {
        if (mine !== generation) return;
        const shown = analytics.range ?? range ?? { from: '', to: '' };
        controls.shown(shown);
        period.textContent = `统计时段：${shown.from} 至 ${shown.to}`;
        const daily = analytics.dailyVolume ?? [];
        const total =
          analytics.totals?.conversations ?? daily.reduce((sum, day) => sum + day.conversations, 0);
        const satisfaction = satisfactionOf(analytics);
        replaceChildren(
          body,
          h(
            'div',
            { class: 'kpis' },
            kpi('咨询量', String(total)),
            kpi('转人工率', percent(analytics.escalationRate)),
            kpi('满意率', percent(satisfaction.rate)),
            kpi('未解答问题', String((analytics.gaps ?? []).reduce((sum, gap) => sum + gap.count, 0))),
          ),
          panel(
            '每日咨询量（深色为转人工工单）',
            columnChart(
              daily.map((day) => ({
                label: day.date.slice(5),
                value: day.conversations,
                secondary: day.casesOpened,
              })),
              { title: '每日咨询量' },
            ),
            csvLink('daily', '导出CSV', shown),
          ),
          panel(
            '热门事项',
            barList(
              (analytics.topItems ?? [])
                .slice(0, 10)
                .map((item) => ({ label: item.itemName ?? item.name ?? '', value: item.count })),
              { title: '热门事项' },
            ),
            csvLink('items', '导出CSV', shown),
          ),
          panel(
            '各专区满意率',
            satisfaction.perZone.length
              ? barList(
                  satisfaction.perZone.map((zone) => ({ label: zone.name, value: zone.rate })),
                  { title: '各专区满意率', format: percent },
                )
              : h('p', { class: 'muted', text: '暂无评价数据。' }),
            csvLink('satisfaction', '导出CSV', shown),
          ),
          panel(
            '未解答问题',
            h(
              'ol',
              {},
              ...(analytics.gaps ?? [])
                .slice(0, 10)
                .map((gap) => h('li', { text: `${gap.question}（${gap.count}次）` })),
            ),
            csvLink('gaps', '导出CSV', shown),
          ),
          weeklyPanel(analytics.weeklyCases ?? [], shown),
        );
      })
      .catch((reason: unknown) => {
        if (mine !== generation) return;
        period.textContent = '';
        replaceChildren(body, h('p', { class: 'error', text: errorText(reason) }));
      });
  };
  const controls = dateRangeControls(load);
  load(controls.range);
  return h('section', { class: 'view' }, h('h1', { text: '统计分析' }), controls.element, period, body);
}

/** 首问负责 and 限时办结 per week: medians of the times, shares of the week's cases closed in time. */
function weeklyPanel(weeks: WeeklyCaseFigures[], range: DateRange): HTMLElement {
  const headers = [
    '周（起始日）',
    '新建工单',
    '首次响应中位数',
    '办结用时中位数',
    '时限内办结',
    '5个工作日内办结',
    '10个工作日内办结',
  ];
  const content = weeks.length
    ? h(
        'table',
        { class: 'weekly' },
        h('caption', { class: 'visually-hidden', text: '每周首问负责与限时办结情况' }),
        h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', { text, attrs: { scope: 'col' } })))),
        h(
          'tbody',
          {},
          ...weeks.map((week) =>
            h(
              'tr',
              { attrs: { 'data-week': week.weekStart } },
              h('th', { text: week.weekStart, attrs: { scope: 'row' } }),
              h('td', { text: String(week.casesOpened) }),
              h('td', { text: minutesText(week.medianFirstResponseMinutes) }),
              h('td', { text: hoursText(week.medianResolutionHours) }),
              h('td', { text: percent(week.withinDeadlineShare) }),
              h('td', { text: percent(week.within5WorkingDaysShare) }),
              h('td', { text: percent(week.within10WorkingDaysShare) }),
            ),
          ),
        ),
      )
    : h('p', { class: 'muted', text: '本时段没有新建工单。' });
  return h(
    'section',
    { class: 'panel card wide' },
    h(
      'div',
      { class: 'panel-head' },
      h('h2', { text: '首问负责与限时办结（按周）' }),
      h('span', {}, csvLink('weekly', '导出周报CSV', range), ' ', csvLink('cases', '导出工单明细CSV', range)),
    ),
    content,
  );
}

function kpi(label: string, value: string): HTMLElement {
  return h(
    'div',
    { class: 'kpi card' },
    h('span', { class: 'kpi-label', text: label }),
    h('strong', { text: value }),
  );
}

function panel(title: string, content: Node, action: Node): HTMLElement {
  return h(
    'section',
    { class: 'panel card' },
    h('div', { class: 'panel-head' }, h('h2', { text: title }), action),
    content,
  );
}
