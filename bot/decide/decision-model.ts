/**
 * The fitted decision: three small logistic models over the named turn features, each with a
 * cut-off, all fitted by `npm run train` on the dev split of the labelled sets and stored in
 * `bot/decide/data/decision-model.json` with its training report. Nothing here is tuned by hand.
 * - `accept`: the probability that the best candidate is the item the citizen means;
 *   at or above `cutoff` the item is answered, at or above `suggestCutoff` the nearest items are
 *   offered, below that the citizen is told that no matching service was found;
 * - `escalate`: the probability that the turn needs a person (a hand-over wish or a hard case);
 * - `refuse`: the probability that the message is not a service question at all;
 * - `theme`: the probability that the question asks for a 一件事 theme (the joint service) rather
 *   than one of its items.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { TurnFeatures } from './turn-features.ts';

const logisticSchema = z.object({
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  cutoff: z.number().min(0).max(1),
});

const modelSchema = z.object({
  trainedOn: z.string(),
  accept: logisticSchema.extend({ suggestCutoff: z.number().min(0).max(1) }),
  escalate: logisticSchema,
  refuse: logisticSchema,
  theme: logisticSchema,
});

export type LogisticModel = z.infer<typeof logisticSchema>;
export type DecisionModel = z.infer<typeof modelSchema>;

export const DECISION_MODEL_FILE = fileURLToPath(new URL('./data/decision-model.json', import.meta.url));

let shipped: DecisionModel | undefined;

export function loadDecisionModel(file = DECISION_MODEL_FILE): DecisionModel {
  if (file === DECISION_MODEL_FILE && shipped) return shipped;
  const parsed = modelSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file}: not a decision model (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  }
  if (file === DECISION_MODEL_FILE) shipped = parsed.data;
  return parsed.data;
}

export function probability(model: Pick<LogisticModel, 'bias' | 'weights'>, features: TurnFeatures): number {
  let z = model.bias;
  for (const [name, value] of Object.entries(features)) z += (model.weights[name] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}

export interface DecisionScores {
  accept: number;
  escalate: number;
  refuse: number;
  theme: number;
}

export function decisionScores(model: DecisionModel, features: TurnFeatures): DecisionScores {
  return {
    accept: probability(model.accept, features),
    escalate: probability(model.escalate, features),
    refuse: probability(model.refuse, features),
    theme: probability(model.theme, features),
  };
}
