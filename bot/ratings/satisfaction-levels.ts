/**
 * The five levels of the national 政务服务"好差评" scheme, best first, with the score used to
 * average them. 不满意 and 非常不满意 are 差评 and open a rectification case.
 */
export const SATISFACTION_LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export const SATISFACTION_SCORE: Record<SatisfactionLevel, number> = {
  非常满意: 5,
  满意: 4,
  基本满意: 3,
  不满意: 2,
  非常不满意: 1,
};

export function isSatisfactionLevel(value: unknown): value is SatisfactionLevel {
  return typeof value === 'string' && (SATISFACTION_LEVELS as readonly string[]).includes(value);
}

/** 差评: needs a rectification case. */
export function isPoorRating(level: SatisfactionLevel): boolean {
  return level === '不满意' || level === '非常不满意';
}
