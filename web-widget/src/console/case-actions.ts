/**
 * The 办理 panel of a case: exactly the status-machine actions the server allows now (`actions`,
 * bot/cases/case-status.ts) — 认领, 分办 or 转办, 退回 with its reason, 办结, 回访, 归档 — then the
 * case's 事项 (topic) with the candidates, 交还智能导办 while a person holds the conversation, and
 * revealing the contact details, which asks for a reason because it is audited. Each action control
 * carries `data-action` with the server's action name.
 */
import { h } from '../shared/dom.ts';
import { RATING_LEVELS } from '../shared/rating-levels.ts';
import { errorText } from './login-view.ts';
import { statusLabel } from './models.ts';
import type { CaseAction, CaseSummary } from './models.ts';
import { topicText } from './queue-view.ts';
import { api } from './staff-api.ts';

const DEPARTMENTS = [
  '市场监管局',
  '人力资源社会保障局',
  '住房城乡建设局',
  '自然资源和规划局',
  '民政局',
  '税务局',
  '公安分局',
  '行政审批服务局',
];

export interface CaseActionContext {
  number: string;
  notice: HTMLElement;
  /** Posts an action; on success shows `done` and refreshes the case. */
  act(path: string, body: unknown, done: string): Promise<void>;
  /** Shows a case view the server returned (topic, hand-back). */
  apply(entry: CaseSummary): void;
}

const form = (label: string, action: CaseAction, ...children: Node[]) =>
  h('form', { class: 'stack', attrs: { 'aria-label': label, 'data-action': action } }, ...children);

const onSubmit = (element: HTMLFormElement, handler: () => void) => {
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    handler();
  });
  return element;
};

/** The form or button of one allowed action (reply lives with the transcript, so not here). */
function actionControl(
  action: CaseAction,
  entry: CaseSummary,
  context: CaseActionContext,
): HTMLElement | null {
  const { act, notice } = context;
  switch (action) {
    case 'claim':
      return h('button', {
        text: '认领',
        attrs: { type: 'button', 'data-action': 'claim' },
        on: { click: () => void act('claim', {}, '已认领。') },
      });
    case 'transfer': {
      // From 受理 the desk assigns the case (分办); once assigned, sending it on is 转办.
      const verb = entry.status === '受理' ? '分办' : '转办';
      const department = h(
        'select',
        { attrs: { id: 'transfer-department', required: true } },
        h('option', { text: '请选择部门', attrs: { value: '', selected: true, disabled: true } }),
        ...DEPARTMENTS.filter((name) => name !== entry.department).map((name) =>
          h('option', { text: name, attrs: { value: name } }),
        ),
      );
      const note = h('input', {
        attrs: { id: 'transfer-note', placeholder: `${verb}说明（选填）`, 'aria-label': `${verb}说明` },
      });
      return onSubmit(
        form(
          verb,
          'transfer',
          h('label', { attrs: { for: 'transfer-department' }, text: `${verb}到部门` }),
          department,
          note,
          h('button', { text: verb, attrs: { type: 'submit' } }),
        ),
        () => {
          if (!department.value) {
            notice.textContent = `请选择${verb}部门。`;
            department.focus();
            return;
          }
          void act(
            'transfer',
            { department: department.value, note: note.value.trim() || undefined },
            `已${verb}到${department.value}。`,
          );
        },
      );
    }
    case 'return': {
      const note = h('textarea', {
        attrs: {
          id: 'return-note',
          rows: 2,
          maxlength: 500,
          'aria-required': 'true',
          placeholder: '退回原因（必填）',
        },
      });
      return onSubmit(
        form(
          '退回',
          'return',
          h('label', { attrs: { for: 'return-note' }, text: '退回综合窗口' }),
          note,
          h('button', { text: '退回', attrs: { type: 'submit' } }),
        ),
        () => {
          if (!note.value.trim()) {
            notice.textContent = '请填写退回原因。';
            note.focus();
            return;
          }
          void act('return', { note: note.value.trim() }, '已退回综合窗口。');
        },
      );
    }
    case 'resolve': {
      const note = h('textarea', { attrs: { id: 'resolve-note', rows: 2, placeholder: '办结说明' } });
      return onSubmit(
        form(
          '办结',
          'resolve',
          h('label', { attrs: { for: 'resolve-note' }, text: '办结' }),
          note,
          h('button', { text: '办结', attrs: { type: 'submit' } }),
        ),
        () => {
          if (!note.value.trim()) {
            notice.textContent = '请填写办结说明。';
            note.focus();
            return;
          }
          void act('resolve', { note: note.value.trim() }, '已办结。');
        },
      );
    }
    case 'follow-up': {
      const result = h('input', { attrs: { id: 'follow-result', placeholder: '回访结果' } });
      const level = h(
        'select',
        { attrs: { id: 'follow-level' } },
        h('option', { text: '（未评价）', attrs: { value: '' } }),
        ...RATING_LEVELS.map((name) => h('option', { text: name, attrs: { value: name } })),
      );
      return onSubmit(
        form(
          '回访',
          'follow-up',
          h('label', { attrs: { for: 'follow-result' }, text: '回访' }),
          result,
          h('label', { class: 'sub', attrs: { for: 'follow-level' }, text: '群众评价' }),
          level,
          h('button', { text: '记录回访', attrs: { type: 'submit' } }),
        ),
        () => {
          if (!result.value.trim()) {
            notice.textContent = '请填写回访结果。';
            result.focus();
            return;
          }
          void act(
            'follow-up',
            { result: result.value.trim(), level: level.value || undefined },
            '回访已记录。',
          );
        },
      );
    }
    case 'archive':
      return h('button', {
        text: '归档',
        attrs: { type: 'button', 'data-action': 'archive' },
        on: { click: () => void act('archive', {}, '已归档。') },
      });
    default:
      return null;
  }
}

