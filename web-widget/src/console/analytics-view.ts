/**
 * The analytics dashboard: daily volume with escalations, escalation rate, satisfaction, top items
 * and unanswered questions, each exportable as CSV for the hall's monthly report.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { errorText } from './login-view.ts';
import type { Analytics, SatisfactionRow } from './models.ts';
import { api } from './staff-api.ts';
import { barList, columnChart } from './svg-chart.ts';

const percent = (value: number | undefined): string =>
  value === undefined || Number.isNaN(value) ? '—' : `${(value * 100).toFixed(1)}%`;
const csvLink = (report: string, text: string) =>
  h('a', {
    class: 'button',
    text,
    attrs: { href: `/api/v1/staff/analytics.csv?report=${report}`, download: `daoban-${report}.csv` },
  });

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
  api
    .get<Analytics>('/staff/analytics')
    .then((analytics) => {
      const daily = analytics.dailyVolume ?? [];
      const total = analytics.totals?.conversations ?? daily.reduce((sum, day) => sum + day.conversations, 0);
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
          csvLink('daily', '导出CSV'),
        ),
        panel(
          '热门事项',
          barList(
            (analytics.topItems ?? [])
              .slice(0, 10)
              .map((item) => ({ label: item.itemName ?? item.name ?? '', value: item.count })),
            { title: '热门事项' },
          ),
          csvLink('items', '导出CSV'),
        ),
        panel(
          '各专区满意率',
          satisfaction.perZone.length
            ? barList(
                satisfaction.perZone.map((zone) => ({ label: zone.name, value: zone.rate })),
                { title: '各专区满意率', format: percent },
              )
            : h('p', { class: 'muted', text: '暂无评价数据。' }),
          csvLink('satisfaction', '导出CSV'),
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
          csvLink('gaps', '导出CSV'),
        ),
      );
    })
    .catch((reason: unknown) => replaceChildren(body, h('p', { class: 'error', text: errorText(reason) })));
  return h('section', { class: 'view' }, h('h1', { text: '统计分析' }), body);
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
