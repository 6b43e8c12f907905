/** Plain-text tables of an evaluation report, for the terminal and for pasting into docs. */
import type { RankingSummary } from './metrics/ranking.ts';
import { ITEM_ALLOWED_CATEGORIES } from './summarize-results.ts';
import type { EvalReport } from './summarize-results.ts';

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const decimal = (value: number): string => value.toFixed(3);

/** Left-aligned first column, right-aligned others, columns padded to their widest cell. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const signed = (value: number, digits: number): string =>
  `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(digits)}`;

/** System figure, baseline figure and the difference (points for hit@k, plain for MRR), per metric. */
const RANKING_HEADER = ['hit@1', 'bm25', 'Δpt', 'hit@3', 'bm25', 'Δpt', 'MRR', 'bm25', 'Δ'];

function rankingCells(system: RankingSummary, baseline: RankingSummary): string[] {
  if (system.count === 0) return RANKING_HEADER.map(() => '-');
  const hit = (ours: number, theirs: number) => [
    percent(ours),
    percent(theirs),
    signed((ours - theirs) * 100, 1),
  ];
  return [
    ...hit(system.hitAt1, baseline.hitAt1),
    ...hit(system.hitAt3, baseline.hitAt3),
    decimal(system.mrr),
    decimal(baseline.mrr),
    signed(system.mrr - baseline.mrr, 3),
  ];
}

const count = (ids: readonly string[], of?: number) =>
  of === undefined ? String(ids.length) : `${ids.length}/${of}`;

function negativeLines(report: EvalReport): string[] {
  const { byCategory, total } = report.negatives;
  if (total.questions === 0) return ['negatives: none'];
  const noItem = byCategory
    .filter((row) => !ITEM_ALLOWED_CATEGORIES.has(row.category))
    .reduce((sum, row) => sum + row.questions, 0);
  const rows = byCategory.map((row) => [
    row.category,
    String(row.questions),
    ITEM_ALLOWED_CATEGORIES.has(row.category) ? `(${row.answered.length} allowed)` : count(row.answered),
    count(row.suggested),
    count(row.personalDataEchoed),
    count(row.mustNotContainShown),
  ]);
  rows.push([
    'ALL',
    String(total.questions),
    count(total.answered, noItem),
    count(total.suggested),
    count(total.personalDataEchoed),
    count(total.mustNotContainShown),
  ]);
  return [
    `negatives (${total.questions}): answered with an item, item suggestions, personal data echoed, must_not_contain shown`,
    formatTable(['category', 'n', 'answered', 'suggested', 'pii echoed', 'must_not'], rows),
  ];
}

function escalationLine(report: EvalReport): string {
  const { escalation } = report;
  if (escalation.labelled === 0) {
    return `escalation: no labelled questions; ${escalation.falsePositives} needless hand-overs`;
  }
  return (
    `escalation: precision ${percent(escalation.precision)}, recall ${percent(escalation.recall)} ` +
    `(${escalation.labelled} labelled, ${escalation.labelledPositive} hand-over; tp ${escalation.truePositives}, ` +
    `fp ${escalation.falsePositives} of which ${escalation.falsePositivesUnlabelled} on unlabelled questions, ` +
    `fn ${escalation.falseNegatives})`
  );
}

export function formatReport(report: EvalReport, verbose = false): string {
  const header = ['', 'n', ...RANKING_HEADER];
  const rows: string[][] = [
    [
      'ALL ranked',
      String(report.overall.system.count),
      ...rankingCells(report.overall.system, report.overall.baseline),
    ],
    ...report.byKind.map((row) => [
      row.kind,
      String(row.questions),
      ...rankingCells(row.system, row.baseline),
    ]),
    ...report.byStyle
      .filter((row) => row.system.count > 0)
      .map((row) => [`  ${row.style}`, String(row.system.count), ...rankingCells(row.system, row.baseline)]),
  ];
  const { latency, violations } = report;
  const violationTotal = Object.values(violations).reduce((total, ids) => total + ids.length, 0);
  const lines = [
    `== ${report.label} (${report.questions} questions, ${report.overall.system.count} ranked) ==`,
    formatTable(header, rows),
    '',
    escalationLine(report),
    ...negativeLines(report),
    `violations: ${violationTotal} (` +
      Object.entries(violations)
        .map(([kind, ids]) => `${kind} ${ids.length}`)
        .join(', ') +
      ')',
    `latency per question: mean ${latency.mean.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms`,
  ];
  if (verbose) {
    for (const [kind, ids] of Object.entries(violations)) {
      if (ids.length > 0) lines.push(`  ${kind}: ${ids.join(' ')}`);
    }
    const suggested = report.negatives.total.suggested;
    if (suggested.length > 0) lines.push(`  negatives with item suggestions: ${suggested.join(' ')}`);
    if (report.escalationErrors.missed.length > 0) {
      lines.push(`  escalation missed: ${report.escalationErrors.missed.join(' ')}`);
    }
    if (report.escalationErrors.needless.length > 0) {
      lines.push(`  escalation needless: ${report.escalationErrors.needless.join(' ')}`);
    }
    if (report.misses.length > 0) {
      lines.push('  misses at rank 1 (id [style] expected → first item returned · last turn):');
      for (const miss of report.misses) {
        lines.push(
          `    ${miss.id} [${miss.style}] ${miss.expected ?? '?'} → ${miss.top ?? '(none)'} · ${miss.text}`,
        );
      }
    }
  }
  return lines.join('\n');
}

/** One line per report: the headline figures of every suite of a split side by side. */
export function formatOverview(reports: ReadonlyArray<{ suite: string; report: EvalReport }>): string {
  const header = ['suite', 'questions', 'ranked', ...RANKING_HEADER, 'esc P', 'esc R', 'neg answered', 'ms'];
  const rows = reports.map(({ suite, report }) => {
    const { negatives } = report;
    const noItem = negatives.byCategory
      .filter((row) => !ITEM_ALLOWED_CATEGORIES.has(row.category))
      .reduce((sum, row) => sum + row.questions, 0);
    return [
      suite,
      String(report.questions),
      String(report.overall.system.count),
      ...rankingCells(report.overall.system, report.overall.baseline),
      ...(report.escalation.labelled === 0
        ? ['-', '-']
        : [percent(report.escalation.precision), percent(report.escalation.recall)]),
      count(negatives.total.answered, noItem),
      report.latency.mean.toFixed(1),
    ];
  });
  return formatTable(header, rows);
}
