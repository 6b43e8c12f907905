/** Plain-text tables of an evaluation report, for the terminal and for pasting into docs. */
import type { RankingSummary } from './metrics/ranking.ts';
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

const rankingCells = (summary: RankingSummary): string[] =>
  summary.count === 0
    ? ['-', '-', '-']
    : [percent(summary.hitAt1), percent(summary.hitAt3), decimal(summary.mrr)];

export function formatReport(report: EvalReport, verbose = false): string {
  const header = ['style', 'n', 'ranked', 'hit@1', 'hit@3', 'MRR', 'bm25 hit@1', 'bm25 hit@3', 'bm25 MRR'];
  const rows = report.byStyle.map((row) => [
    row.style,
    String(row.questions),
    String(row.system.count),
    ...rankingCells(row.system),
    ...rankingCells(row.baseline),
  ]);
  rows.push([
    'ALL',
    String(report.questions),
    String(report.overall.system.count),
    ...rankingCells(report.overall.system),
    ...rankingCells(report.overall.baseline),
  ]);
  const { escalation, latency, violations } = report;
  const violationTotal = Object.values(violations).reduce((total, ids) => total + ids.length, 0);
  const lines = [
    `== ${report.label} (${report.questions} questions) ==`,
    formatTable(header, rows),
    '',
    `multi-turn last-turn accuracy: ${report.multiTurn.count === 0 ? '-' : `${percent(report.multiTurn.hitAt1)} of ${report.multiTurn.count}`}`,
    `escalation: precision ${percent(escalation.precision)}, recall ${percent(escalation.recall)} ` +
      `(tp ${escalation.truePositives}, fp ${escalation.falsePositives}, fn ${escalation.falseNegatives})`,
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
    if (report.escalationErrors.missed.length > 0) {
      lines.push(`  escalation missed: ${report.escalationErrors.missed.join(' ')}`);
    }
    if (report.escalationErrors.needless.length > 0) {
      lines.push(`  escalation needless: ${report.escalationErrors.needless.join(' ')}`);
    }
    if (report.misses.length > 0) {
      lines.push('  misses at rank 1 (id → first item returned):');
      for (const miss of report.misses) {
        lines.push(`    ${miss.id} [${miss.style}] → ${miss.top ?? '(none)'}`);
      }
    }
  }
  return lines.join('\n');
}
