/**
 * Where a pre-checked application is handed in, for the one-time notice: the zone and window as the
 * catalog and the hall layout describe them, the 取号 category and the hours. The hall layout has no
 * ticket categories of its own; its ticket machines sort by zone, so the zone is the category.
 */
import type { Catalog, ServiceItem } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import { floorAndArea } from '../compose/chinese-format.ts';
import { locateItem } from '../compose/hall-location.ts';
import type { PrecheckWhere } from './precheck-types.ts';

export function precheckWhere(item: ServiceItem, hall: Hall | undefined, catalog: Catalog): PrecheckWhere {
  const location = locateItem(item, hall);
  const place = floorAndArea(location.floor, location.area);
  const window = /窗口/.test(item.window) ? item.window : `${item.window}号窗口`;
  const hours = location.hours ?? catalog.hall.hours ?? '请以大厅公布的办公时间为准';
  const address = item.address ?? hall?.address ?? catalog.hall.address;
  return {
    zone: `${place}${item.zone}专区`,
    window,
    ticketCategory: item.zone,
    hours,
    ...(address ? { address } : {}),
  };
}
