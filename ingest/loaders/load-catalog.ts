/**
 * Loads a catalog (事项清单) from canonical JSON, CSV or XLSX, chosen by extension, and validates it.
 *
 * Hall name and version in tabular files, which have no place for them in the item header:
 * - XLSX: an optional sheet named 大厅 (or hall) of key/value rows: 大厅名称, 版本, 地址, 办公时间, 咨询电话;
 * - CSV: optional lines before the header that start with `#`: `# 大厅名称：…`, `# 版本：…`;
 * - otherwise the hall is named after the file (without extension) and the version is the latest
 *   更新日期 of the items (or "1").
 * Themes (一件事): the XLSX sheet 主题 (or themes) when present; otherwise they are gathered from the
 * items' 一件事 column, the theme name serving as its id.
 *
 * CSV files may be UTF-8 (with or without BOM), UTF-16 with BOM or GBK/GB18030, separated by commas,
 * tabs or semicolons; title rows above the header are skipped in CSV and XLSX alike. What is read is
 * reported as errors (the file cannot be used) and warnings (consistency rules; the file is used).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CATALOG_COLUMNS, THEME_COLUMNS } from '../../knowledge/catalog/catalog-columns.ts';
import type { Catalog } from '../../knowledge/catalog/schema.ts';
import { validateCatalog, type CatalogIssue, type CatalogOrigin } from '../../knowledge/catalog/validate.ts';
import { CatalogFileError } from '../../knowledge/errors/catalog-file-error.ts';
import { CatalogValidationError } from '../../knowledge/errors/catalog-validation-error.ts';
import { cellText } from './catalog-cells.ts';
import { readHallPairs, readTable, themesFromItems, type SheetRow } from './catalog-table.ts';
import { CsvSyntaxError, parseCsv } from './parse-csv.ts';
import { decodeCatalogText, UnknownEncodingError } from './decode-catalog-text.ts';
import { readXlsx } from './read-xlsx.ts';

interface RawCatalog {
  raw: unknown;
  origin: CatalogOrigin;
  /** Problems found while reading, before validation (headers, encoding). */
  issues: CatalogIssue[];
  /** Findings while reading that do not block the file (columns daoban does not know). */
  warnings?: CatalogIssue[];
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : '文件无法打开';
    throw new CatalogFileError(file, reason, { cause: error });
  }
}

function decode(file: string, bytes: Uint8Array): string {
  try {
    return decodeCatalogText(bytes).text;
  } catch (error) {
    if (error instanceof UnknownEncodingError) {
      throw new CatalogValidationError(file, [{ file, field: '', message: error.message }]);
    }
    throw error;
  }
}

// Excel saves "CSV" with ; in some locales and "Unicode 文本" with tabs: the header line tells which.
const DELIMITERS = [',', '\t', ';', '；'] as const;

function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/).find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (!header) return ',';
  const count = (delimiter: string) => header.split(delimiter).length - 1;
  return DELIMITERS.reduce((best, delimiter) => (count(delimiter) > count(best) ? delimiter : best), ',');
}

/** Version and hall block from the file's key/value pairs, with the file name and dates as fallback. */
function catalogHeader(
  file: string,
  pairs: Array<[string, string]>,
  records: Record<string, unknown>[],
): { version: string; hall: Record<string, unknown> } {
  const { hall, version } = readHallPairs(pairs);
  const fallback = defaults(file, records);
  return { version: version ?? fallback.version, hall: { name: fallback.name, ...hall } };
}

function defaults(file: string, records: Record<string, unknown>[]): { name: string; version: string } {
  const dates = records
    .map((record) => record.updatedAt)
    .filter((value): value is string => typeof value === 'string');
  const latest = dates
    .filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date))
    .sort()
    .at(-1);
  return { name: path.basename(file, path.extname(file)), version: latest ?? '1' };
}

async function readJsonCatalog(file: string): Promise<RawCatalog> {
  const text = decode(file, await readBytes(file));
  try {
    return { raw: JSON.parse(text), origin: { file }, issues: [] };
  } catch (error) {
    const issue = { file, field: '', message: `不是有效的 JSON：${(error as Error).message}` };
    return { raw: undefined, origin: { file }, issues: [issue] };
  }
}

