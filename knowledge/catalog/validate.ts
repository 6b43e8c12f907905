/**
 * Catalog validation: turns raw data (parsed JSON, or rows read from CSV/XLSX) into a `Catalog`, and
 * reports every problem at once. Errors block the catalog: schema errors (no id or name, an unknown
 * zone or type, a value that cannot be read as its type), duplicate ids, themes that name unknown
 * items. Warnings do not: the consistency rules of the reform plan (consistency-rules.ts). Messages
 * are for hall staff: plain Chinese, naming row, column and the value found.
 */
import {
  hallInfoSchema,
  itemSchema,
  ITEM_KINDS,
  ITEM_TYPES,
  MATERIAL_NECESSITY,
  ONLINE_DEPTHS,
  themeSchema,
  ZONES,
  type Catalog,
  type ServiceItem,
  type Theme,
} from './schema.ts';
import {
  CATALOG_COLUMNS,
  MATERIAL_PARTS,
  THEME_COLUMNS,
  type CatalogColumn,
  type ColumnKind,
} from './catalog-columns.ts';
import type { CatalogIssue, RowOrigin } from './catalog-issue.ts';
import { consistencyFindings } from './consistency-rules.ts';
import { normaliseItemInput } from './item-input.ts';

export type { CatalogIssue, RowOrigin } from './catalog-issue.ts';

export interface CatalogOrigin {
  file: string;
  /** For tabular files: where items[i] came from. Without it, items are located as JSON paths. */
  rows?: RowOrigin[];
  /** For tabular files: where themes[i] came from (the 主题 sheet). */
  themeRows?: RowOrigin[];
  /** Fields whose column is missing from the file; the loader reports that once, not on every row. */
  missingFields?: string[];
}

const ENUM_VALUES: Record<string, readonly string[]> = {
  type: ITEM_TYPES,
  zone: ZONES,
  kind: ITEM_KINDS,
  online: ONLINE_DEPTHS,
  required: MATERIAL_NECESSITY,
};

type Path = ReadonlyArray<PropertyKey>;
type Record_ = Record<string, unknown>;

