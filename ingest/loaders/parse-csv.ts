/**
 * An RFC 4180 CSV parser: quoted fields may hold commas, quotes ("") and line breaks (a material
 * list in one cell). Each record keeps its record number, which is the row a spreadsheet shows when
 * it opens the file, and the line it starts on, for syntax errors.
 */

export interface CsvRecord {
  /** 1-based record number: the row a spreadsheet shows, even when a cell holds line breaks. */
  row: number;
  /** 1-based line of the file on which the record starts. */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  readonly code = 'CSV_SYNTAX' as const;
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(reason);
    this.name = 'CsvSyntaxError';
  }
}

export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteStartLine = 1;
  let index = 0;

  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    records.push({ row: records.length + 1, line: recordLine, cells });
    cells = [];
  };

  while (index < text.length) {
    const character = text[index];
    if (inQuotes) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 2;
          continue;
        }
        inQuotes = false;
        index += 1;
        continue;
      }
      if (character === '\n') line += 1;
      // A CRLF inside a quoted cell is one line break in the value.
      if (character === '\r' && text[index + 1] === '\n') {
        index += 1;
        continue;
      }
      cell += character;
      index += 1;
      continue;
    }
    if (character === '"' && cell.trim() === '') {
      inQuotes = true;
      quoteStartLine = line;
      cell = '';
      index += 1;
      continue;
    }
    if (character === delimiter) {
      endCell();
      index += 1;
      continue;
    }
    if (character === '\r' || character === '\n') {
      endRecord();
      index += character === '\r' && text[index + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    cell += character;
    index += 1;
  }
  if (inQuotes) {
    throw new CsvSyntaxError(
      quoteStartLine,
      `第 ${quoteStartLine} 行：引号没有闭合，请检查该行的双引号是否成对`,
    );
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
