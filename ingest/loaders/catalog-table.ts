/**
 * From rows of a sheet (CSV or the first XLSX worksheet) to raw catalog records: the header row,
 * Chinese or English, is the first row that names catalog columns (title rows above it, as exports
 * have them, are skipped); each later non-empty row is one item. Keeps, for each record, the
 * spreadsheet row and the header as written, so that validation messages point at the cell the
 * maintainer typed.
 */
import { findColumn, type CatalogColumn } from '../../knowledge/catalog/catalog-columns.ts';
import type { CatalogIssue, RowOrigin } from '../../knowledge/catalog/catalog-issue.ts';
import { cellText, readCell, unreadableMaterials, type CellValue } from './catalog-cells.ts';

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
  /** Findings that do not block the file: columns daoban does not know. */
  warnings: CatalogIssue[];
}

// Title rows ("某某市政务服务事项清单", "填报单位：…") come before the header in exports; the header is
// looked for among the first rows only, so a data row is never taken for it.
const HEADER_SEARCH_ROWS = 20;
// A row is the header when it names this many columns (a title row names at most one by chance).
const HEADER_MIN_COLUMNS = 3;

function headerIndex(rows: SheetRow[], columns: CatalogColumn[]): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index += 1) {
    const named = new Set(
      rows[index].cells.map((value) => findColumn(cellText(value), columns)?.field).filter(Boolean),
    );
    if (named.size >= Math.min(HEADER_MIN_COLUMNS, columns.filter((c) => c.required).length)) {
      return index;
    }
  }
  return 0;
}

export function readTable(
  rows: SheetRow[],
  columns: CatalogColumn[],
  context: { file: string; sheet?: string; keepOthers?: boolean },
): TableRecords {
  const issues: CatalogIssue[] = [];
  const warnings: CatalogIssue[] = [];
  const sheetText = context.sheet ? `「${context.sheet}」表` : '';
  const nonEmpty = rows.filter((row) => row.cells.some((value) => cellText(value) !== ''));
  const [header, ...body] = nonEmpty.slice(headerIndex(nonEmpty, columns));
  if (!header) {
    issues.push({
      file: context.file,
      field: '',
      sheet: context.sheet,
      message: `${sheetText}没有表头和数据`,
    });
    return { records: [], origins: [], missingFields: [], issues, warnings };
  }

  const mapped: Array<{ index: number; column: CatalogColumn; written: string }> = [];
  // Columns daoban has no field for: their content is kept as 其他信息 (items), never dropped silently.
  const others: Array<{ index: number; written: string }> = [];
  header.cells.forEach((value, index) => {
    const written = cellText(value);
    const column = findColumn(written, columns);
    if (!column) {
      if (written === '') return;
      others.push({ index, written });
      warnings.push({
        file: context.file,
        row: header.row,
        column: written,
        field: context.keepOthers ? `extra.${written}` : '',
        sheet: context.sheet,
        message: `${sheetText}第 ${header.row} 行（表头）「${written}」：不是已知的列，${
          context.keepOthers ? '各行的内容作为“其他信息”保留在事项中' : '这一列的内容不会导入'
        }`,
      });
      return;
    }
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

  const has = (field: string) => mapped.some((entry) => entry.column.field === field);
  const missingFields: string[] = [];
  const standIns: CatalogColumn[] = [];
  for (const column of columns) {
    if (!column.required || has(column.field)) continue;
    // With a stand-in, each row is checked on its own (an empty 基本编码 is still a missing id).
    if (column.standIn && has(column.standIn)) {
      standIns.push(column);
      continue;
    }
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
    const reported: string[] = [];
    for (const entry of mapped) {
      written[entry.column.field] = entry.written;
      const cell = row.cells[entry.index];
      const value = readCell(entry.column.kind, cell);
      if (value !== undefined) record[entry.column.field] = value;
      if (entry.column.kind === 'materials') {
        for (const problem of unreadableMaterials(cell)) {
          reported.push(`materials[${problem.position}]`);
          issues.push({
            file: context.file,
            row: row.row,
            column: entry.written,
            field: `materials[${problem.position}]`,
            ...(typeof record.id === 'string' ? { itemId: record.id } : {}),
            ...(context.sheet ? { sheet: context.sheet } : {}),
            message: `${sheetText}第 ${row.row} 行「${entry.written}」第 ${problem.position + 1} 项材料：${problem.reason}`,
          });
        }
      }
    }
    if (context.keepOthers) {
      const extra: Record<string, string> = {};
      for (const other of others) {
        const value = cellText(row.cells[other.index]);
        if (value !== '') extra[other.written] = value;
      }
      if (Object.keys(extra).length > 0) record.extra = extra;
    }
    for (const column of standIns) {
      if (standIn(column, record, written, issues, { ...context, row: row.row })) reported.push(column.field);
    }
    records.push(record);
    origins.push({
      row: row.row,
      columns: written,
      ...(reported.length > 0 ? { reported } : {}),
      ...(context.sheet ? { sheet: context.sheet } : {}),
    });
  }
  return { records, origins, missingFields, issues, warnings };
}

/**
 * A required column the file does not have, read from the column that stands in for it: the id from
 * 基本编码; 不收费 from 是否收费 “否” (item-input.ts), or an error when it says “是” and no fee is given.
 * Returns whether it reported the field itself (so the validator does not report it again).
 */
function standIn(
  column: CatalogColumn,
  record: Record<string, unknown>,
  written: Record<string, string>,
  issues: CatalogIssue[],
  where: { file: string; sheet?: string; row: number },
): boolean {
  const source = column.standIn!;
  written[column.field] = written[source];
  if (column.field === 'id') {
    if (record[source] !== undefined) record.id = record[source];
    return false;
  }
  if (column.field === 'fee' && record[source] === true && record.fee === undefined) {
    const sheetText = where.sheet ? `「${where.sheet}」表` : '';
    issues.push({
      file: where.file,
      row: where.row,
      column: written[source],
      field: 'fee',
      ...(typeof record.id === 'string' ? { itemId: record.id } : {}),
      ...(where.sheet ? { sheet: where.sheet } : {}),
      message: `${sheetText}第 ${where.row} 行「${written[source]}」：为“是”时需要写明收费标准和依据，请加上「收费标准」列`,
    });
    return true;
  }
  return false;
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
