/**
 * One problem found in a catalog file, located precisely enough that the staff member who maintains
 * the spreadsheet can go straight to the cell.
 */

export interface CatalogIssue {
  file: string;
  /** Spreadsheet row (header = row 1) or, for JSON, items[i] as row i + 1. */
  row?: number;
  /** The header as written in the file, for CSV and XLSX. */
  column?: string;
  /** The field path: `promisedDays`, `materials[1].copies`; for JSON `items[4].promisedDays`. */
  field: string;
  itemId?: string;
  /** Worksheet, when the issue is not on the first sheet (e.g. 主题). */
  sheet?: string;
  /** A complete sentence in Chinese, e.g. 第 5 行「承诺时限」：应为不小于 0 的整数，实际为“三天”. */
  message: string;
}

/** Where one item (or theme) came from in a tabular file. */
export interface RowOrigin {
  row: number;
  /** Field → header as written in the file. */
  columns: Record<string, string>;
  sheet?: string;
  /** Field paths the reader already reported for this row (`materials[2]`), not to be reported twice. */
  reported?: string[];
}

/** One line for logs and error messages: the file name, then the issue's own sentence. */
export function formatCatalogIssue(issue: CatalogIssue): string {
  const where = issue.sheet ? `${issue.file}（${issue.sheet}）` : issue.file;
  return `${where}：${issue.message}`;
}
