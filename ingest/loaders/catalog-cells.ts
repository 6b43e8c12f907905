/**
 * Reading one spreadsheet cell into a catalog field value. Values that cannot be read are passed on
 * as written, so the validator can quote them back ("实际为“三天”") instead of silently dropping them.
 */
import { MATERIAL_PARTS, type ColumnKind } from '../../knowledge/catalog/catalog-columns.ts';
import { readBoolean, readCount, readDays } from '../../knowledge/catalog/tolerant-values.ts';
import { splitMaterialCell } from './material-lines.ts';

/** What a CSV or XLSX cell can hold before conversion. */
export type CellValue = string | number | boolean | Date | undefined;

export function cellText(value: CellValue): string {
  if (value === undefined) return '';
  if (value instanceof Date) return formatDate(value);
  return String(value).replace(/\r\n?/g, '\n').trim();
}

function formatDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function readDate(value: CellValue): unknown {
  const text = cellText(value);
  if (!text) return undefined;
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return text;
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
}

const splitLines = (text: string): string[] =>
  text
    .split('\n')
    .map((part) => part.trim())
    .filter(Boolean);

const MATERIAL_SEPARATOR = /[|｜]/u;

/** One material per entry: 名称|形式|份数|必要性|情形|免提交|备注; trailing parts may be left out. */
function readMaterials(value: CellValue): unknown[] {
  return splitMaterialCell(cellText(value)).map((line) => {
    const parts = line.split(MATERIAL_SEPARATOR).map((part) => part.trim());
    const material: Record<string, unknown> = {};
    MATERIAL_PARTS.forEach((part, index) => {
      const text = parts[index] ?? '';
      if (part.kind === 'int') material[part.field] = text ? readCount(text) : 1;
      else if (text) material[part.field] = text;
    });
    material.form ??= '原件';
    material.required ??= '必要';
    return material;
  });
}

/** Material entries of a cell that cannot be read: more parts than the format has. */
export function unreadableMaterials(value: CellValue): Array<{ position: number; reason: string }> {
  const format = MATERIAL_PARTS.map((part) => part.label).join('|');
  return splitMaterialCell(cellText(value)).flatMap((line, position) => {
    const count = line.split(MATERIAL_SEPARATOR).length;
    if (count <= MATERIAL_PARTS.length) return [];
    return [
      {
        position,
        reason: `无法识别“${line}”：用“|”分隔的部分有 ${count} 个，最多 ${MATERIAL_PARTS.length} 个（${format}）`,
      },
    ];
  });
}

/** Convert a cell to the value of a field of the given kind; empty cells become undefined. */
export function readCell(kind: ColumnKind, value: CellValue): unknown {
  switch (kind) {
    case 'int':
      return typeof value === 'number' ? value : readCount(cellText(value));
    case 'days':
      // An empty cell in a time-limit column means "no limit": null, never undefined or 0.
      return typeof value === 'number' ? value : readDays(cellText(value));
    case 'bool':
      return typeof value === 'boolean' ? value : readBoolean(cellText(value));
    case 'benefit': {
      const text = cellText(value);
      return text === '' ? undefined : { amount: text };
    }
    case 'date':
      return readDate(value);
    case 'list':
      return cellText(value)
        .split(/[、;；|｜\n]/)
        .map((part) => part.trim())
        .filter(Boolean);
    case 'lines':
      return splitLines(cellText(value));
    case 'materials':
      return readMaterials(value);
    case 'text':
    case 'enum':
    case 'optionalText': {
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      const text = cellText(value);
      return text === '' ? undefined : text;
    }
  }
}
