/**
 * The starting point of training, and the "unfitted" configuration of the ablation table: the
 * ranker's former hand formula and a plain reading of the cues (hand-over wish → person, off-topic
 * or injection cue → refusal, name coverage and relevance → answer).
 */
import type { DecisionModel } from '../bot/decide/decision-model.ts';
import type { RankWeights } from '../knowledge/retrieval/candidate-ranker.ts';

export const INITIAL_RANK: RankWeights = {
  model: 'linear-listwise',
  trainedOn: 'initial',
  weights: { bm25f: 1, nameCoverage: 0.6, phraseMatch: 0.4, contrast: 0.25, vector: 0.3 },
};
export const INITIAL_DECISION: DecisionModel = {
  trainedOn: 'initial',
  accept: {
    bias: -2,
    weights: { nameCoverage: 3, relevance: 3, phraseMatch: 2 },
    cutoff: 0.5,
    suggestCutoff: 0.2,
  },
  escalate: { bias: -4, weights: { explicitHandover: 8 }, cutoff: 0.5 },
  refuse: { bias: -3, weights: { outOfScope: 5, injection: 5, serviceDomain: -2 }, cutoff: 0.5 },
  theme: {
    bias: -4,
    weights: {
      themeNameCoverage: 3,
      themeOverTop: 3,
      'cue:discourse:joint': 2,
      'cue:discourse:theme_name': 3,
    },
    cutoff: 0.5,
  },
};
