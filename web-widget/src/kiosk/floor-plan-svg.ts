/**
 * One floor of the hall drawn from its plan in hall.json: the corridor, the zones labelled in large
 * type, the windows, lifts, stairs and entrance, with the zone and window being discussed
 * highlighted (colour, a thicker border and the words 您要去这里), special windows marked, and the
 * route as a line ending in an arrow. All text goes in through textContent.
 */
import { corridorY } from '../../../knowledge/hall/hall-route.ts';
import type { Hall, HallFloor, HallWindow, PlanPoint } from '../../../knowledge/hall/schema.ts';
import { append, svg } from '../shared/dom.ts';

export interface PlanMarks {
  zone?: string;
  windowId?: string;
  /** Special windows to mark (帮办代办, 办不成事反映 …). */
  specials: HallWindow[];
  /** The route on this floor, from its start to its end. */
  route?: PlanPoint[];
}

const PAD = 7;
const COLOURS = {
  floor: '#f4f7fb',
  outline: '#0f3a78',
  corridor: '#dfe7f3',
  zone: '#ffffff',
  zoneLine: '#7d93b2',
  zoneText: '#0f3a78',
  here: '#fde8e8',
  hereLine: '#c8161d',
  hereText: '#8f0f14',
  window: '#4a5565',
  special: '#8a4b00',
  connector: '#1c5bb8',
  entrance: '#1c6b36',
  route: '#c8161d',
};

const text = (content: string, attrs: Record<string, string | number>): SVGElement => {
  const node = svg('text', { 'text-anchor': 'middle', 'dominant-baseline': 'middle', ...attrs });
  node.textContent = content;
  return node;
};

/** How far from a lift's or stairs' centre a route starts or ends. */
const CONNECTOR_GAP = 3.6;

/** The point `distance` from `from` on the way to `to` (at most all the way). */
function towards(from: PlanPoint, to: PlanPoint, distance: number): PlanPoint {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  if (length === 0) return from;
  const share = Math.min(1, distance / length);
  return { x: from.x + (to.x - from.x) * share, y: from.y + (to.y - from.y) * share };
}

let drawn = 0;

