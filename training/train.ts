/**
 * `npm run train [-- --check]`: fits the ranker weights and the decision model on the **dev** split
 * of the labelled sets (eval/suites.ts; holdout is never read here) and writes
 * `knowledge/data/models/rank-weights.json`, `bot/decide/data/decision-model.json` and the training
 * report `bot/decide/data/training-report.md`. With `--check` nothing is written: the run fails
 * when the fitted models differ from the committed ones, so the committed weights are reproducible.
 *
 * Training starts from fixed initial weights (below), not from the committed files, and runs a fixed
 * number of passes: each pass answers every dev question with the current models (the conversation
 * state of a dialogue depends on earlier decisions), records every candidate's and every turn's
 * features, and refits. The utilities that turn probabilities into cut-offs are policy, stated here.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TurnTrace } from '../bot/assistant.ts';
import { DECISION_MODEL_FILE, probability, type DecisionModel } from '../bot/decide/decision-model.ts';
import { openAssistant } from '../bot/open-assistant.ts';
import { turnFeatures } from '../bot/decide/turn-features.ts';
import { acceptableItems, kindOf, turnsOf, type EvalQuestion } from '../eval/question-schema.ts';
import { loadSuites, type Suite } from '../eval/suites.ts';
import { buildEvalIndex, builtinEmbedder } from '../eval/system-under-test.ts';
import {
  CANDIDATE_FEATURES,
  RANK_WEIGHTS_FILE,
  scoreCandidate,
  type RankWeights,
} from '../knowledge/retrieval/candidate-ranker.ts';
import { INITIAL_DECISION, INITIAL_RANK } from './initial-models.ts';
import { bestCutoff, fitListwise, fitLogistic, type BinarySample, type RankGroup } from './fit-models.ts';

const PASSES = 3;

/**
 * Utilities of a decision, per dev question (policy, not fitted): answering with the right item
 * +1, with a wrong one −2 (a wrong, confident answer is the worst outcome); offering suggestions
 * that hold the right item +0.5, that do not −0.25, to a question that is no service question −1;
 * refusing a non-service message +1, refusing a real question −2; presenting a 一件事 theme to a
 * question about it +1, to any other question −1; hand-over decisions by F1.
 */
const UTILITY = {
  rightAnswer: 1,
  wrongAnswer: -2,
  usefulSuggestion: 0.5,
  uselessSuggestion: -0.25,
  suggestionToNegative: -1,
  rightRefusal: 1,
  wrongRefusal: -2,
  rightTheme: 1,
  wrongTheme: -1,
};

interface Observation {
  suite: string;
  question: EvalQuestion;
  kind: ReturnType<typeof kindOf>;
  /** Acceptable item ids (empty when the question expects none). */
  expected: Set<string>;
  trace: TurnTrace;
  /** The refusal label: not a service question at all. */
  notService: boolean;
  escalate: boolean;
}

async function observe(
  suites: Suite[],
  indexDirs: Map<Suite, string>,
  rank: RankWeights,
  decision: DecisionModel,
): Promise<Observation[]> {
  const observations: Observation[] = [];
  const embedder = await builtinEmbedder();
  for (const suite of suites) {
    let last: TurnTrace | undefined;
    const assistant = await openAssistant({
      indexDir: indexDirs.get(suite) as string,
      embedder,
      tuning: { rankWeights: rank, decisionModel: decision, trace: (turn) => (last = turn) },
    });
    const idsByName = new Map(assistant.catalog.items.map((item) => [item.name, item.id]));
    for (const question of suite.questions) {
      last = undefined;
      await assistant.ask(turnsOf(question));
      if (!last) continue;
      const kind = kindOf(question);
      const expected = new Set(
        acceptableItems(question.expect)
          .map((name) => idsByName.get(name))
          .filter((id): id is string => id !== undefined),
      );
      const category = question.expect.category;
      observations.push({
        suite: suite.name,
        question,
        kind,
        expected,
        trace: last,
        notService:
          (kind === 'negative' && category !== 'pii' && category !== 'no_such_service') ||
          question.expect.outOfScope === true,
        escalate: question.expect.escalate === true,
      });
    }
  }
  return observations;
}

