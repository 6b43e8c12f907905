/**
 * The catalog interchange format (事项清单): the one model that every loader (JSON, CSV, XLSX)
 * produces and every consumer (index, answers, pre-check) reads. Validation messages are written
 * for the hall staff who maintain the catalog, so they are in plain Chinese.
 */
import { z } from 'zod';
import { normaliseItemInput } from './item-input.ts';
import { normaliseMaterialInput } from './material-input.ts';

export const ZONES = [
  '企业开办',
  '工程建设',
  '社会民生',
  '税务服务',
  '不动产',
  '出入境',
  '婚姻登记',
  '综合服务',
] as const;
export const ITEM_TYPES = [
  '行政许可',
  '行政处罚',
  '行政强制',
  '行政检查',
  '行政确认',
  '行政给付',
  '行政裁决',
  '行政奖励',
  '行政备案',
  '行政征收',
  '其他行政权力',
  '公共服务',
] as const;
export const ITEM_KINDS = ['即办件', '承诺件'] as const;
export const ONLINE_DEPTHS = ['全程网办', '网上预审', '线下办理'] as const;
export const MATERIAL_NECESSITY = ['必要', '容缺', '情形'] as const;

const text = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, `${label}不能为空`);
const optionalText = z.string().trim().optional();
/** Working days; `null` when the catalog states no limit (无法定时限), never a made-up number. */
const days = (label: string) =>
  z
    .number({ error: `${label}必须是数字（工作日）` })
    .int(`${label}必须是整数`)
    .min(0, `${label}不能为负数`)
    .nullable();
const optionalFlag = z.boolean({ error: '只能填“是”或“否”' }).optional();

const materialFields = z.object({
  name: text('材料名称'),
  /** 原件 / 复印件 / 原件及复印件 / 电子证照 / 电子材料 … */
  form: text('材料形式'),
  copies: z.number({ error: '份数必须是数字' }).int('份数必须是整数').min(0, '份数不能为负数'),
  required: z.enum(MATERIAL_NECESSITY, { error: `必要性只能是${MATERIAL_NECESSITY.join('、')}` }),
  /** The situation in which the material is needed (for 情形 materials). */
  when: optionalText,
  /** The citizen need not bring it (免提交): data sharing, an electronic licence, taken at the window. */
  exempt: z.boolean({ error: '免提交只能填“是”“否”或免提交的理由' }).optional(),
  /** Why or when it need not be brought, as the catalog says it ("通过人脸识别核验身份的，免提交"). */
  exemptNote: optionalText,
  note: optionalText,
});

/** A material; 免提交 written as 是/否, a boolean or the reason itself is read as `exempt` + `exemptNote`. */
export const materialSchema = z.preprocess(normaliseMaterialInput, materialFields);

const itemFields = z.object({
  id: text('事项编码'),
  /** 基本编码: the code the item shares with the same item in every region (the id is the 实施编码). */
  baseCode: optionalText,
  name: text('事项名称'),
  aliases: z.array(z.string().trim().min(1)).default([]),
  type: z.enum(ITEM_TYPES, { error: `事项类型只能是${ITEM_TYPES.join('、')}` }),
  department: text('实施部门'),
  zone: z.enum(ZONES, { error: `所属专区只能是${ZONES.join('、')}` }),
  window: text('办理窗口'),
  kind: z.enum(ITEM_KINDS, { error: '办件类型只能是即办件或承诺件' }),
  legalDays: days('法定办结时限'),
  promisedDays: days('承诺办结时限'),
  commitment: z.boolean({ error: '告知承诺制必须填“是”或“否”' }).default(false),
  visits: z.number({ error: '跑动次数必须是数字' }).int().min(0, '跑动次数不能为负数'),
  online: z.enum(ONLINE_DEPTHS, { error: `网办深度只能是${ONLINE_DEPTHS.join('、')}` }),
  fee: text('收费标准'),
  /** 是否收费, when the export has that column besides (or instead of) the fee text. */
  feeCharged: optionalFlag,
  /** 收费依据: the document that sets the fee. */
  feeBasis: optionalText,
  /**
   * What the citizen receives from a 行政给付 or subsidy item (失业保险金, 生育津贴, 高龄津贴, 低保 …),
   * as the catalog states it: `amount` the standard as written ("每人每月100元"), `basis` the document
   * that sets it, `note` how it varies with the person. Optional: without an amount, a "多少钱"
   * question is answered with where to ask, never with a number, and `fee` still says what the
   * application itself costs.
   */
  benefit: z.object({ amount: optionalText, basis: optionalText, note: optionalText }).optional(),
  conditions: z.array(z.string().trim().min(1)).default([]),
  materials: z.array(materialSchema).default([]),
  process: z.array(z.string().trim().min(1)).default([]),
  basis: z.array(z.string().trim().min(1)).default([]),
  hours: optionalText,
  phone: optionalText,
  address: optionalText,
  onlineUrl: optionalText,
  /** 监督投诉方式: where to complain about how the item was handled. */
  complaintChannel: optionalText,
  /** 是否支持预约 */
  appointment: optionalFlag,
  /** 是否支持物流快递 (results or materials sent by post). */
  delivery: optionalFlag,
  themes: z.array(z.string().trim().min(1)).default([]),
  /**
   * 其他信息: columns (CSV, XLSX) or fields (JSON) daoban has no field for, kept as written under
   * their own header, so nothing a hall exported is lost; indexed and searchable like the rest.
   */
  extra: z.record(z.string(), z.string()).optional(),
  updatedAt: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}/, '更新日期的格式应为 YYYY-MM-DD')
    .optional(),
});

/**
 * A service item. Everyday spellings ("20个工作日", "即办", "无法定时限", 是/否/√/×) are read before
 * the check, so JSON, CSV and XLSX catalogs are read alike.
 */
const KNOWN_FIELDS: ReadonlySet<string> = new Set(Object.keys(itemFields.shape));

export const itemSchema = Object.assign(
  z.preprocess((raw) => normaliseItemInput(raw, KNOWN_FIELDS), itemFields),
  {
    /** The fields of the model, as on a plain object schema (`itemSchema.shape.type.options`). */
    shape: itemFields.shape,
  },
);

/** 一件事 theme: several items done together through one application. */
export const themeSchema = z.object({
  id: text('主题编码'),
  name: text('主题名称'),
  aliases: z.array(z.string().trim().min(1)).default([]),
  description: optionalText,
  items: z.array(z.string().trim().min(1)).min(1, '一件事主题至少包含一个事项'),
  window: optionalText,
});

export const hallInfoSchema = z.object({
  name: text('大厅名称'),
  address: optionalText,
  hours: optionalText,
  phone: optionalText,
});

export const catalogSchema = z.object({
  version: text('版本'),
  hall: hallInfoSchema,
  items: z.array(z.unknown()),
  themes: z.array(z.unknown()).default([]),
});

export type Material = z.infer<typeof materialSchema>;
export type ServiceItem = z.infer<typeof itemSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type HallInfo = z.infer<typeof hallInfoSchema>;
export type Zone = (typeof ZONES)[number];

export interface Catalog {
  version: string;
  hall: HallInfo;
  items: ServiceItem[];
  themes: Theme[];
}
