/**
 * Which category to choose at the hall's ticket machine (取号) for a zone: the zone's own `ticket`
 * when the hall names one; otherwise the zone's name, as ticket machines sort by zone.
 */
import type { Hall } from './schema.ts';

export function ticketCategory(hall: Hall | undefined, zoneName: string): string {
  return hall?.zones.find((zone) => zone.name === zoneName)?.ticket ?? zoneName;
}
