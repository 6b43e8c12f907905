/**
 * The pre-check contract (DESIGN.md §4): what a citizen says they have, and what is still missing or
 * wrong, with a one-time notice (一次性告知) to show them.
 */
import { z } from 'zod';
import { precheckFieldsSchema } from './validators/fields-schema.ts';

/** Size limits of one pre-check request, so that a request cannot make the server work unboundedly. */
export const PRECHECK_LIMITS = {
  situationChars: 500,
  situationKeys: 40,
  providedItems: 60,
  providedChars: 60,
  uploads: 10,
} as const;

const answerValue = z.union([z.boolean(), z.string().max(40, '情形的回答不超过 40 字')], {
  error: '情形的回答只能是 true / false、“是”“否”或问题的选项之一',
});

/**
 * The situation: answers to the item's situation questions by key (`{ "agent": true }`, listed by
 * `GET /api/v1/items/:id/precheck-questions`), or a free-text description matched to the same questions.
 */
export const situationSchema = z.union(
  [
    z.string().max(PRECHECK_LIMITS.situationChars, `situation 不超过 ${PRECHECK_LIMITS.situationChars} 字`),
    z
      .record(z.string().max(40), answerValue)
      .refine((answers) => Object.keys(answers).length <= PRECHECK_LIMITS.situationKeys, {
        message: `situation 最多回答 ${PRECHECK_LIMITS.situationKeys} 个问题`,
      }),
  ],
  { error: 'situation 应为情形描述文字，或以问题编号为键的回答对象' },
);

export type SituationInput = z.infer<typeof situationSchema>;

export const precheckInputSchema = z.object({
  itemId: z.string({ error: 'itemId 必须是文字' }).trim().min(1).max(60, 'itemId 不超过 60 字').optional(),
  itemName: z
    .string({ error: 'itemName 必须是文字' })
    .trim()
    .min(1)
    .max(100, 'itemName 不超过 100 字')
    .optional(),
  situation: situationSchema.optional(),
  /** Material names as the citizen says them ("身份证", "户口本复印件"). */
  provided: z
    .array(
      z
        .string({ error: 'provided 中的每一项都必须是材料名称' })
        .max(PRECHECK_LIMITS.providedChars, `每项材料名称不超过 ${PRECHECK_LIMITS.providedChars} 字`),
      { error: 'provided 必须是材料名称的列表' },
    )
    .max(PRECHECK_LIMITS.providedItems, `provided 最多 ${PRECHECK_LIMITS.providedItems} 项`)
    .default([]),
  fields: precheckFieldsSchema,
  /** Ids of the citizen's uploads (`POST /api/v1/precheck/uploads`); the route resolves them. */
  uploads: z
    .array(z.string({ error: 'uploads 中的每一项都必须是上传编号' }).max(64, '上传编号不超过 64 字'), {
      error: 'uploads 必须是上传编号的列表',
    })
    .max(PRECHECK_LIMITS.uploads, `uploads 最多 ${PRECHECK_LIMITS.uploads} 项`)
    .optional(),
});

export type PrecheckInput = z.input<typeof precheckInputSchema>;

export interface MissingMaterial {
  name: string;
  /** Why it is needed or how it may be spared ("委托他人代为办理的", "如现场人脸识别核验通过可不提交"). */
  note?: string;
}

export interface InvalidField {
  field: 'idNumber' | 'creditCode' | 'phone';
  reason: string;
}

export interface PrecheckResult {
  item: { id: string; name: string };
  /** Needed before the window accepts the application, and not provided. */
  missing: MissingMaterial[];
  invalid: InvalidField[];
  /** 容缺 materials not provided: accepted now under 告知承诺制, to be handed in later. */
  deferrable: Array<{ name: string }>;
  /** Materials that apply but need not be brought (免提交), with the catalog's reason. */
  exempt: Array<{ name: string; note: string }>;
  /** Which catalog material each provided name was taken as. */
  matched: Array<{ said: string; material: string }>;
  /** Provided names that match no material of the item. */
  unrecognised: string[];
  notice: string;
  precheckNo?: string;
  /** Where to go with the materials (over HTTP, from the catalog and the hall layout). */
  where?: PrecheckWhere;
}

/** Where the application is handed in: "二楼东区社会民生专区", "C01-C02号窗口", the 取号 category, hours. */
export interface PrecheckWhere {
  zone: string;
  window: string;
  /** The queue-ticket (取号) category: the item's zone, as the hall's ticket machines sort by zone. */
  ticketCategory?: string;
  hours: string;
  address?: string;
}
