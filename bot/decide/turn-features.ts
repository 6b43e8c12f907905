/**
 * The named features of one turn that the fitted decision reads: how strong and how clear the best
 * candidate is, how much of the question it explains and how much of the question nothing in the
 * catalog explains, the cue classes of the reading (hand-over, hard cases, off-topic, injection …)
 * and the state of the conversation. Pure: the same inputs give the same features, so training can
 * recompute them from recorded turns.
 */
import type { SearchHit } from '../../knowledge/retrieval/catalog-search.ts';
import type { QuestionAnalysis } from '../understanding/analyze-question.ts';
import type { DialogueState } from '../types.ts';

export type TurnFeatures = Record<string, number>;

export interface TurnFeatureInput {
  analysis: QuestionAnalysis;
  state: DialogueState;
  /** Ranked item candidates of the turn, best first. */
  items: SearchHit[];
  /** Words of the question that neither the catalog nor the lexicon explains. */
  unknownWords: string[];
  /** Content words of the question (two characters or more), for the unexplained share. */
  contentWords: number;
  personalData: boolean;
  /** The best 一件事 theme of the turn, if any, with the items it bundles. */
  theme?: { hit: SearchHit; itemIds: string[] };
}

/** Softmax share of the best candidate among all candidates: a relative confidence (0…1). */
function topShare(items: SearchHit[]): number {
  if (!items.length) return 0;
  const best = items[0].score;
  let total = 0;
  for (const hit of items) total += Math.exp(hit.score - best);
  return 1 / total;
}

/**
 * How well the best theme matches, against the best item, and whether the theme bundles that item
 * (the `theme` model reads them with the cue features, e.g. `cue:discourse:joint`).
 */
function themeFeatures({ theme, items }: TurnFeatureInput): TurnFeatures {
  if (!theme) return {};
  const [top] = items;
  return {
    themeNameCoverage: theme.hit.nameCoverage,
    themeRelevance: theme.hit.relevance,
    themePhraseMatch: theme.hit.phraseMatch,
    themeOverTop: theme.hit.nameCoverage - (top?.nameCoverage ?? 0),
    themeIncludesTop: top && theme.itemIds.includes(top.id) ? 1 : 0,
  };
}

export function turnFeatures(input: TurnFeatureInput): TurnFeatures {
  const { analysis, state, items } = input;
  const [top, second] = items;
  const features: TurnFeatures = {
    hasCandidate: top ? 1 : 0,
    topShare: topShare(items),
    margin: top ? top.score - (second?.score ?? 0) : 0,
    relevance: top?.relevance ?? 0,
    nameCoverage: top?.nameCoverage ?? 0,
    literalCoverage: top?.literalCoverage ?? 0,
    phraseMatch: top?.phraseMatch ?? 0,
    questionCoverage: top?.features.questionCoverage ?? 0,
    vector: top?.features.vector ?? 0,
    context: top?.features.context ?? 0,
    unexplained: input.contentWords > 0 ? input.unknownWords.length / input.contentWords : 0,
    unknownWords: Math.min(3, input.unknownWords.length),
    contentLength: Math.log1p(analysis.contentLength),
    noContent: analysis.contentLength === 0 ? 1 : 0,
    aspect: analysis.aspect ? 1 : 0,
    serviceDomain: analysis.serviceDomain ? 1 : 0,
    injection: analysis.injection ? 1 : 0,
    outOfScope: analysis.outOfScope ? 1 : 0,
    definition: analysis.definition ? 1 : 0,
    explicitHandover: analysis.escalation ? 1 : 0,
    personalData: input.personalData ? 1 : 0,
    hasCurrent: state.currentItemId ? 1 : 0,
    topIsCurrent: top && top.id === state.currentItemId ? 1 : 0,
    laterTurn: state.turns > 0 ? 1 : 0,
    ...themeFeatures(input),
  };
  for (const [cue, count] of Object.entries(analysis.cues ?? {})) {
    if (count > 0) features[`cue:${cue}`] = Math.min(2, count);
  }
  return features;
}
