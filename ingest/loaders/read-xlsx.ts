/**
 * Reads the sheets of an XLSX workbook (exceljs) into plain rows of cell values, resolving rich text,
 * hyperlinks and formula results to what the cell shows.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from './catalog-cells.ts';
import type { SheetRow } from './catalog-table.ts';

export interface Workbook {
  sheetNames: string[];
  /** Rows of a sheet by name; the first sheet when name is undefined. */
  rows(name?: string): SheetRow[] | undefined;
}

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined || (typeof result === 'object' && !(result instanceof Date))
        ? undefined
        : result;
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return undefined;
  }
  return undefined;
}

export async function readXlsx(file: string): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets = workbook.worksheets;
  const cache = new Map<string, SheetRow[]>();
  const rowsOf = (sheet: ExcelJS.Worksheet): SheetRow[] => {
    const cached = cache.get(sheet.name);
    if (cached) return cached;
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      for (let column = 1; column <= Math.max(row.cellCount, sheet.columnCount); column += 1) {
        cells.push(plainValue(row.getCell(column).value));
      }
      rows.push({ row: rowNumber, cells });
    });
    cache.set(sheet.name, rows);
    return rows;
  };
  return {
    sheetNames: sheets.map((sheet) => sheet.name),
    rows(name) {
      const sheet =
        name === undefined
          ? sheets[0]
          : sheets.find((s) => s.name.trim().toLowerCase() === name.toLowerCase());
      return sheet ? rowsOf(sheet) : undefined;
    },
  };
}
