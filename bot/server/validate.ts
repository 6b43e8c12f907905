/** Request validation with zod; failures become a 400 with a Chinese message naming the field. */
import type { z } from 'zod';
import { HttpError } from './errors/http-error.ts';

export function validate<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '请求';
    throw new HttpError(
      400,
      'VALIDATION_FAILED',
      `请求内容有误（${field}）：${issue?.message ?? '格式不正确'}`,
    );
  }
  return parsed.data;
}
