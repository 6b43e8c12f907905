/**
 * Wayfinding for the place being discussed: the steps in words (in at the entrance, 乘电梯到X楼, to
 * the window), the 取号 category, the special windows that apply, and the floor plans of the route
 * (the entrance floor, and the window's floor when it is another). A hall without floor plans keeps
 * the list of floors and zones (hall-map.ts).
 */
import { firstWindowNumber, type SpecialWindowKind } from '../../../bot/compose/hall-location.ts';
import { hasFloorPlans } from '../../../knowledge/hall/hall-geometry.ts';
import { routeToWindow, type HallRoute } from '../../../knowledge/hall/hall-route.ts';
import { floorName, routeSteps } from '../../../knowledge/hall/route-steps.ts';
import { ticketCategory } from '../../../knowledge/hall/ticket-category.ts';
import type { Hall, HallWindow } from '../../../knowledge/hall/schema.ts';
import { h } from '../shared/dom.ts';
import { renderFloorPlanSvg } from './floor-plan-svg.ts';
import { renderHallMap } from './hall-map.ts';

export interface WayfindingFocus {
  /** The zone of the item discussed. */
  zone?: string;
  /** The window (numbers as the catalog writes them, "A01-A04"); the zone's first when omitted. */
  window?: string;
  /** Special windows that apply, the first one the destination when there is no zone. */
  specials: SpecialWindowKind[];
}

const SPECIAL_TEXT: Record<SpecialWindowKind, string> = {
  综合咨询: '不清楚怎么办，可以先到',
  帮办代办: '需要帮办代办，可以到',
  跨区域通办: '跨区域通办事项，请到',
  办不成事反映: '在窗口没有办成的事，请到',
};

let panels = 0;

function specialWindows(hall: Hall, kinds: SpecialWindowKind[]): HallWindow[] {
  return kinds.flatMap((kind) => hall.windows.filter((window) => window.special === kind).slice(0, 1));
}

function destination(hall: Hall, focus: WayfindingFocus, specials: HallWindow[]): HallWindow | undefined {
  const zone = focus.zone ? hall.zones.find((entry) => entry.name === focus.zone) : undefined;
  if (zone) {
    const wanted = (focus.window && firstWindowNumber(focus.window)) ?? zone.windows[0];
    return hall.windows.find((window) => window.id.toUpperCase() === wanted?.toUpperCase());
  }
  return focus.zone ? undefined : specials[0];
}

function placeText(hall: Hall, window: HallWindow, focus: WayfindingFocus): string {
  if (focus.zone && window.zone === focus.zone && !window.special) return `${focus.zone}专区${window.id}窗口`;
  return `${window.name}（${window.id}）`;
}

/** The wayfinding panel, or null when there is nothing to show the way to. */
export function renderWayfinding(hall: Hall, focus: WayfindingFocus | undefined): HTMLElement | null {
  if (!focus || (!focus.zone && focus.specials.length === 0)) return null;
  if (!hasFloorPlans(hall)) return focus.zone ? renderHallMap(hall, focus.zone) : renderHallMap(hall);
  const specials = specialWindows(hall, focus.specials);
  const target = destination(hall, focus, specials);
  const result = target ? routeToWindow(hall, target.id) : undefined;
  const route: HallRoute | undefined = result && 'route' in result ? result.route : undefined;
  if (!target || !route) return focus.zone ? renderHallMap(hall, focus.zone) : null;
  const headingId = `wayfinding-${++panels}`;
  const steps = routeSteps(hall, route, placeText(hall, target, focus));
  const others = specials.filter((window) => window.id !== target.id);
  const zone = focus.zone ?? target.zone;
  return h(
    'section',
    {
      class: 'wayfinding',
      attrs: { 'aria-labelledby': headingId, 'data-window': target.id, 'data-floor': target.floor },
    },
    h('h3', { text: '怎么走', attrs: { id: headingId } }),
    h('ol', { class: 'route-steps' }, ...steps.map((step) => h('li', { text: step }))),
    focus.zone && zone
      ? h('p', { class: 'ticket-category', text: `取号：请在取号机上选择“${ticketCategory(hall, zone)}”` })
      : null,
    others.length > 0
      ? h(
          'ul',
          { class: 'special-windows' },
          ...others.map((window) =>
            h('li', {
              text: `${SPECIAL_TEXT[window.special!]}${floorName(hall, window.floor)}${window.name}（${window.id}）`,
              attrs: { 'data-special': window.special! },
            }),
          ),
        )
      : null,
    h(
      'div',
      { class: 'floor-plans' },
      ...route.legs.map((leg, index) => {
        const floor = hall.floors.find((entry) => entry.floor === leg.floor)!;
        const name = floorName(hall, leg.floor);
        const caption =
          route.legs.length === 1
            ? `${name}平面图：从入口到${target.id}窗口`
            : index === 0
              ? `${name}平面图：从入口到${route.change?.via === 'lift' ? '电梯' : '楼梯'}`
              : `${name}平面图：从${route.change?.via === 'lift' ? '电梯' : '楼梯'}到${target.id}窗口`;
        const last = index === route.legs.length - 1;
        return h(
          'figure',
          { class: 'floor-plan', attrs: { 'data-floor': leg.floor } },
          h('figcaption', { text: caption }),
          renderFloorPlanSvg(
            hall,
            floor,
            {
              zone: last ? zone : undefined,
              windowId: last ? target.id : undefined,
              specials: specials.filter((window) => window.floor === leg.floor),
              route: leg.points,
            },
            caption,
          ),
        );
      }),
    ),
  );
}
