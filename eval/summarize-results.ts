/**
 * Turns per-question results into the report: ranking overall, per question kind (single questions,
 * themes, last turn of dialogues) and per style, system beside the BM25 baseline; escalation
 * precision/recall; what negatives got (an item answered, item suggestions, personal data or
 * forbidden text echoed); violations with the ids that caused them, and latency. Pure, so it is
 * tested without any assistant.
 */
import { QUESTION_STYLES } from './question-schema.ts';
import type { QuestionKind, QuestionStyle } from './question-schema.ts';
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

export type RankedKind = Extract<QuestionKind, 'single' | 'theme' | 'dialogue'>;
export const RANKED_KINDS: readonly RankedKind[] = ['single', 'theme', 'dialogue'];

export interface KindRow {
  kind: RankedKind;
  questions: number;
  system: RankingSummary;
  baseline: RankingSummary;
}

/** What the negatives of one category (or all of them) got, with the ids for each count. */
export interface NegativeRow {
  category: string;
  questions: number;
  /** Answered about an item: a violation, except for pii questions, which may be real requests. */
  answered: string[];
  /** Offered items as suggestions without answering about one. */
  suggested: string[];
  personalDataEchoed: string[];
  mustNotContainShown: string[];
}

/** Categories whose questions may still be answered with an item (they carry personal data only). */
export const ITEM_ALLOWED_CATEGORIES: ReadonlySet<string> = new Set(['pii', 'personal-data']);

export interface EvalReport {
  label: string;
  questions: number;
  overall: { system: RankingSummary; baseline: RankingSummary };
  byKind: KindRow[];
  byStyle: StyleRow[];
  multiTurn: RankingSummary;
  escalation: EscalationSummary & {
    /** Questions labelled with an escalation decision, and how many of them expect a hand-over. */
    labelled: number;
    labelledPositive: number;
    /** False positives on questions that carry no escalation label at all. */
    falsePositivesUnlabelled: number;
  };
  negatives: { byCategory: NegativeRow[]; total: NegativeRow };
  violations: Record<ViolationKind, string[]>;
  latency: LatencySummary;
  /** Ranked questions whose first item was wrong, with what came first instead. */
  misses: Array<{ id: string; style: QuestionStyle; expected?: string; top?: string; text: string }>;
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

function negativeRow(category: string, results: readonly EvaluatedQuestion[]): NegativeRow {
  const ids = (test: (result: EvaluatedQuestion) => boolean) =>
    results.filter(test).map((result) => result.id);
  return {
    category,
    questions: results.length,
    answered: ids((result) => result.answered),
    suggested: ids((result) => result.suggested),
    personalDataEchoed: ids((result) => result.violations.includes('personal-data-echoed')),
    mustNotContainShown: ids((result) => result.violations.includes('must-not-contain-shown')),
  };
}

function summarizeNegatives(results: readonly EvaluatedQuestion[]): EvalReport['negatives'] {
  const negatives = results.filter((result) => result.category !== undefined);
  const categories = [...new Set(negatives.map((result) => result.category ?? ''))];
  const total = negativeRow('ALL', negatives);
  // Answering a pii question with an item is right when it asks for a real service.
  total.answered = negatives
    .filter((result) => result.answered && !ITEM_ALLOWED_CATEGORIES.has(result.category ?? ''))
    .map((result) => result.id);
  return {
    byCategory: categories.map((category) =>
      negativeRow(
        category,
        negatives.filter((result) => result.category === category),
      ),
    ),
    total,
  };
}

export function summarizeResults(label: string, results: readonly EvaluatedQuestion[]): EvalReport {
  const byKind: KindRow[] = [];
  for (const kind of RANKED_KINDS) {
    const ofKind = results.filter((result) => result.ranked && result.kind === kind);
    if (ofKind.length === 0) continue;
    byKind.push({ kind, questions: ofKind.length, ...rankingOf(ofKind) });
  }
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
    'must-not-contain-shown': [],
  };
  for (const result of results) for (const kind of result.violations) violations[kind].push(result.id);

  return {
    label,
    questions: results.length,
    overall: rankingOf(results),
    byKind,
    byStyle,
    multiTurn: summarizeRanks(
      results.filter((result) => result.ranked && result.multiTurn).map((result) => result.rank),
    ),
    escalation: {
      ...summarizeEscalation(
        results.map((result) => ({ expected: result.expectedEscalate, predicted: result.escalated })),
      ),
      labelled: results.filter((result) => result.escalationLabelled).length,
      labelledPositive: results.filter((result) => result.expectedEscalate).length,
      falsePositivesUnlabelled: results.filter((result) => !result.escalationLabelled && result.escalated)
        .length,
    },
    negatives: summarizeNegatives(results),
    violations,
    latency: summarizeLatency(results.map((result) => result.latencyMs)),
    misses: results
      .filter((result) => result.ranked && result.rank !== 1)
      .map(({ id, style, expected, top, text }) => ({ id, style, expected, top, text })),
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
