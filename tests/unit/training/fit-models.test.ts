import { describe, expect, it } from 'vitest';
import { bestCutoff, fitListwise, fitLogistic } from '../../../training/fit-models.ts';

describe('fitLogistic', () => {
  it('learns a separating weight and is deterministic', () => {
    const samples = Array.from({ length: 40 }, (_, index) => ({
      x: { signal: index / 40, noise: (index * 7) % 3 },
      y: (index >= 20 ? 1 : 0) as 0 | 1,
    }));
    const first = fitLogistic(samples);
    const second = fitLogistic(samples);
    expect(first).toEqual(second);
    expect(first.weights.signal).toBeGreaterThan(5);
    const p = (x: number) => 1 / (1 + Math.exp(-(first.bias + first.weights.signal * x)));
    expect(p(0.1)).toBeLessThan(0.2);
    expect(p(0.9)).toBeGreaterThan(0.8);
  });
});

describe('fitListwise', () => {
  it('weights the feature that marks the right candidate above a misleading one', () => {
    const groups = Array.from({ length: 30 }, (_, index) => ({
      candidates: [
        { good: 0.2 + (index % 5) / 10, bad: 0.9 },
        { good: 0.9, bad: 0.1 + (index % 3) / 10 },
        { good: 0.1, bad: 0.5 },
      ],
      positives: [1],
    }));
    const weights = fitListwise(groups);
    expect(weights.good).toBeGreaterThan(0);
    expect(weights.good).toBeGreaterThan(weights.bad ?? 0);
  });

  it('skips groups without a labelled candidate', () => {
    expect(() => fitListwise([{ candidates: [{ a: 1 }, { a: 0 }], positives: [] }])).not.toThrow();
  });
});

describe('bestCutoff', () => {
  it('answers only where answering pays', () => {
    const scored = [
      { p: 0.95, utilityIfYes: 1 },
      { p: 0.9, utilityIfYes: 1 },
      { p: 0.6, utilityIfYes: -2 },
      { p: 0.3, utilityIfYes: -2 },
    ];
    const { cutoff, utility } = bestCutoff(scored);
    expect(cutoff).toBeGreaterThan(0.6);
    expect(cutoff).toBeLessThanOrEqual(0.9);
    expect(utility).toBe(2);
  });
});