const rankable = (o: Observation) => (o.kind === 'single' || o.kind === 'dialogue') && o.expected.size > 0;

function rankGroups(observations: Observation[]): RankGroup[] {
  return observations.filter(rankable).map((o) => ({
    candidates: o.trace.pool.map((hit) => ({ ...hit.features })),
    positives: o.trace.pool.flatMap((hit, index) => (o.expected.has(hit.id) ? [index] : [])),
  }));
}

function fitRank(observations: Observation[], label: string): RankWeights {
  const weights = fitListwise(rankGroups(observations));
  return { model: 'linear-listwise', trainedOn: label, weights };
}

/** The top candidate of an observation under given rank weights. */
function topUnder(o: Observation, rank: RankWeights): string | undefined {
  let best: { id: string; score: number } | undefined;
  for (const hit of o.trace.pool) {
    const score = scoreCandidate(hit.features, rank);
    if (!best || score > best.score) best = { id: hit.id, score };
  }
  return best?.id;
}

function fitDecision(observations: Observation[], label: string): DecisionModel {
  const withCandidate = observations.filter((o) => o.trace.items.length > 0);
  const acceptSamples: BinarySample[] = withCandidate
    .filter((o) => rankable(o) || o.kind === 'negative')
    .map((o) => ({ x: o.trace.features, y: o.expected.has(o.trace.items[0].id) ? 1 : 0 }));
  const accept = fitLogistic(acceptSamples);
  const acceptScored = withCandidate
    .filter((o) => rankable(o) || o.kind === 'negative')
    .map((o) => ({ o, p: probability(accept, o.trace.features) }));
  const acceptCut = bestCutoff(
    acceptScored.map(({ o, p }) => ({
      p,
      utilityIfYes: o.expected.has(o.trace.items[0].id) ? UTILITY.rightAnswer : UTILITY.wrongAnswer,
    })),
  );
  const suggestCut = bestCutoff(
    acceptScored
      .filter(({ p }) => p < acceptCut.cutoff)
      .map(({ o, p }) => ({
        p,
        utilityIfYes:
          o.kind === 'negative'
            ? UTILITY.suggestionToNegative
            : o.trace.items.slice(0, 3).some((hit) => o.expected.has(hit.id))
              ? UTILITY.usefulSuggestion
              : UTILITY.uselessSuggestion,
      })),
    acceptCut.cutoff,
  );

  const escalateSamples = escalationSamples(observations);
  const escalate = fitLogistic(escalateSamples);
  const escalateCut = bestF1Cutoff(
    escalateSamples.map((sample) => ({ p: probability(escalate, sample.x), y: sample.y })),
  );

  const refuseSamples: BinarySample[] = observations
    .filter((o) => o.kind !== 'theme' && !(o.kind === 'negative' && !o.notService))
    .map((o) => ({ x: o.trace.features, y: o.notService ? 1 : 0 }));
  const refuse = fitLogistic(refuseSamples);
  const refuseCut = bestCutoff(
    refuseSamples.map((sample) => ({
      p: probability(refuse, sample.x),
      utilityIfYes: sample.y ? UTILITY.rightRefusal : UTILITY.wrongRefusal,
    })),
  );
  // The theme model sees every turn that found a theme; the positives are the theme questions.
  const themeSamples: BinarySample[] = observations
    .filter((o) => o.trace.featureInput.theme !== undefined)
    .map((o) => ({ x: o.trace.features, y: o.kind === 'theme' ? 1 : 0 }));
  const theme = fitLogistic(themeSamples);
  const themeCut = bestCutoff(
    themeSamples.map((sample) => ({
      p: probability(theme, sample.x),
      utilityIfYes: sample.y ? UTILITY.rightTheme : UTILITY.wrongTheme,
    })),
  );
  return {
    trainedOn: label,
    accept: {
      ...accept,
      cutoff: acceptCut.cutoff,
      suggestCutoff: Math.min(suggestCut.cutoff, acceptCut.cutoff),
    },
    escalate: { ...escalate, cutoff: escalateCut },
    refuse: { ...refuse, cutoff: refuseCut.cutoff },
    theme: { ...theme, cutoff: themeCut.cutoff },
  };
}

