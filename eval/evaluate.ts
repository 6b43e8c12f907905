/**
 * Runs evaluation questions through an assistant (any function from turns to an Answer) and, in the
 * same pass, through the BM25 baseline (on all turns of the question), then summarises. The
 * assistant is called in process, one question at a time, so latency is that of a single citizen's
 * request.
 */
import { performance } from 'node:perf_hooks';
import { baselineQuery } from './bm25-baseline.ts';
import type { Bm25Baseline } from './bm25-baseline.ts';
import { acceptableItems, turnsOf } from './question-schema.ts';
import type { EvalQuestion } from './question-schema.ts';
import { rankOf } from './metrics/ranking.ts';
import { scoreAnswer } from './score-answer.ts';
import type { ScoredAnswer } from './score-answer.ts';
import { summarizeResults } from './summarize-results.ts';
import type { EvalReport, EvaluatedQuestion } from './summarize-results.ts';

export type AskFunction = (turns: string[]) => Promise<ScoredAnswer>;

export interface EvaluateOptions {
  label: string;
  questions: readonly EvalQuestion[];
  ask: AskFunction;
  baseline: Bm25Baseline;
  /** Called after each question, e.g. to draw a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export async function evaluateQuestions(options: EvaluateOptions): Promise<EvalReport> {
  const results: EvaluatedQuestion[] = [];
  for (const question of options.questions) {
    const turns = turnsOf(question);
    const started = performance.now();
    const answer = await options.ask(turns);
    const latencyMs = performance.now() - started;
    const result: EvaluatedQuestion = scoreAnswer(question, answer, latencyMs);
    if (result.ranked) {
      // The baseline gets the same context as the system: every turn of a dialogue.
      const hits = options.baseline.search(baselineQuery(turns), 10);
      result.baselineRank = rankOf(
        hits.map((hit) => hit.name),
        acceptableItems(question.expect),
      );
    }
    results.push(result);
    options.onProgress?.(results.length, options.questions.length);
  }
  return summarizeResults(options.label, results);
}
