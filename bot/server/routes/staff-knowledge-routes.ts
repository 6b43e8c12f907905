/**
 * The staff API of the knowledge base (the console's 知识库 and 知识缺口 pages): list and search
 * entries with their hits, publish one (from a gap, a case reply or a blank form), edit it (searchable
 * in its new wording at once), retire it; list the open knowledge gaps, dismiss one or mark it
 * answered. Staff session required, CSRF checked on every change, every change audited (by the
 * knowledge service).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../services/services.ts';
import { validate } from '../validate.ts';
import { requireStaff } from '../middleware/staff-auth.ts';
import { staffOf } from '../request-context.ts';
import { maskPersonalText } from '../../logging/personal-data-masker.ts';

/** Limits of what staff write: a question as a citizen asks it, an answer a citizen reads at once. */
export const KNOWLEDGE_LIMITS = { questions: 20, questionLength: 200, answerLength: 2000 } as const;
/** How many gaps are read before the dismissed and answered ones are set aside, and how many are shown. */
const GAPS_READ = 500;
const GAPS_SHOWN = 50;

const question = z
  .string({ error: '例句应为文字' })
  .trim()
  .min(2, '每个例句至少 2 个字')
  .max(KNOWLEDGE_LIMITS.questionLength, `每个例句不超过 ${KNOWLEDGE_LIMITS.questionLength} 字`);
const questions = z
  .array(question, { error: '例句应为列表' })
  .min(1, '请至少填写一个例句（群众会怎么问）')
  .max(KNOWLEDGE_LIMITS.questions, `例句最多 ${KNOWLEDGE_LIMITS.questions} 个`);
const answer = z
  .string({ error: '请填写答案' })
  .trim()
  .min(2, '答案至少 2 个字')
  .max(KNOWLEDGE_LIMITS.answerLength, `答案不超过 ${KNOWLEDGE_LIMITS.answerLength} 字`);
const itemId = z.string({ error: '事项编码应为文字' }).trim().max(100, '事项编码不超过 100 个字符');

/** `{questions, answer, itemId?, fromCase?, fromGap?}`, or the older `{question, answer, itemId?}`. */
const createSchema = z
  .object({
    questions: questions.optional(),
    question: question.optional(),
    answer,
    itemId: itemId.optional(),
    fromCase: z.string({ error: '件号应为文字' }).trim().min(1).max(40, '件号不超过 40 个字符').optional(),
    fromGap: z.string({ error: '缺口问题应为文字' }).trim().min(1).max(500).optional(),
  })
  .refine((body) => body.questions?.length || body.question, {
    message: '请至少填写一个例句（群众会怎么问）',
    path: ['questions'],
  });

const updateSchema = z
  .object({
    questions: questions.optional(),
    answer: answer.optional(),
    itemId: itemId.nullable().optional(),
  })
  .refine((body) => body.questions || body.answer || body.itemId !== undefined, {
    message: '请填写要修改的例句、答案或事项',
  });

const listSchema = z.object({
  q: z.string().trim().max(100, '搜索词不超过 100 字').optional(),
  status: z
    .enum(['active', 'retired'], { error: '状态应为 active（使用中）或 retired（已停用）' })
    .optional(),
});

const gapSchema = z.object({
  question: z
    .string({ error: '请提供缺口问题' })
    .trim()
    .min(1, '请提供缺口问题')
    .max(500, '问题不超过 500 字'),
});

export function staffKnowledgeRoutes(services: Services): Router {
  const router = Router();
  const { accounts, knowledge, analytics, store } = services;
  router.use(['/api/v1/staff/knowledge', '/api/v1/staff/gaps'], requireStaff(accounts));
  const actor = (response: Parameters<typeof staffOf>[0]) => staffOf(response).user.username;

  router.get('/api/v1/staff/knowledge', (request, response) => {
    const query = validate(listSchema, request.query);
    response.json({ entries: knowledge.list(query) });
  });

  router.post('/api/v1/staff/knowledge', async (request, response) => {
    const body = validate(createSchema, request.body);
    const entry = await knowledge.add(
      {
        questions: [...(body.question ? [body.question] : []), ...(body.questions ?? [])],
        answer: body.answer,
        itemId: body.itemId || undefined,
        fromCase: body.fromCase,
        fromGap: body.fromGap,
      },
      actor(response),
    );
    response.status(201).json({ entry });
  });

  router.get('/api/v1/staff/knowledge/:id', (request, response) => {
    response.json({ entry: knowledge.get(request.params.id) });
  });

  router.put('/api/v1/staff/knowledge/:id', async (request, response) => {
    const body = validate(updateSchema, request.body);
    const change = { ...body, itemId: body.itemId === '' ? null : body.itemId };
    response.json({ entry: await knowledge.update(request.params.id, change, actor(response)) });
  });

  router.post('/api/v1/staff/knowledge/:id/retire', async (request, response) => {
    response.json({ entry: await knowledge.retire(request.params.id, actor(response)) });
  });

  router.get('/api/v1/staff/gaps', (request, response) => {
    const from = typeof request.query.from === 'string' ? request.query.from : undefined;
    const to = typeof request.query.to === 'string' ? request.query.to : undefined;
    const range = analytics.rangeOf(from, to);
    const gaps = store.analytics
      .gaps(range, GAPS_READ)
      .map((gap) => ({ ...gap, question: maskPersonalText(gap.question) }));
    response.json({ range, gaps: knowledge.openGaps(gaps).slice(0, GAPS_SHOWN) });
  });

  router.post('/api/v1/staff/gaps/dismiss', (request, response) => {
    const body = validate(gapSchema, request.body);
    knowledge.markGap(body.question, 'dismissed', actor(response));
    response.status(204).end();
  });

  router.post('/api/v1/staff/gaps/answered', (request, response) => {
    const body = validate(gapSchema, request.body);
    knowledge.markGap(body.question, 'answered', actor(response));
    response.status(204).end();
  });

  return router;
}