async function readCsvCatalog(file: string): Promise<RawCatalog> {
  const text = decode(file, await readBytes(file));
  let records;
  try {
    records = parseCsv(text, delimiterOf(text));
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new CatalogValidationError(file, [{ file, row: error.line, field: '', message: error.message }]);
    }
    throw error;
  }
  const pairs: Array<[string, string]> = [];
  while (records.length > 0 && (records[0].cells[0] ?? '').trimStart().startsWith('#')) {
    const line = records
      .shift()!
      .cells.filter((cell) => cell.trim() !== '')
      .join(',')
      .trim()
      .replace(/^#\s*/, '');
    const separator = line.search(/[:：]/);
    if (separator > 0) pairs.push([line.slice(0, separator), line.slice(separator + 1)]);
  }
  const rows: SheetRow[] = records.map((record) => ({ row: record.row, cells: record.cells }));
  const table = readTable(rows, CATALOG_COLUMNS, { file, keepOthers: true });
  return {
    raw: {
      ...catalogHeader(file, pairs, table.records),
      items: table.records,
      themes: themesFromItems(table.records),
    },
    origin: { file, rows: table.origins, missingFields: table.missingFields },
    issues: table.issues,
    warnings: table.warnings,
  };
}

async function readXlsxCatalog(file: string): Promise<RawCatalog> {
  await readBytes(file);
  let workbook;
  try {
    workbook = await readXlsx(file);
  } catch (error) {
    throw new CatalogFileError(file, '不是有效的 Excel（.xlsx）文件', { cause: error });
  }
  const table = readTable(workbook.rows() ?? [], CATALOG_COLUMNS, { file, keepOthers: true });
  const issues = [...table.issues];
  const warnings = [...table.warnings];

  const themeSheetName = ['主题', '一件事', 'themes'].find((name) => workbook.rows(name) !== undefined);
  let themes: unknown[] = themesFromItems(table.records);
  let themeRows;
  if (themeSheetName) {
    const themeTable = readTable(workbook.rows(themeSheetName) ?? [], THEME_COLUMNS, {
      file,
      sheet: themeSheetName,
    });
    issues.push(...themeTable.issues);
    warnings.push(...themeTable.warnings);
    themes = themeTable.records;
    themeRows = themeTable.origins;
  }

  const hallSheet = workbook.rows('大厅') ?? workbook.rows('hall') ?? [];
  const pairs = hallSheet.map((row): [string, string] => [cellText(row.cells[0]), cellText(row.cells[1])]);
  return {
    raw: {
      ...catalogHeader(file, pairs, table.records),
      items: table.records,
      themes,
    },
    origin: { file, rows: table.origins, themeRows, missingFields: table.missingFields },
    issues,
    warnings,
  };
}

const READERS: Record<string, (file: string) => Promise<RawCatalog>> = {
  '.json': readJsonCatalog,
  '.csv': readCsvCatalog,
  '.xlsx': readXlsxCatalog,
};

/** Everything a catalog file gives: the catalog when it can be used, and what is wrong with it. */
export interface CatalogReport {
  /** The validated catalog; absent when there are errors. */
  catalog?: Catalog;
  /** Problems that block the file (structure, unreadable cells, duplicates). */
  errors: CatalogIssue[];
  /** Findings that do not block it (consistency rules); errors under `strict`. */
  warnings: CatalogIssue[];
}

export interface CatalogReadOptions {
  /** Turn warnings into errors (`npm run ingest -- --strict`). */
  strict?: boolean;
}

// Issues of the whole file first, then by sheet and row; the order within a row is kept (stable sort).
function inFileOrder(issues: CatalogIssue[]): CatalogIssue[] {
  return [...issues].sort(
    (a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0),
  );
}

/**
 * Read and validate a catalog file (.json, .csv or .xlsx) without throwing for its content: every
 * error and warning is in the report. Throws CatalogFileError when the file cannot be read at all.
 */
export async function readCatalogReport(
  file: string,
  options: CatalogReadOptions = {},
): Promise<CatalogReport> {
  const extension = path.extname(file).toLowerCase();
  const reader = READERS[extension];
  if (!reader) {
    throw new CatalogFileError(file, `不支持“${extension || '无扩展名'}”格式，请使用 .json、.csv 或 .xlsx`);
  }
  let read: RawCatalog;
  try {
    read = await reader(file);
  } catch (error) {
    // Encoding and CSV syntax problems are reported like any other error of the file.
    if (error instanceof CatalogValidationError) return { errors: error.issues, warnings: [] };
    throw error;
  }
  if (read.raw === undefined) return { errors: read.issues, warnings: [] };
  const validation = validateCatalog(read.raw, read.origin);
  const errors = inFileOrder([...read.issues, ...validation.issues]);
  const warnings = [...(read.warnings ?? []), ...validation.warnings];
  if (options.strict) errors.push(...warnings.splice(0));
  const { catalog } = validation;
  return catalog && errors.length === 0 ? { catalog, errors, warnings } : { errors, warnings };
}

/**
 * Load and validate a catalog file (.json, .csv or .xlsx). Throws CatalogValidationError listing
 * every error found, or CatalogFileError when the file cannot be read at all.
 */
export async function loadCatalogFile(file: string, options: CatalogReadOptions = {}): Promise<Catalog> {
  const report = await readCatalogReport(file, options);
  if (!report.catalog) throw new CatalogValidationError(file, report.errors);
  return report.catalog;
}
