/**
 * The hall's own channels as answers use them, with the behaviour when a hall leaves a field out:
 * no portal configured → none is named; no hotline → the national 12345 hotline; no progress lookup
 * → the configured portals, if any. Nothing here names a place or a channel of a particular hall.
 */
import type { Hall, HallHotline, HallPortal } from './schema.ts';

/** 12345 is the national public service hotline, so it is the one default a hall may leave out. */
export const NATIONAL_HOTLINE: Required<HallHotline> = { number: '12345', name: '政务服务便民热线' };

export function hotlineOf(hall: Hall): Required<HallHotline> {
  if (!hall.hotline) return NATIONAL_HOTLINE;
  return { number: hall.hotline.number, name: hall.hotline.name ?? NATIONAL_HOTLINE.name };
}

/** "12345政务服务便民热线", "0000-12345政务服务便民热线". */
export function hotlineText(hall: Hall): string {
  const { number, name } = hotlineOf(hall);
  return `${number}${name}`;
}

export function portalsOf(hall: Hall): HallPortal[] {
  return hall.portals ?? [];
}

/** The portals that show a citizen's own applications, in the order the hall lists them. */
export function progressPortals(hall: Hall): HallPortal[] {
  const wanted = hall.progressLookup?.portals;
  const portals = portalsOf(hall);
  return wanted ? portals.filter((portal) => wanted.includes(portal.name)) : portals;
}

/** "A", "A或B", "A、B或C": channels a citizen may choose between. */
export function joinAlternatives(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join('、')}或${names[names.length - 1]}`;
}
