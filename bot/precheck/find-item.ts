/**
 * Finds the item a pre-check names: by code first, then by exact name or alias, then by a unique
 * containment of names ("结婚登记" → 内地居民结婚登记). Anything else is ITEM_NOT_FOUND: a pre-check
 * must never check against a guessed item.
 */
import type { Catalog, ServiceItem } from '../../knowledge/catalog/schema.ts';
import { normalizeForMatch } from '../../knowledge/text/normalize.ts';
import { ItemNotFoundError } from '../errors/item-not-found-error.ts';
import { PrecheckInputError } from '../errors/precheck-input-error.ts';

const key = (text: string): string => normalizeForMatch(text).replace(/\s+/g, '');

export function findPrecheckItem(
  catalog: Catalog,
  reference: { itemId?: string; itemName?: string },
): ServiceItem {
  const { itemId, itemName } = reference;
  if (!itemId && !itemName) throw new PrecheckInputError('请提供事项编码（itemId）或事项名称（itemName）。');
  if (itemId) {
    const wanted = itemId.trim().toUpperCase();
    const byId = catalog.items.find((item) => item.id.toUpperCase() === wanted);
    if (byId) return byId;
    if (!itemName) throw new ItemNotFoundError(itemId);
  }
  const name = key(itemName ?? '');
  const exact = catalog.items.find((item) =>
    [item.name, ...item.aliases].some((label) => key(label) === name),
  );
  if (exact) return exact;
  if (name.length >= 2) {
    const containing = catalog.items.filter((item) =>
      [item.name, ...item.aliases].some((label) => key(label).includes(name) || name.includes(key(label))),
    );
    if (containing.length === 1) return containing[0];
  }
  throw new ItemNotFoundError(itemName ?? itemId ?? '');
}