/** Every turn but the theme questions, labelled by whether a person should take it. */
function escalationSamples(observations: Observation[]): BinarySample[] {
  return observations
    .filter((o) => o.kind !== 'theme')
    .map((o) => ({ x: o.trace.features, y: o.escalate ? 1 : 0 }));
}

function bestF1Cutoff(scored: Array<{ p: number; y: 0 | 1 }>): number {
  let best = { cutoff: 0.5, f1: -1 };
  for (let step = 1; step <= 99; step += 1) {
    const cutoff = step / 100;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { p, y } of scored) {
      if (p >= cutoff && y) tp += 1;
      else if (p >= cutoff) fp += 1;
      else if (y) fn += 1;
    }
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    if (f1 > best.f1) best = { cutoff, f1 };
  }
  return best.cutoff;
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** hit@1 of the ranker per suite, and the same with each suite left out of training. */
function rankReport(observations: Observation[], rank: RankWeights): string[] {
  const suites = [...new Set(observations.map((o) => o.suite))];
  const lines = [
    '| suite | ranked | hit@1 (fitted on all dev) | hit@1 (suite left out of training) |',
    '|---|---|---|---|',
  ];
  for (const suite of suites) {
    const own = observations.filter((o) => o.suite === suite && rankable(o));
    if (!own.length) continue;
    const heldOut = fitRank(
      observations.filter((o) => o.suite !== suite),
      `without ${suite}`,
    );
    const hits = (weights: RankWeights) =>
      own.filter((o) => {
        const top = topUnder(o, weights);
        return top !== undefined && o.expected.has(top);
      }).length / own.length;
    lines.push(`| ${suite} | ${own.length} | ${percent(hits(rank))} | ${percent(hits(heldOut))} |`);
  }
  return lines;
}

/**
 * Precision and recall of the escalate model per suite with hand-over labels, fitted on all dev and
 * with that suite left out of training (its cut-off chosen on the other suites too): how well the
 * hand-over cues carry to sentences written by someone else.
 */
function escalationReport(observations: Observation[], decision: DecisionModel): string[] {
  const samples = observations.filter((o) => o.kind !== 'theme');
  const labelled = [...new Set(samples.filter((o) => o.escalate).map((o) => o.suite))];
  const lines = [
    '| suite | hand-overs | P / R (fitted on all dev) | P / R (suite left out of training) |',
    '|---|---|---|---|',
  ];
  const score = (
    own: Observation[],
    model: { bias: number; weights: Record<string, number> },
    cutoff: number,
  ) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const o of own) {
      const yes = probability(model, o.trace.features) >= cutoff;
      if (yes && o.escalate) tp += 1;
      else if (yes) fp += 1;
      else if (o.escalate) fn += 1;
    }
    const precision = tp + fp ? percent(tp / (tp + fp)) : '–';
    return `${precision} / ${percent(tp / Math.max(tp + fn, 1))}`;
  };
  for (const suite of labelled) {
    const own = samples.filter((o) => o.suite === suite);
    const rest = escalationSamples(samples.filter((o) => o.suite !== suite));
    const heldOut = fitLogistic(rest);
    const cutoff = bestF1Cutoff(rest.map((sample) => ({ p: probability(heldOut, sample.x), y: sample.y })));
    lines.push(
      `| ${suite} | ${own.filter((o) => o.escalate).length} | ${score(own, decision.escalate, decision.escalate.cutoff)} | ${score(own, heldOut, cutoff)} |`,
    );
  }
  return lines;
}

function modelTable(name: string, model: { bias: number; weights: Record<string, number> }): string[] {
  const entries = Object.entries(model.weights).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  return [
    `**${name}** (bias ${model.bias.toFixed(3)}): ${entries
      .slice(0, 12)
      .map(([feature, weight]) => `${feature} ${weight.toFixed(2)}`)
      .join(', ')}${entries.length > 12 ? ', …' : ''}`,
  ];
}

