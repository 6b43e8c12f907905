/**
 * The names the fact guard watches for, collected once from the catalog and the hall: every material
 * (so a model cannot add one from another item), and every window, zone, area, department, item and
 * theme name (so a model cannot send a citizen somewhere the composed answer did not).
 */
import type { Catalog } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import type { FactVocabulary } from './fact-guard.ts';

export function collectFactVocabulary({ catalog, hall }: { catalog: Catalog; hall?: Hall }): FactVocabulary {
  const materials = catalog.items.flatMap((item) => item.materials.map((material) => material.name));
  const names = [
    ...catalog.items.flatMap((item) => [item.name, item.department, `${item.zone}专区`]),
    ...catalog.themes.map((theme) => theme.name),
  ];
  if (hall) {
    names.push(
      ...hall.windows.map((window) => window.name),
      ...hall.windows.flatMap((window) => window.special ?? []),
    );
    for (const zone of hall.zones) {
      // "一楼东区" is caught by its floor number; "东区" alone by its direction.
      names.push(`${zone.name}专区`, zone.area, zone.area.replace(/^[一二三四五六七八九十\d]+楼/, ''));
    }
  }
  return { materials: unique(materials), names: unique(names) };
}

const unique = (values: string[]): string[] => [
  ...new Set(values.map((value) => value.trim()).filter(Boolean)),
];
