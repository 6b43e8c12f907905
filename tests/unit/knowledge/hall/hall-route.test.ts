/**
 * Routing on the floor plans: from the entrance along the corridor to a window on the same floor;
 * to a window on another floor in two legs through the lift (stairs when a floor has no lift); and
 * no route, with a reason, when the layout has no coordinates for it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corridorY, routeToWindow, simplify } from '../../../../knowledge/hall/hall-route.ts';
import type { HallRoute } from '../../../../knowledge/hall/hall-route.ts';
import { loadHallFile } from '../../../../knowledge/hall/load-hall.ts';
import { routeSteps } from '../../../../knowledge/hall/route-steps.ts';
import { smallHall } from './small-hall.ts';

const root = path.resolve(import.meta.dirname, '../../../..');

function routeOf(result: ReturnType<typeof routeToWindow>): HallRoute {
  if (!('route' in result)) throw new Error(`no route: ${result.failure}`);
  return result.route;
}

describe('routes on the floor plan', () => {
  it('runs the corridor through the free band nearest the middle of the plan', () => {
    // 企业开办 covers y 5–25 on floor 1: the middle (30) is free.
    expect(corridorY(smallHall, 1, smallHall.floors[0].plan!)).toBe(30);
    const crowded = structuredClone(smallHall);
    crowded.zones[0].rect = { x: 0, y: 15, width: 100, height: 20 };
    expect(corridorY(crowded, 1, crowded.floors[0].plan!)).toBe(47.5);
    expect(
      simplify([
        { x: 0, y: 0 },
        { x: 0, y: 0 },
        { x: 0, y: 5 },
        { x: 0, y: 9 },
      ]),
    ).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 9 },
    ]);
  });

  it('walks from the entrance to a window on the same floor', () => {
    const route = routeOf(routeToWindow(smallHall, 'a02'));
    expect(route.change).toBeUndefined();
    expect(route.legs).toEqual([
      {
        floor: 1,
        points: [
          { x: 50, y: 60 },
          { x: 50, y: 30 },
          { x: 80, y: 30 },
          { x: 80, y: 25 },
        ],
      },
    ]);
    expect(routeSteps(smallHall, route, '企业开办专区A02窗口')).toEqual([
      '从一楼大厅入口进门',
      '沿通道走到企业开办专区A02窗口',
    ]);
  });

  it('changes floor by the lift, and by the stairs where there is no lift', () => {
    const route = routeOf(routeToWindow(smallHall, 'C01'));
    expect(route.change).toEqual({ via: 'lift', from: 1, to: 2 });
    expect(route.legs.map((leg) => leg.floor)).toEqual([1, 2]);
    expect(route.legs[0].points.at(0)).toEqual({ x: 50, y: 60 });
    expect(route.legs[0].points.at(-1)).toEqual({ x: 90, y: 45 });
    expect(route.legs[1].points.at(0)).toEqual({ x: 90, y: 45 });
    expect(route.legs[1].points.at(-1)).toEqual({ x: 30, y: 25 });
    expect(routeSteps(smallHall, route, '社会民生专区C01窗口')).toEqual([
      '从一楼大厅入口进门，沿通道走到电梯',
      '乘电梯到二楼',
      '出电梯后沿通道走到社会民生专区C01窗口',
    ]);
    const noLift = structuredClone(smallHall);
    delete noLift.floors[1].plan!.lifts;
    const byStairs = routeOf(routeToWindow(noLift, 'C01'));
    expect(byStairs.change?.via).toBe('stairs');
    expect(byStairs.legs[0].points.at(-1)).toEqual({ x: 10, y: 45 });
    expect(routeSteps(noLift, byStairs, '社会民生专区C01窗口')[1]).toBe('走楼梯到二楼');
    delete noLift.floors[1].plan!.stairs;
    expect(routeToWindow(noLift, 'C01')).toEqual({ failure: 'no-lift-or-stairs' });
  });

  it('gives no route where coordinates are missing', () => {
    expect(routeToWindow(smallHall, 'Z99')).toEqual({ failure: 'window-unknown' });
    const unplaced = structuredClone(smallHall);
    delete unplaced.windows[0].at;
    expect(routeToWindow(unplaced, 'A01')).toEqual({ failure: 'window-not-placed' });
    const noEntrance = structuredClone(smallHall);
    delete noEntrance.floors[0].plan!.entrance;
    expect(routeToWindow(noEntrance, 'A01')).toEqual({ failure: 'no-entrance' });
    const noPlan = structuredClone(smallHall);
    delete noPlan.floors[1].plan;
    expect(routeToWindow(noPlan, 'C01')).toEqual({ failure: 'no-plan' });
  });

  it('reaches every window of the shipped hall, changing floor above the ground floor', async () => {
    const hall = await loadHallFile(path.join(root, 'knowledge/data/hall.json'));
    for (const window of hall.windows) {
      const route = routeOf(routeToWindow(hall, window.id));
      expect(route.legs.at(-1)?.points.at(-1)).toEqual(window.at);
      expect(route.legs.at(0)?.points.at(0)).toEqual(hall.floors[0].plan?.entrance);
      expect(route.change?.to).toBe(window.floor === 1 ? undefined : window.floor);
      for (const leg of route.legs) {
        // Every turn is a right angle along the corridor grid.
        leg.points.slice(1).forEach((point, index) => {
          const before = leg.points[index];
          expect(point.x === before.x || point.y === before.y).toBe(true);
        });
      }
    }
    const passport = routeOf(routeToWindow(hall, 'F01'));
    expect(routeSteps(hall, passport, '出入境专区F01窗口')[1]).toBe('乘电梯到三楼');
  });
});
