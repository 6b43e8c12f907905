/**
 * Escalation quality: did the assistant hand over to staff exactly when the citizen needed it?
 * Precision counts needless hand-overs (staff time wasted), recall counts missed ones (a citizen left
 * alone with a problem), which the hall weighs as the worse failure.
 */

export interface EscalationSummary {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** 1 when nothing was escalated (no false alarms were raised). */
  precision: number;
  /** 1 when nothing needed escalating. */
  recall: number;
}

export interface EscalationOutcome {
  expected: boolean;
  predicted: boolean;
}

export function summarizeEscalation(outcomes: readonly EscalationOutcome[]): EscalationSummary {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { expected, predicted } of outcomes) {
    if (expected && predicted) truePositives += 1;
    else if (!expected && predicted) falsePositives += 1;
    else if (expected && !predicted) falseNegatives += 1;
  }
  const predictedPositive = truePositives + falsePositives;
  const actualPositive = truePositives + falseNegatives;
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: predictedPositive === 0 ? 1 : truePositives / predictedPositive,
    recall: actualPositive === 0 ? 1 : truePositives / actualPositive,
  };
}