const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function describe(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : `“${value}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return `“${String(value)}”`;
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key as string];
  }
  return current;
}

const pathText = (path: Path): string =>
  path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');

/** The reason a value is wrong, from what the field should hold, not from zod's generic wording. */
function reasonFor(kind: ColumnKind | undefined, field: string, value: unknown, fallback: string): string {
  const actual = describe(value);
  switch (kind) {
    case 'int':
      return actual ? `应为不小于 0 的整数，实际为${actual}` : '不能为空，应填写不小于 0 的整数';
    case 'days':
      return actual
        ? `应为工作日数（如“20”“20个工作日”“即办”），没有时限的填“无”，实际为${actual}`
        : '应填写工作日数；没有时限的请填“无”或留空';
    case 'enum': {
      const allowed = (ENUM_VALUES[field] ?? []).map((v) => `“${v}”`).join('、');
      return actual ? `应为${allowed}之一，实际为${actual}` : `不能为空，应为${allowed}之一`;
    }
    case 'text':
      return actual === undefined ? '不能为空' : `应为文字，实际为${actual}`;
    case 'bool':
      return `应为“是”或“否”，实际为${actual ?? '空'}`;
    case 'date':
      return `格式应为 YYYY-MM-DD，实际为${actual ?? '空'}`;
    case 'list':
    case 'lines':
    case 'materials':
      return `应为列表，实际为${actual ?? '空'}`;
    default:
      return fallback;
  }
}

interface Located {
  row: number;
  column?: string;
  field: string;
  sheet?: string;
  /** The start of the message: 第 5 行「承诺时限」 */
  where: string;
}

class IssueCollector {
  readonly issues: CatalogIssue[] = [];
  constructor(private readonly origin: CatalogOrigin) {}

  locate(collection: 'items' | 'themes', index: number, path: Path): Located {
    const columns = collection === 'items' ? CATALOG_COLUMNS : THEME_COLUMNS;
    const rows = collection === 'items' ? this.origin.rows : this.origin.themeRows;
    const top = String(path[0] ?? '');
    const column = columns.find((c) => c.field === top);
    const label = column?.label ?? top;
    const rest = path.slice(1);
    const materialIndex = top === 'materials' && typeof rest[0] === 'number' ? rest[0] : undefined;
    const part = materialIndex !== undefined ? MATERIAL_PARTS.find((p) => p.field === rest[1]) : undefined;
    const partText =
      materialIndex !== undefined
        ? `第 ${materialIndex + 1} 项材料${part ? `的「${part.label}」` : ''}`
        : typeof rest[0] === 'number'
          ? `第 ${rest[0] + 1} 项`
          : '';
    const origin = rows?.[index];
    if (origin) {
      const written = origin.columns[top] ?? label;
      const sheet = origin.sheet;
      const sheetText = sheet ? `「${sheet}」表` : '';
      return {
        row: origin.row,
        column: top ? written : undefined,
        field: pathText(path),
        sheet,
        where: `${sheetText}第 ${origin.row} 行${top ? `「${written}」` : ''}${partText}`,
      };
    }
    const field = pathText([collection, index, ...path]);
    const noun = collection === 'items' ? `第 ${index + 1} 条事项` : `第 ${index + 1} 个主题`;
    return { row: index + 1, field, where: `${noun}${top ? `「${label}」` : ''}${partText}（${field}）` };
  }

  add(collection: 'items' | 'themes', index: number, path: Path, reason: string, itemId?: string): void {
    const located = this.locate(collection, index, path);
    this.issues.push({
      file: this.origin.file,
      row: located.row,
      ...(located.column !== undefined ? { column: located.column } : {}),
      field: located.field,
      ...(itemId ? { itemId } : {}),
      ...(located.sheet ? { sheet: located.sheet } : {}),
      message: `${located.where}：${reason}`,
    });
  }

  addFileLevel(field: string, message: string): void {
    this.issues.push({ file: this.origin.file, field, message });
  }

  /** The wording of a row, for messages that name another row (duplicates). */
  rowName(collection: 'items' | 'themes', index: number): string {
    const rows = collection === 'items' ? this.origin.rows : this.origin.themeRows;
    const origin = rows?.[index];
    if (origin) return `第 ${origin.row} 行`;
    return collection === 'items'
      ? `第 ${index + 1} 条事项（items[${index}]）`
      : `第 ${index + 1} 个主题（themes[${index}]）`;
  }
}

function kindOf(columns: CatalogColumn[], path: Path): { kind?: ColumnKind; field: string } {
  const top = String(path[0] ?? '');
  if (top === 'materials' && path.length >= 3) {
    const part = MATERIAL_PARTS.find((p) => p.field === path[2]);
    return { kind: part?.kind, field: String(path[2]) };
  }
  // An empty entry inside a list (aliases[2]) is a text problem, not a list problem.
  if (path.length >= 2 && typeof path[1] === 'number') return { kind: 'text', field: top };
  return { kind: columns.find((c) => c.field === top)?.kind, field: top };
}

const idOf = (raw: unknown): string | undefined =>
  isRecord(raw) && typeof raw.id === 'string' && raw.id.trim() ? raw.id.trim() : undefined;

function checkConsistency(warnings: IssueCollector, index: number, raw: unknown, itemId?: string): void {
  const normalised = normaliseItemInput(raw);
  if (!isRecord(normalised)) return;
  for (const finding of consistencyFindings(normalised)) {
    warnings.add('items', index, [finding.field], finding.reason, itemId);
  }
}

export interface CatalogValidation {
  /** The catalog, when there is no error (warnings do not block it). */
  catalog?: Catalog;
  /** Errors, in file order: structure, unreadable values, duplicates, themes naming unknown items. */
  issues: CatalogIssue[];
  /** Broken consistency rules (承诺 ≤ 法定, 全程网办 ⇒ 0 次, 即办件 ⇔ 0 天, 收费依据), in file order. */
  warnings: CatalogIssue[];
}

/**
 * Validate a whole catalog. Returns the catalog when there is no error; every error and every warning
 * found, in file order.
 */
export function validateCatalog(raw: unknown, origin: CatalogOrigin): CatalogValidation {
  const collector = new IssueCollector(origin);
  const warnings = new IssueCollector(origin);
  const missing = new Set(origin.missingFields ?? []);
  if (!isRecord(raw)) {
    collector.addFileLevel('', '文件内容应为一个对象：{ version, hall, items, themes }');
    return { issues: collector.issues, warnings: warnings.issues };
  }

  const version = typeof raw.version === 'number' ? String(raw.version) : raw.version;
  if (typeof version !== 'string' || !version.trim()) {
    collector.addFileLevel('version', '缺少版本号（version）');
  }
  const hall = hallInfoSchema.safeParse(raw.hall);
  if (!hall.success) {
    for (const issue of hall.error.issues) {
      const field = pathText(['hall', ...issue.path]);
      collector.addFileLevel(field, `大厅信息（${field}）：${issue.message}`);
    }
  }
  if (!Array.isArray(raw.items)) {
    collector.addFileLevel('items', '缺少事项列表（items），应为数组');
    return { issues: collector.issues, warnings: warnings.issues };
  }
  const rawThemes: unknown[] = raw.themes === undefined ? [] : Array.isArray(raw.themes) ? raw.themes : [];
  if (raw.themes !== undefined && !Array.isArray(raw.themes)) {
    collector.addFileLevel('themes', '一件事主题（themes）应为数组');
  }

  const items: ServiceItem[] = [];
  const firstIndexOfId = new Map<string, number>();
  raw.items.forEach((rawItem, index) => {
    const itemId = idOf(rawItem);
    if (!isRecord(rawItem)) {
      collector.add('items', index, [], '应为一个事项对象');
      return;
    }
    const parsed = itemSchema.safeParse(rawItem);
    if (parsed.success) items.push(parsed.data);
    else {
      const reported = origin.rows?.[index]?.reported ?? [];
      for (const issue of parsed.error.issues) {
        if (missing.has(String(issue.path[0]))) continue;
        if (reported.some((field) => pathText(issue.path).startsWith(field))) continue;
        const { kind, field } = kindOf(CATALOG_COLUMNS, issue.path);
        collector.add(
          'items',
          index,
          issue.path,
          reasonFor(kind, field, valueAt(rawItem, issue.path), issue.message),
          itemId,
        );
      }
    }
    checkConsistency(warnings, index, rawItem, itemId);
    if (itemId) {
      const first = firstIndexOfId.get(itemId);
      if (first === undefined) firstIndexOfId.set(itemId, index);
      else {
        collector.add(
          'items',
          index,
          ['id'],
          `事项编码“${itemId}”与${collector.rowName('items', first)}重复`,
          itemId,
        );
      }
    }
  });

  const themes: Theme[] = [];
  const firstIndexOfTheme = new Map<string, number>();
  rawThemes.forEach((rawTheme, index) => {
    if (!isRecord(rawTheme)) {
      collector.add('themes', index, [], '应为一个主题对象');
      return;
    }
    const parsed = themeSchema.safeParse(rawTheme);
    if (parsed.success) themes.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        const { kind, field } = kindOf(THEME_COLUMNS, issue.path);
        const reason =
          field === 'items' && Array.isArray(valueAt(rawTheme, issue.path)) ? issue.message : undefined;
        collector.add(
          'themes',
          index,
          issue.path,
          reason ?? reasonFor(kind, field, valueAt(rawTheme, issue.path), issue.message),
        );
      }
    }
    const themeId = idOf(rawTheme);
    if (themeId) {
      const first = firstIndexOfTheme.get(themeId);
      if (first === undefined) firstIndexOfTheme.set(themeId, index);
      else {
        collector.add(
          'themes',
          index,
          ['id'],
          `主题编码“${themeId}”与${collector.rowName('themes', first)}重复`,
        );
      }
    }
    if (Array.isArray(rawTheme.items)) {
      rawTheme.items.forEach((member, position) => {
        if (typeof member === 'string' && member.trim() && !firstIndexOfId.has(member.trim())) {
          collector.add('themes', index, ['items', position], `事项编码“${member.trim()}”不在事项清单中`);
        }
      });
    }
  });

  if (collector.issues.length > 0 || !hall.success || typeof version !== 'string') {
    return { issues: collector.issues, warnings: warnings.issues };
  }
  return {
    catalog: { version: version.trim(), hall: hall.data, items, themes },
    issues: [],
    warnings: warnings.issues,
  };
}
