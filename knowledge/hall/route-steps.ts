/**
 * The route in words, for the kiosk beside the drawn plan: come in, change floors by lift or stairs
 * ("乘电梯到三楼"), and walk to the window. Places are named as the hall record names them.
 */
import type { HallRoute } from './hall-route.ts';
import type { Hall } from './schema.ts';

/** The floor as the hall names it ("三楼"), else "3楼". */
export function floorName(hall: Hall, floor: number): string {
  const name = hall.floors.find((entry) => entry.floor === floor)?.name.trim();
  return name && /[楼层]$/.test(name) ? name : `${floor}楼`;
}

/** "乘电梯到三楼", "走楼梯到二楼". */
export function floorChangeText(hall: Hall, route: HallRoute): string | undefined {
  if (!route.change) return undefined;
  return `${route.change.via === 'lift' ? '乘电梯' : '走楼梯'}到${floorName(hall, route.change.to)}`;
}

/** One line per step; `place` is what the visitor looks for at the end ("企业开办专区A06窗口"). */
export function routeSteps(hall: Hall, route: HallRoute, place: string): string[] {
  const change = floorChangeText(hall, route);
  const start = floorName(hall, route.legs[0].floor);
  if (!change) return [`从${start}大厅入口进门`, `沿通道走到${place}`];
  const connector = route.change?.via === 'lift' ? '电梯' : '楼梯';
  return [`从${start}大厅入口进门，沿通道走到${connector}`, change, `出${connector}后沿通道走到${place}`];
}
