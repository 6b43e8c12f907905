/**
 * The hall layout: floors, zones, windows and the special windows of the plan, so that answers and
 * the kiosk can say exactly where to go; and the hall's own channels (online portals, the hotline,
 * how to look up an application), so that a hall in any province names its own. Special windows are
 * found by their role (`special`), never by their number.
 */
import { z } from 'zod';
import { ZONES } from '../catalog/schema.ts';

export const SPECIAL_WINDOW_KINDS = ['综合咨询', '帮办代办', '跨区域通办', '办不成事反映'] as const;

/** A position on a floor plan, in the plan's own units (x to the right/east, y downwards/south). */
export const pointSchema = z.object({
  x: z.number({ message: '应为数字' }).nonnegative('坐标不能为负数'),
  y: z.number({ message: '应为数字' }).nonnegative('坐标不能为负数'),
});

/** A zone's place on its floor plan: the rectangle's top-left corner and its size. */
export const rectSchema = pointSchema.extend({
  width: z.number({ message: '应为数字' }).positive('宽度应大于 0'),
  height: z.number({ message: '应为数字' }).positive('高度应大于 0'),
});

/**
 * A floor's plan for the kiosk's wayfinding: its size, the entrance (on the floor visitors come in
 * by) and the lifts and stairs that join the floors. Optional: without plans the kiosk lists floors.
 */
export const floorPlanSchema = z.object({
  width: z.number({ message: '应为数字' }).positive('宽度应大于 0'),
  height: z.number({ message: '应为数字' }).positive('高度应大于 0'),
  entrance: pointSchema.optional(),
  lifts: z.array(pointSchema).optional(),
  stairs: z.array(pointSchema).optional(),
});

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
  /** Where the window is on its floor's plan. */
  at: pointSchema.optional(),
});

export const zoneSchema = z.object({
  name: z.enum(ZONES),
  floor: z.number().int(),
  area: z.string().min(1),
  /** Window numbers in this zone, e.g. ["A01", "A02"]. */
  windows: z.array(z.string()).default([]),
  description: z.string().optional(),
  /** Where the zone is on its floor's plan. */
  rect: rectSchema.optional(),
  /** The category to choose at the ticket machine (取号); the zone's name when omitted. */
  ticket: z.string().min(1).optional(),
});

/** An online channel of the hall's province or city: a website or a mobile app. */
export const portalSchema = z.object({
  /** As citizens know it, e.g. "山东省政务服务网", "爱山东APP". */
  name: z.string().min(1),
  url: z.string().min(1).optional(),
  /** A mobile app (or mini program) rather than a website. */
  app: z.boolean().optional(),
});

/** The public service hotline; when a hall gives none, answers name the national 12345 hotline. */
export const hotlineSchema = z.object({
  number: z.string().min(1),
  /** What it is called after the number, e.g. "政务服务便民热线". */
  name: z.string().min(1).optional(),
});

/** How a citizen looks up the progress of an application the assistant cannot see. */
export const progressLookupSchema = z.object({
  /** Names of the `portals` that show one's applications; all portals when omitted, none when empty. */
  portals: z.array(z.string().min(1)).optional(),
  /** Where in those portals, e.g. "我的办件". */
  section: z.string().min(1).optional(),
  /** Further ways the hall offers, one phrase each, e.g. "在一楼自助服务区的自助终端上输入件号查询". */
  other: z.array(z.string().min(1)).optional(),
});

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应写作 HH:MM，例如 09:00');

/** When staff answer hand-overs on working days (holiday calendar): periods of the day, in order. */
export const staffHoursSchema = z
  .array(z.object({ from: clockTime, to: clockTime }))
  .min(1)
  .refine(
    (periods) => periods.every((period) => period.from < period.to),
    '每个时段的开始时间应早于结束时间',
  );

export const hallSchema = z.object({
  name: z.string().min(1),
  address: z.string().min(1),
  hours: z.string().min(1),
  phone: z.string().min(1),
  floors: z.array(
    z.object({
      floor: z.number().int(),
      name: z.string(),
      description: z.string().optional(),
      plan: floorPlanSchema.optional(),
    }),
  ),
  zones: z.array(zoneSchema),
  windows: z.array(windowSchema),
  notes: z.array(z.string()).default([]),
  /** Online channels; when none is given, answers name no portal. */
  portals: z.array(portalSchema).optional(),
  hotline: hotlineSchema.optional(),
  progressLookup: progressLookupSchema.optional(),
  /** Staff hours for hand-overs; 09:00–12:00 and 13:30–17:00 on working days when omitted. */
  staffHours: staffHoursSchema.optional(),
  /** The hall screen's guide: its name and greeting (`您好，我是{name}，请问您要办什么事？` when absent). */
  guide: z
    .object({ name: z.string().trim().min(1).max(12), greeting: z.string().trim().min(1).max(60).optional() })
    .optional(),
});

export type Hall = z.infer<typeof hallSchema>;
export type HallWindow = z.infer<typeof windowSchema>;
export type HallZone = z.infer<typeof zoneSchema>;
export type HallPortal = z.infer<typeof portalSchema>;
export type HallHotline = z.infer<typeof hotlineSchema>;
export type HallFloor = Hall['floors'][number];
export type FloorPlan = z.infer<typeof floorPlanSchema>;
export type PlanPoint = z.infer<typeof pointSchema>;
export type PlanRect = z.infer<typeof rectSchema>;
export type StaffHours = z.infer<typeof staffHoursSchema>;
