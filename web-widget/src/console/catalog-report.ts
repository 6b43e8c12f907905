/** The validation report of an uploaded file: errors and warnings as one table, by row and column. */
import { h } from '../shared/dom.ts';
import type { CatalogDraft, CatalogIssue } from './catalog-models.ts';

const KIND_UNIT: Record<string, string> = { catalog: '个事项', hall: '个窗口' };

export function reportSummary(draft: CatalogDraft): string {
  const { errors, warnings, summary } = draft.report;
  const count = draft.kind === 'catalog' ? summary?.items : summary?.windows;
  const content = summary
    ? `“${summary.hallName}”${summary.version ? `，版本 ${summary.version}` : ''}，共 ${count ?? 0} ${KIND_UNIT[draft.kind]}`
    : '内容无法读取';
  const verdict =
    errors.length > 0
      ? `有 ${errors.length} 处错误，改正后才能发布`
      : warnings.length > 0
        ? `没有错误，有 ${warnings.length} 处提醒，可以发布`
        : '没有发现问题，可以发布';
  return `文件“${draft.fileName}”：${content}。${verdict}。`;
}

function issueRow(kind: '错误' | '提醒', issue: CatalogIssue): HTMLElement {
  return h(
    'tr',
    { class: kind === '错误' ? 'issue-error' : 'issue-warning' },
    h('td', { text: kind }),
    h('td', { text: issue.sheet ?? '' }),
    h('td', { text: issue.row === undefined ? '' : String(issue.row) }),
    h('td', { text: issue.column ?? issue.field }),
    h('td', { text: issue.itemId ?? '' }),
    h('td', { text: issue.message }),
  );
}

export function reportTable(draft: CatalogDraft): HTMLElement {
  const { errors, warnings } = draft.report;
  if (errors.length === 0 && warnings.length === 0) {
    return h('p', { class: 'muted', text: '校验通过：未发现错误或提醒。' });
  }
  return h(
    'table',
    { class: 'report', attrs: { 'aria-label': '校验结果' } },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['类别', '工作表', '行', '列（字段）', '事项编码', '说明'].map((text) =>
          h('th', { text, attrs: { scope: 'col' } }),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...errors.map((issue) => issueRow('错误', issue)),
      ...warnings.map((issue) => issueRow('提醒', issue)),
    ),
  );
}
