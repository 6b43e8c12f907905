/**
 * The ablation table: each mechanism of the understanding switched off in turn, everything else as
 * shipped, measured with the same suites and CLI (`npm run eval -- --ablate NAME` or `--ablate all`).
 */
import type { RuntimeOverrides } from '../runtime/build-runtime.ts';
import { loadDecisionModel } from '../bot/decide/decision-model.ts';
import { INITIAL_DECISION, INITIAL_RANK } from '../training/initial-models.ts';
import { Lexicon } from '../knowledge/text/lexicon.ts';

export type Variant = Pick<RuntimeOverrides, 'tuning' | 'useVectors' | 'lexicon'>;

export const ABLATIONS: Record<string, { label: string; variant: () => Variant }> = {
  none: { label: 'as shipped', variant: () => ({}) },
  synonyms: { label: 'no CC-CEDICT synonym graph', variant: () => ({ tuning: { synonyms: false } }) },
  english: { label: 'no CC-CEDICT English dictionary', variant: () => ({ tuning: { english: false } }) },
  evidence: {
    label: 'no evidence-based acceptance (the best candidate is always answered)',
    variant: () => {
      const model = loadDecisionModel();
      return {
        tuning: {
          decisionModel: {
            ...model,
            accept: { ...model.accept, cutoff: 0, suggestCutoff: 0 },
            refuse: { ...model.refuse, cutoff: 1 },
          },
        },
      };
    },
  },
  dialogue: { label: 'no dialogue evidence', variant: () => ({ tuning: { dialogueEvidence: false } }) },
  stage: {
    label: 'no life-cycle stage (first time, change, closure, loss …)',
    variant: () => ({ tuning: { lifecycleStage: false } }),
  },
  shape: {
    label: 'no narrative shape cues (past event, reported speech, negative outcome …)',
    variant: () => {
      const model = loadDecisionModel();
      const without = <T extends { weights: Record<string, number> }>(part: T): T => ({
        ...part,
        weights: Object.fromEntries(
          Object.entries(part.weights).filter(([name]) => !name.startsWith('cue:shape:')),
        ),
      });
      return {
        tuning: {
          decisionModel: {
            ...model,
            accept: without(model.accept),
            escalate: without(model.escalate),
            refuse: without(model.refuse),
            theme: without(model.theme),
          },
        },
      };
    },
  },
  'fitted-ranker': {
    label: 'hand-weighted ranker',
    variant: () => ({ tuning: { rankWeights: INITIAL_RANK } }),
  },
  'fitted-decision': {
    label: 'hand-written decision model',
    variant: () => ({ tuning: { decisionModel: INITIAL_DECISION } }),
  },
  vector: { label: 'no vector signal', variant: () => ({ useVectors: false }) },
  lexicon: {
    label: 'no hand lexicon (colloquial, domain and situation words)',
    variant: () => ({ lexicon: new Lexicon([]) }),
  },
};

export const ABLATION_NAMES = Object.keys(ABLATIONS);
