/**
 * A schematic map of the hall, one row per floor, each zone a block listing its windows, plus the
 * special windows (综合咨询, 帮办代办, 办不成事反映). The zone the visitor asked about is highlighted.
 */
import type { Hall } from '../../../knowledge/hall/schema.ts';
import { h } from '../shared/dom.ts';

export function renderHallMap(hall: Hall, highlightZone?: string): HTMLElement {
  const floors = [...hall.floors].sort((a, b) => b.floor - a.floor);
  return h(
    'div',
    { class: 'hall-map', attrs: { role: 'group', 'aria-label': `${hall.name}平面示意` } },
    ...floors.map((floor) => {
      const zones = hall.zones.filter((zone) => zone.floor === floor.floor);
      const specials = hall.windows.filter((window) => window.floor === floor.floor && window.special);
      return h(
        'div',
        { class: 'floor' },
        h('div', { class: 'floor-label', text: `${floor.floor}F ${floor.name}` }),
        h(
          'div',
          { class: 'floor-zones' },
          ...zones.map((zone) =>
            h(
              'div',
              {
                class: zone.name === highlightZone ? 'zone here' : 'zone',
                attrs: { 'data-zone': zone.name },
              },
              h('strong', { text: `${zone.name}` }),
              h('span', { text: `${zone.area} · 窗口 ${zone.windows.join('、') || '—'}` }),
              zone.name === highlightZone ? h('em', { text: '您要去这里' }) : null,
            ),
          ),
          ...specials.map((window) =>
            h(
              'div',
              { class: 'zone special' },
              h('strong', { text: window.special ?? window.name }),
              h('span', { text: `${window.id}窗口` }),
            ),
          ),
        ),
      );
    }),
  );
}
