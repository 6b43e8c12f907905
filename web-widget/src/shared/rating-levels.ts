/** The five levels of the national 好差评 scheme, best first, as the API expects them. */
export const RATING_LEVELS = ['非常满意', '满意', '基本满意', '不满意', '非常不满意'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** 不满意 and 非常不满意 are 差评: the server opens a rectification case for them. */
export const isPoorRating = (level: string): boolean => level === '不满意' || level === '非常不满意';
