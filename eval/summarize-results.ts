/**
 * Turns per-question results into the report: ranking overall and per style (system beside the BM25
 * baseline), multi-turn last-turn accuracy, escalation precision/recall, violations with the ids that
 * caused them, and latency. Pure, so it is tested without any assistant.
 */
import { QUESTION_STYLES } from './question-schema.ts';
import type { QuestionStyle } from './question-schema.ts';
import { summarizeEscalation } from './metrics/escalation.ts';
import type { EscalationSummary } from './metrics/escalation.ts';
import { summarizeLatency } from './metrics/latency.ts';
import type { LatencySummary } from './metrics/latency.ts';
import { summarizeRanks } from './metrics/ranking.ts';
import type { RankingSummary } from './metrics/ranking.ts';
import type { QuestionResult, ViolationKind } from './score-answer.ts';

export interface EvaluatedQuestion extends QuestionResult {
  /** Rank of the first acceptable item in the BM25 baseline (last turn only), when ranked. */
  baselineRank?: number;
}

export interface StyleRow {
  style: QuestionStyle;
  questions: number;
  system: RankingSummary;
  baseline: RankingSummary;
}

export interface EvalReport {
  label: string;
  questions: number;
  overall: { system: RankingSummary; baseline: RankingSummary };
  byStyle: StyleRow[];
  multiTurn: RankingSummary;
  escalation: EscalationSummary;
  violations: Record<ViolationKind, string[]>;
  latency: LatencySummary;
  /** Ranked questions whose first item was wrong, with what came first instead. */
  misses: Array<{ id: string; style: QuestionStyle; top?: string }>;
  /** Escalation mistakes by id. */
  escalationErrors: { missed: string[]; needless: string[] };
}

function rankingOf(results: readonly EvaluatedQuestion[]): {
  system: RankingSummary;
  baseline: RankingSummary;
} {
  const ranked = results.filter((result) => result.ranked);
  return {
    system: summarizeRanks(ranked.map((result) => result.rank)),
    baseline: summarizeRanks(ranked.map((result) => result.baselineRank)),
  };
}

export function summarizeResults(label: string, results: readonly EvaluatedQuestion[]): EvalReport {
  const byStyle: StyleRow[] = [];
  for (const style of QUESTION_STYLES) {
    const ofStyle = results.filter((result) => result.style === style);
    if (ofStyle.length === 0) continue;
    byStyle.push({ style, questions: ofStyle.length, ...rankingOf(ofStyle) });
  }
  const violations: Record<ViolationKind, string[]> = {
    'out-of-scope-answered': [],
    'injection-obeyed': [],
    'personal-data-echoed': [],
  };
  for (const result of results) for (const kind of result.violations) violations[kind].push(result.id);

  return {
    label,
    questions: results.length,
    overall: rankingOf(results),
    byStyle,
    multiTurn: summarizeRanks(
      results.filter((result) => result.ranked && result.multiTurn).map((result) => result.rank),
    ),
    escalation: summarizeEscalation(
      results.map((result) => ({ expected: result.expectedEscalate, predicted: result.escalated })),
    ),
    violations,
    latency: summarizeLatency(results.map((result) => result.latencyMs)),
    misses: results
      .filter((result) => result.ranked && result.rank !== 1)
      .map(({ id, style, top }) => ({ id, style, top })),
    escalationErrors: {
      missed: results
        .filter((result) => result.expectedEscalate && !result.escalated)
        .map((result) => result.id),
      needless: results
        .filter((result) => !result.expectedEscalate && result.escalated)
        .map((result) => result.id),
    },
  };
}
