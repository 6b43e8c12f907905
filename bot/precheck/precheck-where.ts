/**
 * Where a pre-checked application is handed in, for the one-time notice: the zone and window as the
 * catalog and the hall layout describe them, the 取号 category (the zone's `ticket` in the hall layout,
 * else the zone, as ticket machines sort by zone) and the hours.
 */
import type { Catalog, ServiceItem } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import { ticketCategory } from '../../knowledge/hall/ticket-category.ts';
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
    ticketCategory: ticketCategory(hall, item.zone),
    hours,
    ...(address ? { address } : {}),
  };
}
