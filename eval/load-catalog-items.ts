/**
 * Reads the items of a catalog JSON file for the baseline and the benchmarks, validated against the
 * catalog schema so that a broken evaluation catalog is reported by item and field.
 */
import { readFile } from 'node:fs/promises';
import { catalogSchema, itemSchema } from '../knowledge/catalog/schema.ts';
import type { Catalog, Theme } from '../knowledge/catalog/schema.ts';
import { themeSchema } from '../knowledge/catalog/schema.ts';

export class EvalCatalogError extends Error {
  readonly code = 'EVAL_CATALOG_INVALID';
}

export function parseCatalog(value: unknown, file = 'catalog.json'): Catalog {
  const envelope = catalogSchema.safeParse(value);
  if (!envelope.success) {
    throw new EvalCatalogError(`${file}: ${envelope.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  const items = envelope.data.items.map((raw, index) => {
    const parsed = itemSchema.safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ');
      throw new EvalCatalogError(`${file}: item ${index + 1}: ${detail}`);
    }
    return parsed.data;
  });
  const themes: Theme[] = envelope.data.themes.map((raw, index) => {
    const parsed = themeSchema.safeParse(raw);
    if (!parsed.success) {
      throw new EvalCatalogError(`${file}: theme ${index + 1}: ${parsed.error.issues[0]?.message}`);
    }
    return parsed.data;
  });
  return { version: envelope.data.version, hall: envelope.data.hall, items, themes };
}

export async function loadCatalog(file: string): Promise<Catalog> {
  return parseCatalog(JSON.parse(await readFile(file, 'utf8')) as unknown, file);
}
