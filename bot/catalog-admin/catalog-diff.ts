/**
 * What publishing a catalog would change, compared with the catalog in service: items and 一件事
 * themes added, removed and changed (field by field, old and new value), and the hall block and
 * version. Pure: both catalogs are already loaded.
 */
import type { Catalog, HallInfo, Material, ServiceItem, Theme } from '../../knowledge/catalog/schema.ts';
import { displayLines } from './display-value.ts';
import { diffFields, diffRecords, type FieldChange, type FieldSpec, type ListDiff } from './record-diff.ts';

export interface CatalogDiff {
  version: { before: string; after: string };
  /** The hall block of the catalog (大厅名称, 地址, 办公时间, 咨询电话). */
  hall: FieldChange[];
  items: ListDiff;
  themes: ListDiff;
}

/** One cell of a material line: flags as 是/否, absent as empty. */
const cell = (value: unknown): string => displayLines(value).join('；');

/**
 * A material as one line, in the order of the spreadsheet cell: 名称|形式|份数|必要性|情形|免提交,
 * then whatever else the material records (免提交说明, 备注), trailing empty parts left out.
 */
export function materialLine(material: Material): string {
  const record = material as unknown as Record<string, unknown>;
  const leading = ['name', 'form', 'copies', 'required', 'when', 'exempt'];
  const rest = Object.keys(record)
    .filter((key) => !leading.includes(key))
    .sort();
  const parts = [...leading, ...rest].map((key) => cell(record[key]));
  while (parts.length > 4 && parts[parts.length - 1] === '') parts.pop();
  return parts.join('|');
}

export const ITEM_FIELDS: FieldSpec<ServiceItem>[] = [
  { field: 'name', label: '事项名称' },
  { field: 'aliases', label: '别名' },
  { field: 'type', label: '事项类型' },
  { field: 'department', label: '实施部门' },
  { field: 'zone', label: '所属专区' },
  { field: 'window', label: '办理窗口' },
  { field: 'kind', label: '办件类型' },
  { field: 'legalDays', label: '法定时限' },
  { field: 'promisedDays', label: '承诺时限' },
  { field: 'commitment', label: '告知承诺制' },
  { field: 'visits', label: '跑动次数' },
  { field: 'online', label: '网办深度' },
  { field: 'fee', label: '收费标准' },
  { field: 'benefit', label: '待遇标准' },
  { field: 'conditions', label: '受理条件' },
  { field: 'materials', label: '申请材料', lines: (item) => item.materials.map(materialLine) },
  { field: 'process', label: '办理流程' },
  { field: 'basis', label: '设定依据' },
  { field: 'hours', label: '办公时间' },
  { field: 'phone', label: '咨询电话' },
  { field: 'address', label: '办理地点' },
  { field: 'onlineUrl', label: '网办地址' },
  { field: 'themes', label: '一件事' },
  { field: 'updatedAt', label: '更新日期' },
  // Fields not every catalog has; any other field is compared too, under its own name.
  { field: 'baseCode', label: '基本编码' },
  { field: 'feeCharged', label: '是否收费' },
  { field: 'feeBasis', label: '收费依据' },
  { field: 'complaintChannel', label: '监督投诉方式' },
  { field: 'appointment', label: '是否支持预约' },
  { field: 'delivery', label: '是否支持物流快递' },
];

const THEME_FIELDS: FieldSpec<Theme>[] = [
  { field: 'name', label: '主题名称' },
  { field: 'aliases', label: '别名' },
  { field: 'description', label: '说明' },
  { field: 'items', label: '包含事项' },
  { field: 'window', label: '办理窗口' },
];

const HALL_FIELDS: FieldSpec<HallInfo>[] = [
  { field: 'name', label: '大厅名称' },
  { field: 'address', label: '地址' },
  { field: 'hours', label: '办公时间' },
  { field: 'phone', label: '咨询电话' },
];

export function diffCatalogs(before: Catalog, after: Catalog): CatalogDiff {
  return {
    version: { before: before.version, after: after.version },
    hall: diffFields(before.hall, after.hall, HALL_FIELDS),
    items: diffRecords(before.items, after.items, {
      key: (item) => item.id,
      name: (item) => item.name,
      fields: ITEM_FIELDS,
      keyField: 'id',
    }),
    themes: diffRecords(before.themes, after.themes, {
      key: (theme) => theme.id,
      name: (theme) => theme.name,
      fields: THEME_FIELDS,
      keyField: 'id',
    }),
  };
}
