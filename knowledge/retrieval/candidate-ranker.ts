/**
 * The ranker of item candidates: a linear score over named features of each candidate (how strongly
 * BM25F matched it, in which field, how much of its name the question covers, what tells it from
 * the other candidates, the vector signal, the conversation so far). The weights are not written by
 * hand: `npm run train` fits them on the dev split of the labelled sets (a listwise logistic model)
 * and writes them to `knowledge/data/models/rank-weights.json` with its training report.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const CANDIDATE_FEATURES = [
  /** BM25F score relative to the best candidate of the question (0…1). */
  'bm25f',
  /** BM25F score relative to what the question could reach at most (0…1). */
  'relevance',
  'nameCoverage',
  'literalCoverage',
  'phraseMatch',
  'contrast',
  /** BM25 of the question against one field alone, relative to the best candidate (0…1). */
  'fieldName',
  'fieldAliases',
  'fieldThemes',
  'fieldConditions',
  'fieldMaterials',
  'fieldDepartment',
  'fieldProcess',
  /**
   * Plain BM25 over the characters and bigrams of the item's whole text (name, aliases, conditions,
   * materials, department in one field, as an off-the-shelf CJK analyzer would), relative to the
   * best candidate (0…1): robust where segmentation and field weights are not.
   */
  'plain',
  /** Share of the question's informative tokens found anywhere in the item (IDF-weighted, 0…1). */
  'questionCoverage',
  /** Similarity to the question in the vector index (0…1; 0 without vectors). */
  'vector',
  /** The candidate's relative BM25F score for the earlier turns of the conversation (0…1). */
  'context',
  /**
   * Plain BM25 (as `plain`) of the whole conversation so far, earlier turns and this one joined,
   * relative to the best candidate (0…1; 0 on a first turn): details told over several turns count
   * together, as a search over the whole conversation would count them.
   */
  'conversation',
  /**
   * How much of a word the citizen negated in this conversation ("不是农村的", "先不说驾照了") the
   * candidate's name contains (share of the word's character bigrams, 0…1).
   */
  'contradicted',
  /**
   * The candidate's name is at the life-cycle stage (first time, change, closure, loss, renewal,
   * transfer) that the conversation last spoke of, or at another one (0/1 each; both 0 when either
   * side names no stage).
   */
  'stageAgrees',
  'stageDiffers',
  /**
   * How alike the candidate's name is to the item a correction sets aside (Dice coefficient of the
   * names' character bigrams, 0…1; 0 outside corrections): a correction usually changes one thing
   * ("不对，我是个体户": 企业设立登记 → 个体工商户设立登记).
   */
  'likeCorrected',
  /** The candidate is the item under discussion. */
  'current',
  /** The candidate was discussed earlier in the conversation. */
  'discussed',
  /** The candidate was one of the choices of the clarifying question the message replies to. */
  'offered',
] as const;

export type CandidateFeature = (typeof CANDIDATE_FEATURES)[number];
export type CandidateFeatures = Record<CandidateFeature, number>;

/** Every feature at 0, in the order of CANDIDATE_FEATURES: copied for each candidate. */
const NO_FEATURES = Object.freeze(
  Object.fromEntries(CANDIDATE_FEATURES.map((name) => [name, 0])) as CandidateFeatures,
);

export const emptyCandidateFeatures = (): CandidateFeatures => ({ ...NO_FEATURES });

const weightsSchema = z.object({
  model: z.literal('linear-listwise'),
  trainedOn: z.string(),
  weights: z.record(z.string(), z.number()),
});

export type RankWeights = z.infer<typeof weightsSchema>;

export const RANK_WEIGHTS_FILE = fileURLToPath(new URL('../data/models/rank-weights.json', import.meta.url));

let shipped: RankWeights | undefined;

/** The fitted weights shipped with the project (written by `npm run train`). */
export function loadRankWeights(file = RANK_WEIGHTS_FILE): RankWeights {
  if (file === RANK_WEIGHTS_FILE && shipped) return shipped;
  const parsed = weightsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file}: not a rank-weights file (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  }
  if (file === RANK_WEIGHTS_FILE) shipped = parsed.data;
  return parsed.data;
}

/** The linear score of one candidate. */
export function scoreCandidate(features: CandidateFeatures, weights: RankWeights): number {
  let score = 0;
  for (const name of CANDIDATE_FEATURES) score += (weights.weights[name] ?? 0) * features[name];
  return score;
}

/**
 * `scoreCandidate` under fixed weights, with the weights read once: for a search that scores every
 * candidate of every question. The same sum in the same order, so the same number.
 */
export function candidateScorer(weights: RankWeights): (features: CandidateFeatures) => number {
  const vector = CANDIDATE_FEATURES.map((name) => weights.weights[name] ?? 0);
  return (features) => {
    let score = 0;
    for (let index = 0; index < CANDIDATE_FEATURES.length; index += 1) {
      score += vector[index] * features[CANDIDATE_FEATURES[index]];
    }
    return score;
  };
}
