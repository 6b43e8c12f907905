/** Shapes of the public and staff request bodies (zod), with limits that keep rows and logs small. */
import { z } from 'zod';
import { SESSION_ID_PATTERN } from '../services/session-id.ts';
import { SATISFACTION_LEVELS } from '../../ratings/satisfaction-levels.ts';
import { CASE_CATEGORIES, CASE_STATUSES } from '../../cases/case-types.ts';

export const sessionIdSchema = z.string().regex(SESSION_ID_PATTERN, '会话标识格式不正确');
export const escalationCategorySchema = z.enum(['办不成事反映', '投诉', '咨询转人工'], {
  error: '类别不正确',
});

/** Mainland mobile numbers; spaces and hyphens are tolerated as citizens type them. */
export const phoneSchema = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, ''))
  .refine((value) => /^1[3-9]\d{9}$/.test(value), { message: '请填写 11 位手机号码' });

export const caseRequestSchema = z
  .object({
    sessionId: sessionIdSchema,
    category: escalationCategorySchema.optional(),
    phone: phoneSchema.optional(),
    consent: z.boolean().default(false),
    description: z.string().trim().max(2000, '情况说明不超过 2000 字').optional(),
  })
  .refine((body) => !body.phone || body.consent, { message: '留存联系电话需要您的同意', path: ['consent'] });

export const endConversationSchema = z.object({ sessionId: sessionIdSchema });

export const ratingRequestSchema = z.object({
  sessionId: sessionIdSchema,
  target: z.enum(['answer', 'conversation', 'case'], { error: '评价对象不正确' }),
  targetId: z
    .union([z.string().max(80), z.number().int().nonnegative()])
    .transform(String)
    .optional(),
  level: z.enum(SATISFACTION_LEVELS, { error: '评价等级应为：非常满意、满意、基本满意、不满意、非常不满意' }),
  comment: z.string().trim().max(500, '评价内容不超过 500 字').optional(),
});

/** The queue's state filter: one status, or a group (open by default; 已办结 = closed; all). */
export const CASE_STATE_GROUPS = ['open', 'closed', 'all'] as const;
export const caseListQuerySchema = z.object({
  status: z
    .enum([...CASE_STATUSES, ...CASE_STATE_GROUPS], {
      error: `状态应为：${[...CASE_STATUSES].join('、')}，或 open（未办结）、closed（已办结）、all（全部）`,
    })
    .default('open'),
  zone: z.string().trim().min(1).max(50, '专区名称不超过 50 字').optional(),
  assignee: z.string().trim().min(1).max(64, '工作人员用户名不超过 64 个字符').optional(),
  category: z.enum(CASE_CATEGORIES as [string, ...string[]]).optional(),
  overdue: z.enum(['0', '1', 'true', 'false']).optional(),
  q: z.string().max(100).optional(),
});

export const loginSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const replySchema = z.object({
  text: z.string().trim().min(1, '答复内容不能为空').max(2000, '答复不超过 2000 字'),
});
export const transferSchema = z.object({
  department: z.string().trim().min(1, '请填写承办部门').max(100),
  note: z.string().trim().max(1000).optional(),
  special: z.boolean().optional(),
});
export const returnSchema = z.object({
  note: z.string().trim().min(1, '请填写退回原因').max(1000, '退回原因不超过 1000 字'),
});
export const resolveSchema = z.object({ note: z.string().trim().min(1, '请填写办结说明').max(2000) });
export const followUpSchema = z.object({
  result: z.string().trim().min(1, '请填写回访结果').max(1000),
  level: z.enum(SATISFACTION_LEVELS).optional(),
});
export const revealSchema = z.object({ reason: z.string().trim().min(2, '请填写查看原因').max(200) });
export const newUserSchema = z.object({
  username: z.string(),
  password: z.string().max(256),
  role: z.enum(['staff', 'admin']),
  department: z.string().trim().max(100).optional(),
});

/** A case's topic: an item id of the catalog in service, or null for 未确定. */
export const topicSchema = z.object({
  itemId: z.union([z.string().trim().min(1, '请选择事项').max(100, '事项编号不正确'), z.null()], {
    error: '请选择事项，或选择“未确定”',
  }),
});
