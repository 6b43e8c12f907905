/**
 * The numbers a citizen types for a pre-check. Each is checked by validateFields; `idExpiry` is the
 * end date printed on the back of the ID card (YYYY-MM-DD or 长期), checked against today.
 */
import { z } from 'zod';

export const precheckFieldsSchema = z
  .object({
    idNumber: z.string().optional(),
    /** 身份证有效期截止日期: "2030-05-01", "2016.05.01-2036.05.01" or "长期". */
    idExpiry: z.string().optional(),
    creditCode: z.string().optional(),
    phone: z.string().optional(),
  })
  .default({});

export type PrecheckFields = z.infer<typeof precheckFieldsSchema>;