export function renderFloorPlanSvg(
  hall: Hall,
  floor: HallFloor,
  marks: PlanMarks,
  label: string,
): SVGElement {
  const plan = floor.plan!;
  const id = `floor-plan-${++drawn}`;
  const corridor = corridorY(hall, floor.floor, plan);
  const zones = hall.zones.filter((zone) => zone.floor === floor.floor && zone.rect);
  const windows = hall.windows.filter((window) => window.floor === floor.floor && window.at);
  const specialIds = new Set(marks.specials.map((window) => window.id));
  const root = svg('svg', {
    viewBox: `${-PAD} ${-PAD} ${plan.width + 2 * PAD} ${plan.height + 2 * PAD}`,
    role: 'img',
    'aria-label': label,
    class: 'floor-plan-svg',
    'data-floor': floor.floor,
  });
  const title = svg('title');
  title.textContent = label;
  append(
    root,
    title,
    svg(
      'defs',
      {},
      svg(
        'marker',
        {
          id: `${id}-arrow`,
          viewBox: '0 0 10 10',
          refX: 6,
          refY: 5,
          markerWidth: 3.5,
          markerHeight: 3.5,
          orient: 'auto-start-reverse',
        },
        svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: COLOURS.route }),
      ),
    ),
    svg('rect', {
      x: 0,
      y: 0,
      width: plan.width,
      height: plan.height,
      fill: COLOURS.floor,
      stroke: COLOURS.outline,
      'stroke-width': 0.8,
      rx: 1.5,
    }),
    svg('rect', {
      class: 'corridor',
      x: 0,
      y: corridor - 3,
      width: plan.width,
      height: 6,
      fill: COLOURS.corridor,
    }),
  );
  for (const zone of zones) {
    const rect = zone.rect!;
    const here = zone.name === marks.zone;
    const size = Math.min(5.5, (rect.width - 2) / (zone.name.length + 0.5), rect.height / 3);
    const centreX = rect.x + rect.width / 2;
    const centreY = rect.y + rect.height / 2;
    append(
      root,
      svg('rect', {
        class: here ? 'zone-rect here' : 'zone-rect',
        'data-zone': zone.name,
        x: rect.x,
        y: rect.y,
        width: rect.width,
        height: rect.height,
        rx: 1,
        fill: here ? COLOURS.here : COLOURS.zone,
        stroke: here ? COLOURS.hereLine : COLOURS.zoneLine,
        'stroke-width': here ? 1.4 : 0.5,
      }),
      text(zone.name, {
        x: centreX,
        y: here ? centreY - size * 0.55 : centreY,
        'font-size': size.toFixed(2),
        'font-weight': 700,
        fill: here ? COLOURS.hereText : COLOURS.zoneText,
      }),
      here
        ? text('您要去这里', {
            class: 'zone-here-text',
            x: centreX,
            y: centreY + size * 0.75,
            'font-size': (size * 0.65).toFixed(2),
            'font-weight': 700,
            fill: COLOURS.hereText,
          })
        : null,
    );
  }
  for (const window of windows) {
    const at = window.at!;
    const here = window.id === marks.windowId;
    const special = specialIds.has(window.id);
    const zone = zones.find((entry) => entry.windows.includes(window.id))?.rect;
    // Labels go into the zone, away from the corridor.
    const inward = zone && zone.y + zone.height / 2 < at.y ? -3 : 3.8;
    append(
      root,
      svg('circle', {
        class: here ? 'window-dot here' : special ? 'window-dot special' : 'window-dot',
        'data-window': window.id,
        cx: at.x,
        cy: at.y,
        r: here ? 2 : special ? 1.6 : 0.8,
        fill: here ? COLOURS.route : special ? COLOURS.special : COLOURS.window,
      }),
      here || special
        ? text(window.id, {
            x: at.x,
            y: at.y + inward,
            'font-size': 3.4,
            'font-weight': 700,
            fill: here ? COLOURS.hereText : COLOURS.special,
            stroke: '#fff',
            'stroke-width': 0.9,
            'paint-order': 'stroke',
          })
        : null,
    );
  }
  const connectors = [
    ...(plan.lifts ?? []).map((point) => ({ point, name: '电梯' })),
    ...(plan.stairs ?? []).map((point) => ({ point, name: '楼梯' })),
  ];
  for (const { point, name } of connectors) {
    append(
      root,
      svg('rect', {
        class: 'connector',
        x: point.x - 4.5,
        y: point.y - 2.8,
        width: 9,
        height: 5.6,
        rx: 1,
        fill: COLOURS.connector,
      }),
      text(name, { x: point.x, y: point.y + 0.2, 'font-size': 3.2, 'font-weight': 700, fill: '#fff' }),
    );
  }
  if (plan.entrance) {
    const { x, y } = plan.entrance;
    const outside = y >= plan.height / 2 ? 4 : -4;
    append(
      root,
      svg('rect', { x: x - 6, y: y - 1, width: 12, height: 2, fill: COLOURS.entrance }),
      text('入口', {
        class: 'entrance-label',
        x,
        y: y + outside,
        'font-size': 3.6,
        'font-weight': 700,
        fill: COLOURS.entrance,
      }),
    );
  }
  if (marks.route && marks.route.length > 1) {
    // A leg that starts or ends at a lift or stairs meets the edge of its box, not its label.
    const isConnector = (point: PlanPoint) =>
      connectors.some((entry) => entry.point.x === point.x && entry.point.y === point.y);
    const route = [...marks.route];
    if (isConnector(route[0])) route[0] = towards(route[0], route[1], CONNECTOR_GAP);
    const end = route.length - 1;
    if (isConnector(route[end])) route[end] = towards(route[end], route[end - 1], CONNECTOR_GAP);
    const points = route.map((point) => `${point.x},${point.y}`).join(' ');
    append(
      root,
      svg('polyline', {
        class: 'route-line',
        points,
        fill: 'none',
        stroke: COLOURS.route,
        'stroke-width': 1.4,
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
        'stroke-dasharray': '3 1.5',
        'marker-end': `url(#${id}-arrow)`,
      }),
      svg('circle', {
        cx: route[0].x,
        cy: route[0].y,
        r: 1.5,
        fill: COLOURS.route,
      }),
    );
  }
  return root;
}
