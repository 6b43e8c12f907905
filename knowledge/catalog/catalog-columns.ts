/**
 * The columns of the tabular catalog (CSV / XLSX): which headers, Chinese or English, name which
 * item field, and how a cell is read. The validator uses the same table for the labels in its
 * messages, so a staff member sees the name of the column they typed.
 */

/** How a cell's text becomes a field value. */
export type ColumnKind =
  | 'text'
  | 'optionalText'
  | 'int'
  | 'days'
  | 'enum'
  | 'bool'
  | 'list'
  | 'lines'
  | 'materials'
  | 'benefit'
  | 'date';

export interface CatalogColumn {
  field: string;
  /** The canonical Chinese header, also the label in messages. */
  label: string;
  kind: ColumnKind;
  /** Headers accepted for this column besides the label (compared after trimming, case-insensitive). */
  headers: string[];
  /** A tabular catalog without this column cannot be read. */
  required?: boolean;
  /**
   * Another field whose column stands in for this one when this one is missing: a provincial export
   * with 基本编码 but no 实施编码 uses it as the id; 是否收费 without 收费标准 says 不收费.
   */
  standIn?: string;
}

// Headers as provincial 办事指南 exports write them, besides the canonical Chinese and English ones.
export const CATALOG_COLUMNS: CatalogColumn[] = [
  {
    field: 'id',
    label: '事项编码',
    kind: 'text',
    headers: ['id', '编码', '事项代码', '实施编码', '事项实施编码', '业务办理项编码'],
    required: true,
    standIn: 'baseCode',
  },
  { field: 'baseCode', label: '基本编码', kind: 'optionalText', headers: ['baseCode', '事项基本编码'] },
  { field: 'name', label: '事项名称', kind: 'text', headers: ['name', '名称'], required: true },
  { field: 'aliases', label: '别名', kind: 'list', headers: ['aliases', '俗称'] },
  { field: 'type', label: '事项类型', kind: 'enum', headers: ['type'], required: true },
  {
    field: 'department',
    label: '实施部门',
    kind: 'text',
    headers: ['department', '实施机构', '实施主体'],
    required: true,
  },
  { field: 'zone', label: '所属专区', kind: 'enum', headers: ['zone', '专区'], required: true },
  { field: 'window', label: '办理窗口', kind: 'text', headers: ['window', '窗口'], required: true },
  { field: 'kind', label: '办件类型', kind: 'enum', headers: ['kind'], required: true },
  {
    field: 'legalDays',
    label: '法定时限',
    kind: 'days',
    headers: ['legalDays', '法定办结时限'],
    required: true,
  },
  {
    field: 'promisedDays',
    label: '承诺时限',
    kind: 'days',
    headers: ['promisedDays', '承诺办结时限'],
    required: true,
  },
  { field: 'commitment', label: '告知承诺制', kind: 'bool', headers: ['commitment', '是否实行告知承诺制'] },
  {
    field: 'visits',
    label: '跑动次数',
    kind: 'int',
    headers: ['visits', '到现场次数', '到办事现场次数'],
    required: true,
  },
  { field: 'online', label: '网办深度', kind: 'enum', headers: ['online'], required: true },
  {
    field: 'fee',
    label: '收费标准',
    kind: 'text',
    headers: ['fee', '收费项目及标准'],
    required: true,
    standIn: 'feeCharged',
  },
  { field: 'feeCharged', label: '是否收费', kind: 'bool', headers: ['feeCharged'] },
  { field: 'feeBasis', label: '收费依据', kind: 'optionalText', headers: ['feeBasis'] },
  { field: 'benefit', label: '给付标准', kind: 'benefit', headers: ['benefit', '发放标准', '补贴标准'] },
  { field: 'benefitBasis', label: '给付依据', kind: 'optionalText', headers: ['benefitBasis', '发放依据'] },
  { field: 'benefitNote', label: '给付说明', kind: 'optionalText', headers: ['benefitNote', '发放说明'] },
  { field: 'conditions', label: '受理条件', kind: 'lines', headers: ['conditions', '申请条件'] },
  { field: 'materials', label: '申请材料', kind: 'materials', headers: ['materials', '材料'] },
  { field: 'process', label: '办理流程', kind: 'lines', headers: ['process', '流程'] },
  { field: 'basis', label: '设定依据', kind: 'lines', headers: ['basis', '法律依据'] },
  { field: 'hours', label: '办公时间', kind: 'optionalText', headers: ['hours', '办理时间'] },
  { field: 'phone', label: '咨询电话', kind: 'optionalText', headers: ['phone', '咨询方式'] },
  { field: 'address', label: '办理地点', kind: 'optionalText', headers: ['address'] },
  { field: 'onlineUrl', label: '网办地址', kind: 'optionalText', headers: ['onlineUrl', '网上办理地址'] },
  {
    field: 'complaintChannel',
    label: '监督投诉方式',
    kind: 'optionalText',
    headers: ['complaintChannel', '投诉电话', '监督电话'],
  },
  { field: 'appointment', label: '是否支持预约', kind: 'bool', headers: ['appointment', '支持预约'] },
  {
    field: 'delivery',
    label: '是否支持物流快递',
    kind: 'bool',
    headers: ['delivery', '支持物流快递', '是否支持快递'],
  },
  { field: 'themes', label: '一件事', kind: 'list', headers: ['themes', '一件事主题'] },
  { field: 'updatedAt', label: '更新日期', kind: 'date', headers: ['updatedAt'] },
];

/** Columns of the optional 主题 (themes) sheet of an XLSX catalog. */
export const THEME_COLUMNS: CatalogColumn[] = [
  { field: 'id', label: '主题编码', kind: 'text', headers: ['id'], required: true },
  { field: 'name', label: '主题名称', kind: 'text', headers: ['name'], required: true },
  { field: 'aliases', label: '别名', kind: 'list', headers: ['aliases'] },
  { field: 'description', label: '说明', kind: 'optionalText', headers: ['description', '主题说明'] },
  { field: 'items', label: '包含事项', kind: 'list', headers: ['items', '事项编码'], required: true },
  { field: 'window', label: '办理窗口', kind: 'optionalText', headers: ['window'] },
];

/** Sub-fields of one material line `名称|形式|份数|必要性|情形|免提交`, in order. */
export const MATERIAL_PARTS: Array<{ field: string; label: string; kind: ColumnKind }> = [
  { field: 'name', label: '材料名称', kind: 'text' },
  { field: 'form', label: '材料形式', kind: 'text' },
  { field: 'copies', label: '份数', kind: 'int' },
  { field: 'required', label: '必要性', kind: 'enum' },
  { field: 'when', label: '情形', kind: 'optionalText' },
  { field: 'exempt', label: '免提交', kind: 'optionalText' },
  { field: 'note', label: '备注', kind: 'optionalText' },
];

const normalizeHeader = (header: string): string =>
  header
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .toLowerCase();

/** Find the column a header names, or undefined for a column the catalog does not use. */
export function findColumn(
  header: string,
  columns: CatalogColumn[] = CATALOG_COLUMNS,
): CatalogColumn | undefined {
  const wanted = normalizeHeader(header);
  if (!wanted) return undefined;
  return columns.find(
    (column) =>
      normalizeHeader(column.label) === wanted || column.headers.some((h) => normalizeHeader(h) === wanted),
  );
}

export const columnOf = (
  field: string,
  columns: CatalogColumn[] = CATALOG_COLUMNS,
): CatalogColumn | undefined => columns.find((column) => column.field === field);
