/**
 * The analytics date range: presets (近7天, 近30天, 本月) or 自定义 from/to, as hall-calendar days
 * (YYYY-MM-DD, both inclusive) that go into the report and its CSV exports. The range lives for
 * the page, so coming back to 统计分析 shows the same period. "Today" is the hall's (the server's
 * default range ends on it), not the browser's, which may be in another time zone.
 */
import { h } from '../shared/dom.ts';

export interface DateRange {
  from: string;
  to: string;
}

export type RangePreset = '7' | '30' | 'month' | 'custom';

const PRESETS: [RangePreset, string][] = [
  ['7', '近7天'],
  ['30', '近30天'],
  ['month', '本月'],
  ['custom', '自定义'],
];

/** `date` (YYYY-MM-DD) moved by `days`, in calendar arithmetic free of time zones. */
function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: string): DateRange {
  if (preset === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  return { from: addDays(today, -(Number(preset) - 1)), to: today };
}

/** Learnt from the first report (its default range ends on the hall's today). */
let hallToday: string | undefined;
let current: { preset: RangePreset; range?: DateRange } = { preset: '30' };

/** Query parameters of the chosen range, for the report and the CSV links. */
export const rangeQuery = (range: DateRange | undefined): string =>
  range ? new URLSearchParams({ ...range }).toString() : '';

/**
 * The controls; `onChange` runs with each range chosen (a preset at once, 自定义 on 查询).
 * `range` is undefined until the hall's today is known: the server's default (近30天) then.
 * `shown` takes the range a report covered, to keep the inputs in step with it.
 */
export function dateRangeControls(onChange: (range: DateRange) => void): {
  element: HTMLElement;
  range?: DateRange;
  shown(range: DateRange): void;
} {
  // A preset is relative to today: recomputed each time the page is opened.
  if (current.preset !== 'custom' && hallToday) {
    current = { ...current, range: presetRange(current.preset, hallToday) };
  }
  const preset = h(
    'select',
    { attrs: { id: 'range-preset' } },
    ...PRESETS.map(([value, text]) =>
      h('option', { attrs: { value, selected: value === current.preset }, text }),
    ),
  );
  const from = h('input', { attrs: { id: 'range-from', type: 'date', value: current.range?.from } });
  const to = h('input', { attrs: { id: 'range-to', type: 'date', value: current.range?.to } });
  const message = h('span', { class: 'error', attrs: { 'aria-live': 'polite' } });

  const choose = (next: RangePreset, range: DateRange) => {
    current = { preset: next, range };
    from.value = range.from;
    to.value = range.to;
    message.textContent = '';
    onChange(range);
  };
  preset.addEventListener('change', () => {
    const value = preset.value as RangePreset;
    if (value === 'custom') return from.focus();
    choose(value, presetRange(value, hallToday ?? to.value));
  });
  // Typing a date means a custom range.
  for (const input of [from, to]) {
    input.addEventListener('input', () => {
      preset.value = 'custom';
    });
  }
  const apply = h('button', { text: '查询', attrs: { type: 'submit' } });
  const form = h(
    'form',
    { class: 'filters range', attrs: { 'aria-label': '统计时段' } },
    h('label', { class: 'filter', attrs: { for: 'range-preset' } }, '统计时段', preset),
    h('label', { class: 'filter', attrs: { for: 'range-from' } }, '开始日期', from),
    h('label', { class: 'filter', attrs: { for: 'range-to' } }, '结束日期', to),
    apply,
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!from.value || !to.value) {
      message.textContent = '请选择开始日期和结束日期。';
      return;
    }
    if (from.value > to.value) {
      message.textContent = '开始日期不能晚于结束日期。';
      return;
    }
    preset.value = 'custom';
    choose('custom', { from: from.value, to: to.value });
  });
  return {
    element: form,
    range: current.range,
    shown(range) {
      if (current.preset !== 'custom' && !hallToday) hallToday = range.to;
      current = { ...current, range };
      from.value = range.from;
      to.value = range.to;
    },
  };
}