/** 事项: the topic or 未确定 with the candidates; staff may settle it (the server checks the item). */
function topicControl(entry: CaseSummary, context: CaseActionContext): HTMLElement | null {
  // Servers without topics send neither field: nothing to change then.
  if (entry.topic === undefined && entry.topicCandidates === undefined) return null;
  const options = new Map<string, string>();
  if (entry.topic) options.set(entry.topic.itemId, topicText(entry));
  for (const candidate of entry.topicCandidates ?? []) options.set(candidate.id, candidate.name);
  const choice = h(
    'select',
    { attrs: { id: 'topic-select' } },
    h('option', { text: '未确定', attrs: { value: '', selected: !entry.topic } }),
    ...[...options].map(([id, name]) =>
      h('option', { text: name, attrs: { value: id, selected: entry.topic?.itemId === id } }),
    ),
  );
  const current = entry.topic
    ? topicText(entry)
    : `未确定${entry.topicCandidates?.length ? '（可能是：' + entry.topicCandidates.map((c) => c.name).join('、') + '）' : ''}`;
  return onSubmit(
    h(
      'form',
      { class: 'stack', attrs: { 'aria-label': '事项' } },
      h('span', { class: 'label', text: '事项' }),
      h('p', { class: 'topic-current', text: current }),
      h('label', { class: 'sub', attrs: { for: 'topic-select' }, text: '更改事项' }),
      choice,
      h('button', { text: '保存事项', attrs: { type: 'submit' } }),
    ),
    () => {
      api
        .put<{ case?: CaseSummary } & CaseSummary>(
          `/staff/cases/${encodeURIComponent(context.number)}/topic`,
          { itemId: choice.value || null },
        )
        .then((result) => {
          context.notice.textContent = '事项已更新。';
          context.apply(result.case ?? result);
        })
        .catch((reason: unknown) => (context.notice.textContent = errorText(reason)));
    },
  );
}

function handBackControl(entry: CaseSummary, context: CaseActionContext): HTMLElement | null {
  if (entry.mode !== 'waiting' && entry.mode !== 'staff') return null;
  return h('button', {
    text: '交还智能导办',
    attrs: { type: 'button', class: 'hand-back' },
    on: {
      click: () => {
        api
          .post<{ case?: CaseSummary } & CaseSummary>(
            `/staff/cases/${encodeURIComponent(context.number)}/hand-back`,
          )
          .then((result) => {
            context.notice.textContent = '已交还智能导办，群众的新问题将由智能导办回答。';
            context.apply(result.case ?? result);
          })
          .catch((reason: unknown) => (context.notice.textContent = errorText(reason)));
      },
    },
  });
}

function revealControl(context: CaseActionContext): HTMLElement {
  const output = h('p', { class: 'reveal-output', attrs: { 'aria-live': 'polite' } });
  const reason = h('input', {
    attrs: { id: 'reveal-reason', placeholder: '查看原因（将记入审计日志）', maxlength: 100 },
  });
  return onSubmit(
    h(
      'form',
      { class: 'stack', attrs: { 'aria-label': '查看联系方式' } },
      h('label', { attrs: { for: 'reveal-reason' }, text: '查看完整联系方式' }),
      reason,
      h('button', { text: '查看', attrs: { type: 'submit' } }),
      output,
    ),
    () => {
      const text = reason.value.trim();
      if (!text) {
        output.textContent = '请先填写查看原因。';
        return;
      }
      api
        .post<Record<string, unknown>>(`/staff/cases/${encodeURIComponent(context.number)}/reveal`, {
          reason: text,
        })
        .then((result) => {
          const parts = Object.entries(result)
            .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
            .map(([key, value]) => `${key === 'phone' ? '电话' : key}：${String(value)}`);
          output.textContent = `${parts.join('；') || '未留联系方式'}（本次查看已记入审计日志）`;
        })
        .catch((error: unknown) => (output.textContent = errorText(error)));
    },
  );
}

/** The panel's content for the case as it is now. */
export function caseActionsPanel(entry: CaseSummary, context: CaseActionContext): HTMLElement[] {
  const controls = (entry.actions ?? []).flatMap((action) => actionControl(action, entry, context) ?? []);
  const state = entry.assignee
    ? `当前状态：${statusLabel(entry.status)}，承办人：${entry.assignee}。`
    : `当前状态：${statusLabel(entry.status)}。`;
  return [
    h('h2', { text: '办理' }),
    h('p', { class: 'muted', text: controls.length ? state : `${state}本件已无可办理的操作。` }),
    ...controls,
    ...[topicControl(entry, context), handBackControl(entry, context)].flatMap((control) => control ?? []),
    revealControl(context),
  ];
}

/** A key of what the panel depends on: the panel is rebuilt only when it changes (keeps typed text). */
export const panelKey = (entry: CaseSummary): string =>
  JSON.stringify([
    entry.status,
    entry.actions,
    entry.assignee,
    entry.department,
    entry.mode,
    entry.topic,
    entry.topicCandidates,
  ]);
