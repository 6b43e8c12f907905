/**
 * The two small models the decision is fitted with, in plain TypeScript (no dependency, fully
 * deterministic: the same samples in the same order give the same weights):
 * - a binary logistic regression with L2 regularisation (accept, escalate, refuse);
 * - a listwise logistic ranker (softmax over the candidates of a question, the labelled candidates
 *   as the target), i.e. a conditional logit, with L2 regularisation.
 * Both are fitted by full-batch gradient descent with Adam on standardised features; the weights
 * are returned on the features' own scale.
 */

export type FeatureVector = Record<string, number>;

export interface BinarySample {
  x: FeatureVector;
  y: 0 | 1;
}

export interface RankGroup {
  candidates: FeatureVector[];
  /** Indexes of the candidates that are right answers. */
  positives: number[];
}

export interface FitOptions {
  l2: number;
  iterations: number;
  learningRate: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 0.01, iterations: 600, learningRate: 0.05 };

interface Scaling {
  names: string[];
  mean: number[];
  scale: number[];
}

function scaling(vectors: FeatureVector[], names: string[]): Scaling {
  const mean = names.map(() => 0);
  const square = names.map(() => 0);
  for (const vector of vectors) {
    names.forEach((name, index) => {
      const value = vector[name] ?? 0;
      mean[index] += value;
      square[index] += value * value;
    });
  }
  const count = Math.max(vectors.length, 1);
  const scale = names.map((_, index) => {
    const average = mean[index] / count;
    const variance = square[index] / count - average * average;
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  return { names, mean: mean.map((value) => value / count), scale };
}

const standardise = (vector: FeatureVector, s: Scaling): number[] =>
  s.names.map((name, index) => ((vector[name] ?? 0) - s.mean[index]) / s.scale[index]);

/** Adam steps on a parameter vector, given a function returning the gradient. */
function adam(parameters: number[], gradient: (p: number[]) => number[], options: FitOptions): number[] {
  const m = parameters.map(() => 0);
  const v = parameters.map(() => 0);
  const p = [...parameters];
  for (let step = 1; step <= options.iterations; step += 1) {
    const g = gradient(p);
    for (let index = 0; index < p.length; index += 1) {
      m[index] = 0.9 * m[index] + 0.1 * g[index];
      v[index] = 0.999 * v[index] + 0.001 * g[index] * g[index];
      const mHat = m[index] / (1 - 0.9 ** step);
      const vHat = v[index] / (1 - 0.999 ** step);
      p[index] -= (options.learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return p;
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

export interface LinearWeights {
  bias: number;
  weights: Record<string, number>;
}

/** Back from standardised to raw feature scale. */
function unscale(parameters: number[], s: Scaling, withBias: boolean): LinearWeights {
  const offset = withBias ? 1 : 0;
  let bias = withBias ? parameters[0] : 0;
  const weights: Record<string, number> = {};
  s.names.forEach((name, index) => {
    const weight = parameters[index + offset] / s.scale[index];
    bias -= weight * s.mean[index];
    if (Math.abs(weight) > 1e-9) weights[name] = round(weight);
  });
  return { bias: round(bias), weights };
}

export function featureNames(vectors: FeatureVector[]): string[] {
  const names = new Set<string>();
  for (const vector of vectors) for (const name of Object.keys(vector)) names.add(name);
  return [...names].sort();
}

export function fitLogistic(samples: BinarySample[], options: FitOptions = DEFAULT_FIT): LinearWeights {
  const names = featureNames(samples.map((sample) => sample.x));
  const s = scaling(
    samples.map((sample) => sample.x),
    names,
  );
  const rows = samples.map((sample) => standardise(sample.x, s));
  const count = Math.max(samples.length, 1);
  const parameters = adam(
    names.map(() => 0).concat(0),
    (p) => {
      const g = p.map(() => 0);
      rows.forEach((row, sampleIndex) => {
        let z = p[0];
        for (let index = 0; index < row.length; index += 1) z += p[index + 1] * row[index];
        const error = 1 / (1 + Math.exp(-z)) - samples[sampleIndex].y;
        g[0] += error / count;
        for (let index = 0; index < row.length; index += 1) g[index + 1] += (error * row[index]) / count;
      });
      for (let index = 1; index < p.length; index += 1) g[index] += options.l2 * p[index];
      return g;
    },
    options,
  );
  return unscale(parameters, s, true);
}

/** Fits linear weights so that the labelled candidates of each group get the highest scores. */
export function fitListwise(groups: RankGroup[], options: FitOptions = DEFAULT_FIT): Record<string, number> {
  const usable = groups.filter((group) => group.positives.length > 0 && group.candidates.length > 1);
  const names = featureNames(usable.flatMap((group) => group.candidates));
  const s = scaling(
    usable.flatMap((group) => group.candidates),
    names,
  );
  const matrices = usable.map((group) => group.candidates.map((candidate) => standardise(candidate, s)));
  const count = Math.max(usable.length, 1);
  const parameters = adam(
    names.map(() => 0),
    (p) => {
      const g = p.map(() => 0);
      matrices.forEach((rows, groupIndex) => {
        const scores = rows.map((row) => row.reduce((sum, value, index) => sum + value * p[index], 0));
        const best = Math.max(...scores);
        const exps = scores.map((score) => Math.exp(score - best));
        const total = exps.reduce((sum, value) => sum + value, 0);
        const positives = new Set(usable[groupIndex].positives);
        const positiveTotal = exps.reduce((sum, value, index) => sum + (positives.has(index) ? value : 0), 0);
        rows.forEach((row, candidate) => {
          // d(-log Σpos softmax)/d score = softmax − softmax restricted to the positives.
          const weight =
            exps[candidate] / total - (positives.has(candidate) ? exps[candidate] / positiveTotal : 0);
          for (let index = 0; index < row.length; index += 1) g[index] += (weight * row[index]) / count;
        });
      });
      for (let index = 0; index < p.length; index += 1) g[index] += options.l2 * p[index];
      return g;
    },
    options,
  );
  // A constant shift of every candidate does not change a ranking, so the bias is dropped.
  return unscale(parameters, s, false).weights;
}

/** The cut-off in [0, 1] (on a grid of 0.01) that maximises the summed utility of deciding "yes". */
export function bestCutoff(
  scored: Array<{ p: number; utilityIfYes: number }>,
  fallback = 0.5,
): { cutoff: number; utility: number } {
  let best = { cutoff: fallback, utility: Number.NEGATIVE_INFINITY };
  for (let step = 1; step <= 99; step += 1) {
    const cutoff = step / 100;
    let utility = 0;
    for (const sample of scored) if (sample.p >= cutoff) utility += sample.utilityIfYes;
    if (utility > best.utility) best = { cutoff, utility };
  }
  return best;
}
