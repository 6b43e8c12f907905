/**
 * The pre-check contract (DESIGN.md §4): what a citizen says they have, and what is still missing or
 * wrong, with a one-time notice (一次性告知) to show them.
 */
import { z } from 'zod';
import type { Material } from '../../knowledge/catalog/schema.ts';
import { precheckFieldsSchema } from './validators/fields-schema.ts';

export const precheckInputSchema = z.object({
  itemId: z.string().trim().min(1).optional(),
  itemName: z.string().trim().min(1).optional(),
  /** The citizen's situation in their own words ("委托他人办理", "外地户口"), to select 情形 materials. */
  situation: z.string().optional(),
  /** Material names as the citizen says them ("身份证", "户口本复印件"). */
  provided: z.array(z.string(), { error: 'provided 必须是材料名称的列表' }).default([]),
  fields: precheckFieldsSchema,
});

export type PrecheckInput = z.input<typeof precheckInputSchema>;

export interface MissingMaterial {
  name: string;
  form?: string;
  copies?: number;
  /** 必要: needed before acceptance; 情形: needed in the citizen's situation; 容缺: may follow later. */
  required: Material['required'];
  when?: string;
}

export interface InvalidField {
  field: 'idNumber' | 'creditCode' | 'phone';
  reason: string;
}

export interface PrecheckResult {
  item: { id: string; name: string };
  missing: MissingMaterial[];
  invalid: InvalidField[];
  notice: string;
  /** Which catalog material each provided name was taken as, for staff and debugging. */
  matched: Array<{ provided: string; material: string }>;
  /** Provided names that match no material of the item. */
  unrecognised: string[];
}
