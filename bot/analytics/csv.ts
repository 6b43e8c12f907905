/**
 * CSV for spreadsheet tools: RFC 4180 quoting, a UTF-8 byte-order mark so Excel reads Chinese
 * correctly, and cells that start like a formula are prefixed so opening the file cannot run one.
 */
export type CsvCell = string | number | boolean | undefined | null;

export function csvCell(value: CsvCell): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
