/**
 * The hall layout: floors, zones, windows and the special windows of the plan, so that answers and
 * the kiosk can say exactly where to go.
 */
import { z } from 'zod';
import { ZONES } from '../catalog/schema.ts';

export const SPECIAL_WINDOW_KINDS = ['综合咨询', '帮办代办', '跨区域通办', '办不成事反映'] as const;

export const windowSchema = z.object({
  /** Window number as printed above it, e.g. "A03". */
  id: z.string().min(1),
  name: z.string().min(1),
  floor: z.number().int(),
  zone: z.enum(ZONES).optional(),
  special: z.enum(SPECIAL_WINDOW_KINDS).optional(),
  hours: z.string().optional(),
  phone: z.string().optional(),
  description: z.string().optional(),
});

export const zoneSchema = z.object({
  name: z.enum(ZONES),
  floor: z.number().int(),
  area: z.string().min(1),
  /** Window numbers in this zone, e.g. ["A01", "A02"]. */
  windows: z.array(z.string()).default([]),
  description: z.string().optional(),
});

export const hallSchema = z.object({
  name: z.string().min(1),
  address: z.string().min(1),
  hours: z.string().min(1),
  phone: z.string().min(1),
  floors: z.array(
    z.object({ floor: z.number().int(), name: z.string(), description: z.string().optional() }),
  ),
  zones: z.array(zoneSchema),
  windows: z.array(windowSchema),
  notes: z.array(z.string()).default([]),
});

export type Hall = z.infer<typeof hallSchema>;
export type HallWindow = z.infer<typeof windowSchema>;
export type HallZone = z.infer<typeof zoneSchema>;
