/**
 * From rows of a sheet (CSV or the first XLSX worksheet) to raw catalog records: the first row is the
 * header, Chinese or English; each later row is one item. Keeps, for each record, the spreadsheet row
 * and the header as written, so that validation messages point at the cell the maintainer typed.
 */
import { findColumn, type CatalogColumn } from '../../knowledge/catalog/catalog-columns.ts';
import type { CatalogIssue, RowOrigin } from '../../knowledge/catalog/catalog-issue.ts';
import { cellText, readCell, type CellValue } from './catalog-cells.ts';

export interface SheetRow {
  /** Spreadsheet row number (header = row 1 when the sheet starts with it). */
  row: number;
  cells: CellValue[];
}

export interface TableRecords {
  records: Record<string, unknown>[];
  origins: RowOrigin[];
  /** Required fields with no column; reported once here instead of once per row. */
  missingFields: string[];
  issues: CatalogIssue[];
}

export function readTable(
  rows: SheetRow[],
  columns: CatalogColumn[],
  context: { file: string; sheet?: string },
): TableRecords {
  const issues: CatalogIssue[] = [];
  const sheetText = context.sheet ? `「${context.sheet}」表` : '';
  const [header, ...body] = rows;
  if (!header) {
    issues.push({
      file: context.file,
      field: '',
      sheet: context.sheet,
      message: `${sheetText}没有表头和数据`,
    });
    return { records: [], origins: [], missingFields: [], issues };
  }

  const mapped: Array<{ index: number; column: CatalogColumn; written: string }> = [];
  header.cells.forEach((value, index) => {
    const written = cellText(value);
    const column = findColumn(written, columns);
    if (!column) return;
    const earlier = mapped.find((entry) => entry.column.field === column.field);
    if (earlier) {
      issues.push({
        file: context.file,
        row: header.row,
        column: written,
        field: column.field,
        sheet: context.sheet,
        message: `${sheetText}第 ${header.row} 行（表头）「${written}」：与「${earlier.written}」是同一列，请只保留一列`,
      });
      return;
    }
    mapped.push({ index, column, written });
  });

  const missingFields: string[] = [];
  for (const column of columns) {
    if (!column.required || mapped.some((entry) => entry.column.field === column.field)) continue;
    missingFields.push(column.field);
    const english = column.headers.find((h) => /^[a-z]/i.test(h));
    issues.push({
      file: context.file,
      row: header.row,
      field: column.field,
      sheet: context.sheet,
      message: `${sheetText}第 ${header.row} 行（表头）：缺少「${column.label}」列${english ? `（也可写作 ${english}）` : ''}`,
    });
  }

  const records: Record<string, unknown>[] = [];
  const origins: RowOrigin[] = [];
  for (const row of body) {
    if (row.cells.every((value) => cellText(value) === '')) continue;
    const record: Record<string, unknown> = {};
    const written: Record<string, string> = {};
    for (const entry of mapped) {
      written[entry.column.field] = entry.written;
      const value = readCell(entry.column.kind, row.cells[entry.index]);
      if (value !== undefined) record[entry.column.field] = value;
    }
    records.push(record);
    origins.push({ row: row.row, columns: written, ...(context.sheet ? { sheet: context.sheet } : {}) });
  }
  return { records, origins, missingFields, issues };
}

/** Themes named in the items' 一件事 column, when the file has no theme table of its own. */
export function themesFromItems(
  records: Record<string, unknown>[],
): Array<{ id: string; name: string; items: string[] }> {
  const byName = new Map<string, string[]>();
  for (const record of records) {
    const names = Array.isArray(record.themes) ? record.themes : [];
    for (const name of names) {
      if (typeof name !== 'string' || typeof record.id !== 'string') continue;
      const members = byName.get(name) ?? [];
      members.push(record.id);
      byName.set(name, members);
    }
  }
  return [...byName].map(([name, items]) => ({ id: name, name, items }));
}

const HALL_KEYS: Record<string, 'name' | 'version' | 'address' | 'hours' | 'phone'> = {
  大厅名称: 'name',
  大厅: 'name',
  名称: 'name',
  hall: 'name',
  name: 'name',
  版本: 'version',
  清单版本: 'version',
  version: 'version',
  地址: 'address',
  大厅地址: 'address',
  address: 'address',
  办公时间: 'hours',
  hours: 'hours',
  电话: 'phone',
  咨询电话: 'phone',
  phone: 'phone',
};

/** Key/value pairs (from a 大厅 sheet or `# 大厅名称：…` lines) → hall info and catalog version. */
export function readHallPairs(pairs: Array<[string, string]>): {
  hall: Record<string, string>;
  version?: string;
} {
  const hall: Record<string, string> = {};
  let version: string | undefined;
  for (const [key, value] of pairs) {
    const target = HALL_KEYS[key.replace(/\s+/g, '').toLowerCase()] ?? HALL_KEYS[key.trim()];
    if (!target || !value.trim()) continue;
    if (target === 'version') version = value.trim();
    else hall[target] = value.trim();
  }
  return { hall, version };
}
