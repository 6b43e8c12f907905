/**
 * Whether a catalog and a hall layout fit together: every window number an item names, and every
 * zone it belongs to, should be in the layout, or the assistant would send citizens to a window
 * the hall screen cannot show. Findings are warnings: the hall may be about to add the window.
 */
import type { CatalogIssue } from '../../knowledge/catalog/catalog-issue.ts';
import type { Catalog } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';

const WINDOW_NUMBER = /[A-Za-z]\d{1,3}/g;

export function hallConsistencyWarnings(catalog: Catalog, hall: Hall, file: string): CatalogIssue[] {
  const windows = new Set(hall.windows.map((window) => window.id.toUpperCase()));
  const zones = new Set(hall.zones.map((zone) => zone.name));
  const warnings: CatalogIssue[] = [];
  for (const item of catalog.items) {
    const missing = [
      ...new Set((item.window.match(WINDOW_NUMBER) ?? []).map((id) => id.toUpperCase())),
    ].filter((id) => !windows.has(id));
    if (missing.length > 0) {
      warnings.push({
        file,
        field: 'window',
        itemId: item.id,
        message: `事项“${item.name}”（${item.id}）的办理窗口 ${missing.join('、')} 不在大厅布局中`,
      });
    }
    if (!zones.has(item.zone)) {
      warnings.push({
        file,
        field: 'zone',
        itemId: item.id,
        message: `事项“${item.name}”（${item.id}）所属的${item.zone}专区不在大厅布局中`,
      });
    }
  }
  return warnings;
}