function report(observations: Observation[], rank: RankWeights, decision: DecisionModel): string {
  const counts = new Map<string, number>();
  for (const o of observations) {
    counts.set(`${o.suite}/${o.kind}`, (counts.get(`${o.suite}/${o.kind}`) ?? 0) + 1);
  }
  const inPool = observations
    .filter(rankable)
    .filter((o) => o.trace.pool.some((hit) => o.expected.has(hit.id)));
  return [
    '# Training report',
    '',
    'Written by `npm run train` from the dev split only (eval/suites.ts); holdout is never read.',
    `Passes: ${PASSES}. Observations: ${observations.length} (${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}).`,
    `Ranked questions whose expected item is in the candidate pool: ${inPool.length} of ${observations.filter(rankable).length}.`,
    '',
    '## Ranker (listwise logistic)',
    '',
    ...rankReport(observations, rank),
    '',
    'Weights: ' +
      CANDIDATE_FEATURES.map((name) => `${name} ${(rank.weights[name] ?? 0).toFixed(3)}`).join(', '),
    '',
    '## Decision (logistic models, cut-offs by the utilities in training/train.ts)',
    '',
    `accept cut-off ${decision.accept.cutoff}, suggest cut-off ${decision.accept.suggestCutoff}, escalate cut-off ${decision.escalate.cutoff}, refuse cut-off ${decision.refuse.cutoff}, theme cut-off ${decision.theme.cutoff}.`,
    '',
    ...modelTable('accept', decision.accept),
    '',
    ...modelTable('escalate', decision.escalate),
    '',
    ...escalationReport(observations, decision),
    '',
    ...modelTable('refuse', decision.refuse),
    '',
    ...modelTable('theme', decision.theme),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const suites = await loadSuites('dev');
  const label = `dev split: ${suites.map((suite) => `${suite.name} (${suite.questions.length})`).join(', ')}`;
  const temporary = await mkdtemp(path.join(os.tmpdir(), 'daoban-train-'));
  try {
    const indexDirs = new Map<Suite, string>();
    for (const [position, suite] of suites.entries()) {
      const outDir = path.join(temporary, String(position));
      await buildEvalIndex({
        catalogFile: suite.catalogFile,
        hallFile: suite.hallFile,
        docsDir: suite.docsDir,
        outDir,
      });
      indexDirs.set(suite, outDir);
    }
    let rank = INITIAL_RANK;
    let decision = INITIAL_DECISION;
    let observations: Observation[] = [];
    for (let pass = 1; pass <= PASSES; pass += 1) {
      observations = await observe(suites, indexDirs, rank, decision);
      rank = fitRank(observations, label);
      decision = fitDecision(
        observations.map((o) => ({ ...o, trace: retrace(o.trace, rank) })),
        label,
      );
      process.stderr.write(`pass ${pass}: ${observations.length} observations\n`);
    }
    const files: Array<[string, string]> = [
      [RANK_WEIGHTS_FILE, `${JSON.stringify(rank, null, 2)}\n`],
      [DECISION_MODEL_FILE, `${JSON.stringify(decision, null, 2)}\n`],
      [
        path.join(path.dirname(DECISION_MODEL_FILE), 'training-report.md'),
        report(observations, rank, decision),
      ],
    ];
    if (values.check) {
      const differing: string[] = [];
      for (const [file, content] of files) {
        const committed = await readFile(file, 'utf8').catch(() => '');
        if (committed !== content) differing.push(path.relative(process.cwd(), file));
      }
      if (differing.length) {
        process.stderr.write(
          `the committed models differ from a fresh training run: ${differing.join(', ')}\n`,
        );
        process.exitCode = 1;
        return;
      }
      process.stderr.write('the committed models are reproduced exactly\n');
      return;
    }
    for (const [file, content] of files) await writeFile(file, content);
    process.stderr.write(
      files.map(([file]) => `wrote ${path.relative(process.cwd(), file)}`).join('\n') + '\n',
    );
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

/** A recorded turn re-ranked with new weights, with the turn features of the new order. */
function retrace(trace: TurnTrace, rank: RankWeights): TurnTrace {
  const items = trace.pool
    .map((hit) => ({ ...hit, score: scoreCandidate(hit.features, rank) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, trace.items.length || 5);
  return { ...trace, items, features: turnFeatures({ ...trace.featureInput, items }) };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `train failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
