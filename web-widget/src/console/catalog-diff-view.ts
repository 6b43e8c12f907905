/**
 * The difference between an uploaded file and the version in service: what is added, removed and
 * changed, each changed field with its old and new value (for lists: the lines added and removed).
 */
import { h, type Child } from '../shared/dom.ts';
import type { DraftDiff, FieldChange, ListDiff } from './catalog-models.ts';

function changeValue(text: string, marked: string[] | undefined, sign: '+' | '−'): Child {
  if (!marked) return h('span', { class: 'value', text: text || '（空）' });
  if (marked.length === 0) return h('span', { class: 'muted', text: '（无增删，仅顺序或格式变化）' });
  return h(
    'ul',
    { class: `lines ${sign === '+' ? 'added' : 'removed'}` },
    ...marked.map((line) => h('li', { text: `${sign} ${line}` })),
  );
}

export function fieldTable(changes: FieldChange[], caption: string): HTMLElement {
  return h(
    'table',
    { class: 'diff-fields', attrs: { 'aria-label': caption } },
    h(
      'thead',
      {},
      h('tr', {}, ...['字段', '原内容', '新内容'].map((text) => h('th', { text, attrs: { scope: 'col' } }))),
    ),
    h(
      'tbody',
      {},
      ...changes.map((change) =>
        h(
          'tr',
          {},
          h('th', { text: change.label, attrs: { scope: 'row' } }),
          h('td', { class: 'before' }, changeValue(change.before, change.removedLines, '−')),
          h('td', { class: 'after' }, changeValue(change.after, change.addedLines, '+')),
        ),
      ),
    ),
  );
}

function listSection(title: string, unit: string, diff: ListDiff): Child[] {
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) return [];
  const names = (records: ListDiff['added']) =>
    records.map((record) =>
      h('li', { text: record.id === record.name ? record.name : `${record.id} ${record.name}` }),
    );
  return [
    h('h4', {
      text: `${title}：新增 ${diff.added.length} ${unit}，删除 ${diff.removed.length} ${unit}，修改 ${diff.changed.length} ${unit}，未变 ${diff.unchanged} ${unit}`,
    }),
    diff.added.length > 0 &&
      h(
        'div',
        { class: 'diff-added' },
        h('strong', { text: `新增${title}` }),
        h('ul', {}, ...names(diff.added)),
      ),
    diff.removed.length > 0 &&
      h(
        'div',
        { class: 'diff-removed' },
        h('strong', { text: `删除${title}` }),
        h('ul', {}, ...names(diff.removed)),
      ),
    ...diff.changed.map((record) =>
      h(
        'details',
        { class: 'diff-changed', attrs: { open: diff.changed.length <= 5 } },
        h('summary', {
          text: `修改：${record.id === record.name ? record.name : `${record.id} ${record.name}`}（${record.changes.length} 个字段）`,
        }),
        fieldTable(record.changes, `${record.name}的修改`),
      ),
    ),
  ];
}

export function diffView(diff: DraftDiff): HTMLElement {
  const parts: Child[] = [];
  if (diff.catalog) {
    const { version, hall, items, themes } = diff.catalog;
    if (version.before !== version.after) {
      parts.push(h('p', { text: `清单版本：${version.before} → ${version.after}` }));
    }
    if (hall.length > 0) parts.push(h('h4', { text: '大厅信息' }), fieldTable(hall, '大厅信息的修改'));
    parts.push(...listSection('事项', '项', items), ...listSection('一件事主题', '个', themes));
  }
  if (diff.hall) {
    const { hall, floors, zones, windows } = diff.hall;
    if (hall.length > 0) parts.push(h('h4', { text: '大厅信息' }), fieldTable(hall, '大厅信息的修改'));
    parts.push(
      ...listSection('楼层', '个', floors),
      ...listSection('专区', '个', zones),
      ...listSection('窗口', '个', windows),
    );
  }
  return h(
    'div',
    { class: 'diff', attrs: { role: 'region', 'aria-label': '与线上版本的差异' } },
    h('h3', { text: '与线上版本的差异' }),
    ...(parts.length > 0 ? parts : [h('p', { class: 'muted', text: '与线上版本相同，没有变化。' })]),
  );
}
