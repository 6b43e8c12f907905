/**
 * Small inline-SVG charts for the analytics dashboard (no chart library: the console stays light and
 * works offline in the hall's intranet). Labels are SVG text nodes, never markup.
 */
import { svg } from '../shared/dom.ts';

export interface Datum {
  label: string;
  value: number;
  /** Optional second series drawn over the first (e.g. escalations within daily volume). */
  secondary?: number;
}

export function columnChart(
  data: Datum[],
  options: { title: string; width?: number; height?: number },
): SVGElement {
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const padding = { top: 16, right: 12, bottom: 36, left: 36 };
  const max = Math.max(1, ...data.map((d) => d.value));
  const innerWidth = width - padding.left - padding.right;
  const innerHeight = height - padding.top - padding.bottom;
  const step = innerWidth / Math.max(1, data.length);
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': options.title,
    class: 'chart',
  });
  chart.append(svg('title', {}, options.title));
  // Integer ticks only: counts of conversations are whole numbers.
  for (const fraction of max >= 2 ? [0, 0.5, 1] : [0, 1]) {
    const y = padding.top + innerHeight * (1 - fraction);
    chart.append(svg('line', { x1: padding.left, x2: width - padding.right, y1: y, y2: y, class: 'grid' }));
    chart.append(
      svg(
        'text',
        { x: padding.left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis' },
        String(Math.round(max * fraction)),
      ),
    );
  }
  data.forEach((datum, index) => {
    const barWidth = Math.min(48, Math.max(2, step * 0.6));
    const x = padding.left + index * step + (step - barWidth) / 2;
    const barHeight = (datum.value / max) * innerHeight;
    chart.append(
      svg(
        'rect',
        { x, y: padding.top + innerHeight - barHeight, width: barWidth, height: barHeight, class: 'bar' },
        svg('title', {}, `${datum.label}：${datum.value}`),
      ),
    );
    if (datum.secondary !== undefined) {
      const secondaryHeight = (datum.secondary / max) * innerHeight;
      chart.append(
        svg('rect', {
          x,
          y: padding.top + innerHeight - secondaryHeight,
          width: barWidth,
          height: secondaryHeight,
          class: 'bar secondary',
        }),
      );
    }
    if (data.length <= 16 || index % Math.ceil(data.length / 12) === 0) {
      chart.append(
        svg(
          'text',
          { x: x + barWidth / 2, y: height - padding.bottom + 16, 'text-anchor': 'middle', class: 'axis' },
          datum.label,
        ),
      );
    }
  });
  return chart;
}

export function barList(
  data: Datum[],
  options: { title: string; format?: (value: number) => string; width?: number },
): SVGElement {
  const width = options.width ?? 480;
  const rowHeight = 26;
  const labelWidth = 170;
  const height = Math.max(rowHeight, data.length * rowHeight) + 8;
  const max = Math.max(1, ...data.map((d) => d.value));
  const format = options.format ?? String;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': options.title,
    class: 'chart',
  });
  chart.append(svg('title', {}, options.title));
  data.forEach((datum, index) => {
    const y = 4 + index * rowHeight;
    const label = datum.label.length > 12 ? `${datum.label.slice(0, 11)}…` : datum.label;
    chart.append(svg('text', { x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', class: 'axis' }, label));
    const barWidth = ((width - labelWidth - 60) * datum.value) / max;
    chart.append(
      svg('rect', {
        x: labelWidth,
        y: y + 4,
        width: Math.max(1, barWidth),
        height: rowHeight - 10,
        class: 'bar',
      }),
    );
    chart.append(
      svg('text', { x: labelWidth + barWidth + 6, y: y + 17, class: 'value' }, format(datum.value)),
    );
  });
  return chart;
}
