/**
 * The way from the hall's entrance to a window, on the floor plans: along each floor's corridor, a
 * horizontal line through the free band between the zones nearest the middle of the plan, with a
 * short walk straight in from a point to the corridor and out again. A window on another floor is
 * two legs: entrance → lift (or stairs) on the entrance floor, then lift → window on the window's
 * floor. Pure; `undefined` with a reason when the layout has no coordinates for it.
 */
import type { FloorPlan, Hall, HallWindow, PlanPoint } from './schema.ts';

export type FloorChange = 'lift' | 'stairs';

export interface RouteLeg {
  floor: number;
  /** The polyline to walk, from its start to its end, without repeated or collinear points. */
  points: PlanPoint[];
}

export interface HallRoute {
  /** One leg on the same floor, two when the window is on another floor. */
  legs: RouteLeg[];
  /** How to change floors, when the window is not on the entrance floor. */
  change?: { via: FloorChange; from: number; to: number };
  window: HallWindow;
}

export type RouteFailure =
  'window-unknown' | 'window-not-placed' | 'no-entrance' | 'no-plan' | 'no-lift-or-stairs';

export type RouteResult = { route: HallRoute } | { failure: RouteFailure };

const plans = (hall: Hall): Map<number, FloorPlan> =>
  new Map(hall.floors.flatMap((floor) => (floor.plan ? [[floor.floor, floor.plan] as const] : [])));

/**
 * The y of the floor's corridor: of the horizontal bands no zone covers, the one nearest the middle
 * of the plan; the middle itself when that band contains it, else the band's centre.
 */
export function corridorY(hall: Hall, floor: number, plan: FloorPlan): number {
  const middle = plan.height / 2;
  const covered = hall.zones
    .filter((zone) => zone.floor === floor && zone.rect)
    .map((zone) => [zone.rect!.y, zone.rect!.y + zone.rect!.height] as const)
    .sort((a, b) => a[0] - b[0]);
  const free: Array<readonly [number, number]> = [];
  let top = 0;
  for (const [from, to] of covered) {
    if (from > top) free.push([top, from]);
    top = Math.max(top, to);
  }
  if (top < plan.height) free.push([top, plan.height]);
  if (free.length === 0) return middle;
  const distance = ([from, to]: readonly [number, number]) =>
    middle < from ? from - middle : middle > to ? middle - to : 0;
  const band = free.reduce((best, next) => (distance(next) < distance(best) ? next : best));
  return distance(band) === 0 ? middle : (band[0] + band[1]) / 2;
}

const same = (a: PlanPoint, b: PlanPoint): boolean => a.x === b.x && a.y === b.y;

/** Drops repeated points and middle points of straight runs. */
export function simplify(points: PlanPoint[]): PlanPoint[] {
  const distinct = points.filter((point, index) => index === 0 || !same(point, points[index - 1]));
  return distinct.filter((point, index) => {
    if (index === 0 || index === distinct.length - 1) return true;
    const before = distinct[index - 1];
    const after = distinct[index + 1];
    return (after.x - before.x) * (point.y - before.y) !== (point.x - before.x) * (after.y - before.y);
  });
}

/** From one point to another on a floor: in to the corridor, along it, and out again. */
export function walk(from: PlanPoint, to: PlanPoint, corridor: number): PlanPoint[] {
  return simplify([from, { x: from.x, y: corridor }, { x: to.x, y: corridor }, to]);
}

export function length(points: PlanPoint[]): number {
  return points.reduce(
    (sum, point, index) =>
      index === 0 ? 0 : sum + Math.hypot(point.x - points[index - 1].x, point.y - points[index - 1].y),
    0,
  );
}

const nearest = (points: PlanPoint[], to: PlanPoint): PlanPoint =>
  points.reduce((best, next) =>
    Math.hypot(next.x - to.x, next.y - to.y) < Math.hypot(best.x - to.x, best.y - to.y) ? next : best,
  );

/** The route to the window with this number (case-insensitive), or why there is none. */
export function routeToWindow(hall: Hall, windowId: string): RouteResult {
  const wanted = windowId.trim().toUpperCase();
  const window = hall.windows.find((entry) => entry.id.toUpperCase() === wanted);
  if (!window) return { failure: 'window-unknown' };
  if (!window.at) return { failure: 'window-not-placed' };
  const byFloor = plans(hall);
  const entry = hall.floors.find((floor) => floor.plan?.entrance);
  if (!entry?.plan?.entrance) return { failure: 'no-entrance' };
  const targetPlan = byFloor.get(window.floor);
  if (!targetPlan) return { failure: 'no-plan' };
  const entrance = entry.plan.entrance;
  if (window.floor === entry.floor) {
    const corridor = corridorY(hall, entry.floor, entry.plan);
    return { route: { legs: [{ floor: entry.floor, points: walk(entrance, window.at, corridor) }], window } };
  }
  const lower = corridorY(hall, entry.floor, entry.plan);
  const upper = corridorY(hall, window.floor, targetPlan);
  // Lifts first (for everyone, with a pram or a wheelchair); stairs when a floor has no lift.
  for (const via of ['lift', 'stairs'] as const) {
    const key = via === 'lift' ? 'lifts' : 'stairs';
    const starts = entry.plan[key] ?? [];
    const ends = targetPlan[key] ?? [];
    if (starts.length === 0 || ends.length === 0) continue;
    const options = starts.map((start, index) => {
      const end = ends[index] ?? nearest(ends, start);
      const first = walk(entrance, start, lower);
      const second = walk(end, window.at!, upper);
      return { first, second, total: length(first) + length(second) };
    });
    const best = options.reduce((a, b) => (b.total < a.total ? b : a));
    return {
      route: {
        legs: [
          { floor: entry.floor, points: best.first },
          { floor: window.floor, points: best.second },
        ],
        change: { via, from: entry.floor, to: window.floor },
        window,
      },
    };
  }
  return { failure: 'no-lift-or-stairs' };
}
