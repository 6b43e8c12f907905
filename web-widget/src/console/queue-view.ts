/**
 * The case queue: overdue first, then nearest deadline, with status, category, item and a
 * working-day countdown; filters by status, category, overdue and a search box.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { errorText } from './login-view.ts';
import { CASE_CATEGORIES, CASE_STATUSES, statusLabel } from './models.ts';
import type { CaseSummary } from './models.ts';
import { api, listOf } from './staff-api.ts';
import { countdownText, formatDateTime, workingDaysUntil } from './working-days.ts';

export function remainingDays(entry: CaseSummary): number {
  return entry.workingDaysLeft ?? entry.remainingWorkingDays ?? workingDaysUntil(new Date(entry.deadline));
}

function sortQueue(cases: CaseSummary[]): CaseSummary[] {
  return [...cases].sort(
    (a, b) => remainingDays(a) - remainingDays(b) || a.deadline.localeCompare(b.deadline),
  );
}

const select = (id: string, label: string, options: [string, string][]) =>
  h(
    'label',
    { class: 'filter', attrs: { for: id } },
    label,
    h(
      'select',
      { attrs: { id } },
      ...options.map(([value, text]) => h('option', { attrs: { value }, text })),
    ),
  );

export function queueView(): HTMLElement {
  const status = select('filter-status', '状态', [
    ['', '全部'],
    ...CASE_STATUSES.map((name): [string, string] => [name, name]),
  ]);
  const category = select('filter-category', '类别', [
    ['', '全部'],
    ...CASE_CATEGORIES.map((name): [string, string] => [name, name]),
  ]);
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
        ...['工单号', '状态', '类别', '事项', '登记时间', '办理时限'].map((text) =>
          h('th', { text, attrs: { scope: 'col' } }),
        ),
      ),
    ),
    body,
  );

  const load = (): void => {
    const params = new URLSearchParams();
    const statusValue = status.querySelector('select')?.value ?? '';
    const categoryValue = category.querySelector('select')?.value ?? '';
    if (statusValue) params.set('status', statusValue);
    if (categoryValue) params.set('category', categoryValue);
    if (overdue.checked) params.set('overdue', '1');
    if (search.value.trim()) params.set('q', search.value.trim());
    summary.textContent = '正在加载…';
    api
      .get<unknown>(`/staff/cases?${params}`)
      .then((result) => {
        const cases = sortQueue(listOf<CaseSummary>(result, 'cases'));
        summary.textContent = cases.length
          ? `共${cases.length}件，其中超期${cases.filter((entry) => remainingDays(entry) < 0).length}件`
          : '没有符合条件的工单。';
        replaceChildren(body, ...cases.map(row));
      })
      .catch((reason: unknown) => (summary.textContent = errorText(reason)));
  };

  for (const control of [status, category]) control.querySelector('select')?.addEventListener('change', load);
  overdue.addEventListener('change', load);
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 250);
  });
  load();
  return h(
    'section',
    { class: 'view', attrs: { 'aria-labelledby': 'queue-title' } },
    h('h1', { text: '工单队列', attrs: { id: 'queue-title' } }),
    h(
      'div',
      { class: 'filters' },
      status,
      category,
      h('label', { class: 'filter' }, overdue, '只看超期'),
      search,
      h('button', { text: '刷新', attrs: { type: 'button' }, on: { click: load } }),
    ),
    summary,
    table,
  );
}

function row(entry: CaseSummary): HTMLTableRowElement {
  const remaining = remainingDays(entry);
  const urgency = remaining < 0 ? 'overdue' : remaining <= 1 ? 'due-soon' : '';
  return h(
    'tr',
    { class: urgency, attrs: { 'data-case': entry.number } },
    h(
      'td',
      {},
      h('a', { attrs: { href: `#/cases/${encodeURIComponent(entry.number)}` }, text: entry.number }),
    ),
    h('td', {}, h('span', { class: `status status-${entry.status}`, text: statusLabel(entry.status) })),
    h('td', { text: entry.category }),
    h('td', { text: entry.itemName ?? '—' }),
    h('td', { text: formatDateTime(entry.createdAt) }),
    h('td', { class: 'countdown', text: countdownText(remaining) }),
  );
}
