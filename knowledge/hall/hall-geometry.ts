/**
 * The floor-plan coordinates of a hall layout, checked against each other: a zone's rectangle and a
 * window's point lie inside the plan of their floor, a floor with coordinates on it has a plan, and
 * at most one floor has the entrance. Every problem names its field, as the rest of the hall file's
 * checks do. All coordinates are optional; a hall without any has no problems here.
 */
import type { FloorPlan, Hall, PlanPoint, PlanRect } from './schema.ts';

const inside = (plan: FloorPlan, point: PlanPoint): boolean =>
  point.x <= plan.width && point.y <= plan.height;

const rectInside = (plan: FloorPlan, rect: PlanRect): boolean =>
  rect.x + rect.width <= plan.width && rect.y + rect.height <= plan.height;

const planSize = (floor: number, plan: FloorPlan): string =>
  `超出 ${floor} 层平面图的范围（宽 ${plan.width}，高 ${plan.height}）`;

export function planOf(hall: Hall, floor: number): FloorPlan | undefined {
  return hall.floors.find((entry) => entry.floor === floor)?.plan;
}

/** Whether the kiosk can draw the floor plan and a route: some floor has a plan with an entrance. */
export function hasFloorPlans(hall: Hall): boolean {
  return hall.floors.some((floor) => floor.plan?.entrance);
}

export function geometryProblems(hall: Hall): string[] {
  const problems: string[] = [];
  hall.floors.forEach((floor, index) => {
    const plan = floor.plan;
    if (!plan) return;
    const where = `floors[${index}].plan`;
    if (plan.entrance && !inside(plan, plan.entrance)) {
      problems.push(`${where}.entrance：入口位置${planSize(floor.floor, plan)}`);
    }
    for (const kind of ['lifts', 'stairs'] as const) {
      plan[kind]?.forEach((point, pointIndex) => {
        if (!inside(plan, point)) {
          const name = kind === 'lifts' ? '电梯' : '楼梯';
          problems.push(`${where}.${kind}[${pointIndex}]：${name}位置${planSize(floor.floor, plan)}`);
        }
      });
    }
  });
  const entrances = hall.floors.filter((floor) => floor.plan?.entrance);
  if (entrances.length > 1) {
    problems.push(
      `floors：只能有一个楼层标注入口（plan.entrance），现在 ${entrances.map((floor) => floor.floor).join('、')} 层都有`,
    );
  }
  hall.zones.forEach((zone, index) => {
    if (!zone.rect) return;
    const plan = planOf(hall, zone.floor);
    if (!plan) {
      problems.push(`zones[${index}].rect：专区“${zone.name}”所在的 ${zone.floor} 层没有平面图（plan）`);
    } else if (!rectInside(plan, zone.rect)) {
      problems.push(`zones[${index}].rect：专区“${zone.name}”的位置${planSize(zone.floor, plan)}`);
    }
  });
  hall.windows.forEach((window, index) => {
    if (!window.at) return;
    const plan = planOf(hall, window.floor);
    if (!plan) {
      problems.push(`windows[${index}].at：窗口“${window.id}”所在的 ${window.floor} 层没有平面图（plan）`);
    } else if (!inside(plan, window.at)) {
      problems.push(`windows[${index}].at：窗口“${window.id}”的位置${planSize(window.floor, plan)}`);
    }
  });
  return problems;
}
