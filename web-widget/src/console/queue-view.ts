/**
 * The case queue: open cases by default, overdue first, then nearest deadline (the server's order),
 * with status, category, topic, handler and a working-day countdown; filters by state, zone,
 * category, staff member and overdue, and a search box. It follows the live channel: a new or
 * changed case refreshes the list, and each case shows how many citizen messages are unread.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { onLiveEventWhile } from './live-channel.ts';
import { errorText } from './login-view.ts';
import { CASE_CATEGORIES, CASE_STATUSES, isOpenCase, statusLabel } from './models.ts';
import type { CaseSummary } from './models.ts';
import { api, listOf } from './staff-api.ts';
import { onUnreadChange, unreadOf } from './unread-cases.ts';
import { countdownText, formatDateTime, workingDaysUntil } from './working-days.ts';

/** Working days left, or undefined for a concluded case (its deadline no longer runs). */
export function remainingDays(entry: CaseSummary): number | undefined {
  if (!isOpenCase(entry)) return undefined;
  return entry.workingDaysLeft ?? entry.remainingWorkingDays ?? workingDaysUntil(new Date(entry.deadline));
}

const STATE_OPTIONS: [string, string][] = [
  ['open', '未办结'],
  ['closed', '已办结（待回访）'],
  ['all', '全部'],
  ...CASE_STATUSES.map((name): [string, string] => [name, name]),
];

const select = (id: string, label: string, options: [string, string][]) => {
  const control = h(
    'select',
    { attrs: { id } },
    ...options.map(([value, text]) => h('option', { attrs: { value }, text })),
  );
  return { control, label: h('label', { class: 'filter', attrs: { for: id } }, label, control) };
};

/** The hall's zones for the zone filter (public hall layout); none when it is not known. */
async function hallZones(): Promise<string[]> {
  try {
    const response = await fetch('/api/v1/hall', { headers: { Accept: 'application/json' } });
    if (!response.ok) return [];
    const body = (await response.json()) as { hall?: { zones?: { name?: string }[] } };
    return (body.hall?.zones ?? []).flatMap((zone) => (zone.name ? [zone.name] : []));
  } catch {
    return [];
  }
}

