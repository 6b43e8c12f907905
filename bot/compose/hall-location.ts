/**
 * Resolves where an item is handled from the hall layout: the zone's floor and area, and the special
 * windows (综合咨询, 帮办代办, 办不成事反映 …). Answers name places only as the hall record describes them.
 */
import type { Hall, HallWindow, HallZone } from '../../knowledge/hall/schema.ts';
import type { ServiceItem } from '../../knowledge/catalog/schema.ts';
import { floorAndArea, floorLabel } from './chinese-format.ts';

export type SpecialWindowKind = NonNullable<HallWindow['special']>;

export interface ItemLocation {
  zone?: HallZone;
  floor?: number;
  area?: string;
  /** The item's window numbers as written in the catalog ("A01-A04"). */
  window: string;
  /** Hours of the item, else of its first window, else of the hall. */
  hours?: string;
}

export function findZone(hall: Hall, zoneName: string): HallZone | undefined {
  return hall.zones.find((zone) => zone.name === zoneName);
}

/** The window that plays a role (综合咨询, 帮办代办 …) in this hall, whatever its number. */
export function findSpecialWindow(hall: Hall, kind: SpecialWindowKind): HallWindow | undefined {
  return hall.windows.find((window) => window.special === kind);
}

export function findWindow(hall: Hall, id: string): HallWindow | undefined {
  const wanted = id.trim().toUpperCase();
  return hall.windows.find((window) => window.id.toUpperCase() === wanted);
}

/** The first window number named in a catalog window field ("A01-A04", "C07、C08"). */
export function firstWindowNumber(window: string): string | undefined {
  return window.match(/[A-Za-z]\d{1,3}/)?.[0].toUpperCase();
}

export function locateItem(item: ServiceItem, hall: Hall | undefined): ItemLocation {
  const zone = hall ? findZone(hall, item.zone) : undefined;
  const firstNumber = firstWindowNumber(item.window);
  const window = hall && firstNumber ? findWindow(hall, firstNumber) : undefined;
  return {
    zone,
    floor: zone?.floor ?? window?.floor,
    area: zone?.area,
    window: item.window,
    hours: item.hours ?? window?.hours ?? hall?.hours,
  };
}

/** "一楼东区企业开办专区A01-A04号窗口" — the place as one phrase. */
export function describeItemPlace(item: ServiceItem, location: ItemLocation): string {
  const windowText = /窗口/.test(location.window) ? location.window : `${location.window}号窗口`;
  return `${floorAndArea(location.floor, location.area)}${item.zone}专区${windowText}`;
}

/** "一楼帮办代办窗口（窗口号）" for a special window of the hall, as its record names it. */
export function describeSpecialWindow(window: HallWindow): string {
  // "综合咨询台", "反映专窗" already say what they are; "帮办代办" becomes "帮办代办窗口".
  const name = /(窗口|窗|台|处|室|厅)$/.test(window.name) ? window.name : `${window.name}窗口`;
  return `${floorLabel(window.floor)}${name}（${window.id}）`;
}
