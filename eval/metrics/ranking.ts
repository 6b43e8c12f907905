/**
 * Ranking metrics over the items an answer returns: the 1-based rank of the first acceptable item,
 * hit@k and mean reciprocal rank. A question that returns no acceptable item has no rank (a miss).
 */

export interface RankingSummary {
  /** Questions scored (those that expect an item or a theme). */
  count: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
}

/** 1-based rank of the first returned name that is acceptable, or undefined when none is. */
export function rankOf(returned: readonly string[], acceptable: readonly string[]): number | undefined {
  const wanted = new Set(acceptable);
  const index = returned.findIndex((name) => wanted.has(name));
  return index === -1 ? undefined : index + 1;
}

export const hitAt = (rank: number | undefined, k: number): boolean => rank !== undefined && rank <= k;

export const reciprocalRank = (rank: number | undefined): number => (rank === undefined ? 0 : 1 / rank);

/** Fractions over the given ranks; an empty list summarises to zeros with count 0. */
export function summarizeRanks(ranks: ReadonlyArray<number | undefined>): RankingSummary {
  const count = ranks.length;
  if (count === 0) return { count: 0, hitAt1: 0, hitAt3: 0, mrr: 0 };
  const sum = (score: (rank: number | undefined) => number) =>
    ranks.reduce<number>((total, rank) => total + score(rank), 0);
  return {
    count,
    hitAt1: sum((rank) => (hitAt(rank, 1) ? 1 : 0)) / count,
    hitAt3: sum((rank) => (hitAt(rank, 3) ? 1 : 0)) / count,
    mrr: sum(reciprocalRank) / count,
  };
}
