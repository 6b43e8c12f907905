/** Builds the structured card of an item for UIs, copying facts from the record and the hall layout. */
import type { ServiceItem } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import type { ItemCard } from '../types.ts';
import { locateItem } from './hall-location.ts';

export function buildItemCard(item: ServiceItem, hall?: Hall): ItemCard {
  const location = locateItem(item, hall);
  return {
    id: item.id,
    name: item.name,
    department: item.department,
    zone: item.zone,
    floor: location.floor,
    area: location.area,
    window: item.window,
    kind: item.kind,
    legalDays: item.legalDays,
    promisedDays: item.promisedDays,
    commitment: item.commitment,
    visits: item.visits,
    online: item.online,
    onlineUrl: item.onlineUrl,
    fee: item.fee,
    hours: location.hours,
    phone: item.phone ?? hall?.phone,
    address: item.address ?? hall?.address,
    conditions: [...item.conditions],
    process: [...item.process],
    materials: item.materials.map((material) => ({ ...material })),
  };
}
