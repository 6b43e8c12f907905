/**
 * Reading one spreadsheet cell into a catalog field value. Values that cannot be read are passed on
 * as written, so the validator can quote them back ("实际为“三天”") instead of silently dropping them.
 */
import { MATERIAL_PARTS, type ColumnKind } from '../../knowledge/catalog/catalog-columns.ts';

/** What a CSV or XLSX cell can hold before conversion. */
export type CellValue = string | number | boolean | Date | undefined;

const TRUE_WORDS = new Set(['是', '实行', '适用', 'true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['否', '不实行', '不适用', 'false', 'no', 'n', '0']);

export function cellText(value: CellValue): string {
  if (value === undefined) return '';
  if (value instanceof Date) return formatDate(value);
  return String(value).replace(/\r\n?/g, '\n').trim();
}

function formatDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** "5", "5 个工作日", "5天" → 5; anything else stays as written. */
function readCount(value: CellValue): unknown {
  if (typeof value === 'number') return value;
  const text = cellText(value);
  if (!text) return undefined;
  const match = /^(\d+)\s*(个工作日|工作日|天|日|次|份)?$/.exec(text);
  return match ? Number(match[1]) : text;
}

function readBoolean(value: CellValue): unknown {
  if (typeof value === 'boolean') return value;
  const text = cellText(value);
  if (!text) return undefined;
  const lower = text.toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  return text;
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

/** One material per line: 名称|形式|份数|必要性|情形|免提交|备注; trailing parts may be left out. */
function readMaterials(value: CellValue): unknown[] {
  return splitLines(cellText(value)).map((line) => {
    const parts = line.split(/[|｜]/).map((part) => part.trim());
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

/** Convert a cell to the value of a field of the given kind; empty cells become undefined. */
export function readCell(kind: ColumnKind, value: CellValue): unknown {
  switch (kind) {
    case 'int':
      return readCount(value);
    case 'bool':
      return readBoolean(value);
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