export function queueView(): HTMLElement {
  const state = select('filter-status', '状态', STATE_OPTIONS);
  const zone = select('filter-zone', '专区', [['', '全部']]);
  const category = select('filter-category', '类别', [
    ['', '全部'],
    ...CASE_CATEGORIES.map((name): [string, string] => [name, name]),
  ]);
  const assignees = h('datalist', { attrs: { id: 'assignee-options' } });
  const assignee = h('input', {
    attrs: { id: 'filter-assignee', type: 'search', list: 'assignee-options', maxlength: 64 },
  });
  const overdue = h('input', { attrs: { id: 'filter-overdue', type: 'checkbox' } });
  const search = h('input', {
    attrs: {
      id: 'filter-search',
      type: 'search',
      placeholder: '工单号、事项或内容',
      'aria-label': '搜索工单',
    },
  });
  const body = h('tbody');
  const summary = h('p', { class: 'muted', attrs: { 'aria-live': 'polite' } });
  const table = h(
    'table',
    { class: 'queue' },
    h('caption', { class: 'visually-hidden', text: '工单列表，超期的排在最前' }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['工单号', '状态', '类别', '事项', '承办人', '登记时间', '办理时限'].map((text) =>
          h('th', { text, attrs: { scope: 'col' } }),
        ),
      ),
    ),
    body,
  );
  const knownAssignees = new Set<string>();
  let shown: CaseSummary[] = [];

  const render = () => replaceChildren(body, ...shown.map(row));

  let generation = 0;
  const load = (): void => {
    const params = new URLSearchParams();
    params.set('status', state.control.value || 'open');
    if (zone.control.value) params.set('zone', zone.control.value);
    if (category.control.value) params.set('category', category.control.value);
    if (assignee.value.trim()) params.set('assignee', assignee.value.trim());
    if (overdue.checked) params.set('overdue', '1');
    if (search.value.trim()) params.set('q', search.value.trim());
    if (!shown.length) summary.textContent = '正在加载…';
    // Only the latest request may fill the table (live refreshes can overlap a filter change).
    const mine = ++generation;
    api
      .get<unknown>(`/staff/cases?${params}`)
      .then((result) => {
        if (mine !== generation) return;
        shown = listOf<CaseSummary>(result, 'cases');
        const overdueCount = shown.filter((entry) => (remainingDays(entry) ?? 0) < 0).length;
        summary.textContent = shown.length
          ? `共${shown.length}件，其中超期${overdueCount}件`
          : '没有符合条件的工单。';
        for (const entry of shown) {
          if (entry.assignee && !knownAssignees.has(entry.assignee)) {
            knownAssignees.add(entry.assignee);
            assignees.append(h('option', { attrs: { value: entry.assignee } }));
          }
        }
        render();
      })
      .catch((reason: unknown) => (summary.textContent = errorText(reason)));
  };

  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  const reloadSoon = () => {
    clearTimeout(liveTimer);
    liveTimer = setTimeout(load, 200);
  };

  for (const control of [state.control, zone.control, category.control]) {
    control.addEventListener('change', load);
  }
  overdue.addEventListener('change', load);
  let timer: ReturnType<typeof setTimeout> | undefined;
  for (const input of [search, assignee]) {
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(load, 250);
    });
  }
  void hallZones().then((zones) =>
    zone.control.append(...zones.map((name) => h('option', { attrs: { value: name }, text: name }))),
  );

  const view = h(
    'section',
    { class: 'view', attrs: { 'aria-labelledby': 'queue-title' } },
    h('h1', { text: '工单队列', attrs: { id: 'queue-title' } }),
    h(
      'div',
      { class: 'filters' },
      state.label,
      zone.label,
      category.label,
      h('label', { class: 'filter', attrs: { for: 'filter-assignee' } }, '承办人', assignee),
      assignees,
      h('label', { class: 'filter' }, overdue, '只看超期'),
      search,
      h('button', { text: '刷新', attrs: { type: 'button' }, on: { click: load } }),
    ),
    summary,
    table,
  );
  onLiveEventWhile(view, (event) => {
    // A message changes only the badges (below); case events and a reconnect change the list.
    if (event.type === 'case_opened' || event.type === 'case_changed' || event.type === 'reconnected') {
      reloadSoon();
    }
  });
  const stopBadges = onUnreadChange(() => (view.isConnected ? render() : stopBadges()));
  load();
  return view;
}

function row(entry: CaseSummary): HTMLTableRowElement {
  const remaining = remainingDays(entry);
  const urgency =
    remaining === undefined ? 'concluded' : remaining < 0 ? 'overdue' : remaining <= 1 ? 'due-soon' : '';
  const unread = unreadOf(entry.number);
  return h(
    'tr',
    { class: urgency, attrs: { 'data-case': entry.number } },
    h(
      'td',
      {},
      h('a', { attrs: { href: `#/cases/${encodeURIComponent(entry.number)}` }, text: entry.number }),
      unread > 0
        ? h(
            'span',
            { class: 'badge unread', attrs: { 'data-unread': unread } },
            h('span', { attrs: { 'aria-hidden': 'true' }, text: String(unread) }),
            h('span', { class: 'visually-hidden', text: `${unread}条未读` }),
          )
        : null,
    ),
    h('td', {}, h('span', { class: `status status-${entry.status}`, text: statusLabel(entry.status) })),
    h('td', { text: entry.category }),
    h('td', { text: topicText(entry) }),
    h('td', { text: entry.assignee ?? '—' }),
    h('td', { text: formatDateTime(entry.createdAt) }),
    h('td', {
      class: 'countdown',
      text: remaining === undefined ? `${statusLabel(entry.status)}` : countdownText(remaining),
    }),
  );
}

/** The case's 事项: the topic staff or the server settled on, else 未确定. */
export function topicText(entry: CaseSummary): string {
  if (entry.topic) return entry.topic.itemName ?? entry.itemName ?? entry.topic.itemId;
  if (entry.topic === null) return '未确定';
  return entry.itemName ?? '未确定';
}
