/**
 * One case: the whole transcript (personal data masked by the server), its history, and the staff
 * actions — claim, reply live to the citizen, transfer (分办), resolve (办结), follow-up (回访),
 * archive, and revealing the contact details, which asks for a reason because it is audited.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { RATING_LEVELS } from '../shared/rating-levels.ts';
import { errorText } from './login-view.ts';
import { statusLabel } from './models.ts';
import type { CaseDetail, CaseSummary } from './models.ts';
import { remainingDays } from './queue-view.ts';
import { api } from './staff-api.ts';
import { toKnowledgeButton } from './reply-to-knowledge.ts';
import { countdownText, formatDateTime } from './working-days.ts';

const SPEAKER: Record<string, string> = {
  citizen: '群众',
  user: '群众',
  assistant: '导办助手',
  bot: '导办助手',
  staff: '工作人员',
  system: '系统',
};
const CLAIMABLE = new Set(['受理', '分办']);
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

// Case events the server writes: `open` when a case is registered (by the citizen, or by the
// ratings service for a 差评 整改 case), then one per status-machine action; the audit-log names
// (`case.*`) are accepted too so a merged history reads the same.
const ACTION: Record<string, string> = {
  open: '登记',
  claim: '认领',
  reply: '回复',
  transfer: '分办',
  resolve: '办结',
  'follow-up': '回访',
  archive: '归档',
  'reveal-contact': '查看联系方式',
  'contact-added': '补充联系方式',
  view: '查看',
};
const SYSTEM_ACTORS = new Set(['system', 'ratings', 'bot', 'assistant']);

function actorLabel(actor: string | undefined): string {
  if (!actor) return '系统';
  if (actor === 'citizen' || actor === 'user') return '群众';
  if (SYSTEM_ACTORS.has(actor)) return '系统';
  return `工作人员（${actor}）`;
}

function actionLabel(action: string): string {
  const name = action.replace(/^case\./, '');
  return ACTION[name] ?? name;
}

function normalize(value: unknown): CaseDetail {
  const record = (value ?? {}) as Partial<CaseDetail> & CaseSummary;
  return {
    case: record.case ?? record,
    transcript: record.transcript ?? [],
    history: record.history ?? [],
  };
}

export function caseView(number: string): HTMLElement {
  const container = h('section', { class: 'view', attrs: { 'aria-labelledby': 'case-title' } });
  const notice = h('p', { class: 'notice', attrs: { role: 'status' } });

  const act = (path: string, body: unknown, done: string): Promise<void> =>
    api
      .post(`/staff/cases/${encodeURIComponent(number)}/${path}`, body)
      .then(() => {
        notice.textContent = done;
        load();
      })
      .catch((reason: unknown) => {
        notice.textContent = errorText(reason);
      });

  const load = (): void => {
    api
      .get<unknown>(`/staff/cases/${encodeURIComponent(number)}`)
      .then((value) => render(normalize(value)))
      .catch((reason: unknown) =>
        replaceChildren(container, h('p', { class: 'error', text: errorText(reason) })),
      );
  };

  const render = (detail: CaseDetail): void => {
    const entry = detail.case;
    const reply = h('textarea', {
      attrs: { id: 'reply-text', rows: 3, maxlength: 500, placeholder: '回复内容将实时发送给群众' },
    });
    const transcript = h(
      'ol',
      { class: 'transcript', attrs: { 'aria-label': '对话记录' } },
      ...detail.transcript.map((line, index) => {
        const role = line.role ?? line.from ?? 'system';
        const speaker = `${SPEAKER[role] ?? role}${line.staff ? '（' + line.staff + '）' : ''}`;
        return h(
          'li',
          { class: `line from-${role}` },
          h('span', {
            class: 'speaker',
            text: `${speaker}${line.at ? ' · ' + formatDateTime(line.at) : ''}`,
          }),
          h('span', { class: 'line-text', text: line.text }),
          role === 'staff' ? toKnowledgeButton(detail.transcript, index, number) : null,
        );
      }),
    );
    const revealOutput = h('p', { class: 'reveal-output', attrs: { 'aria-live': 'polite' } });
    const revealReason = h('input', {
      attrs: { id: 'reveal-reason', placeholder: '查看原因（将记入审计日志）', maxlength: 100 },
    });
    const department = h(
      'select',
      { attrs: { id: 'transfer-department', required: true } },
      h('option', { text: '请选择部门', attrs: { value: '', selected: true, disabled: true } }),
      ...DEPARTMENTS.map((name) => h('option', { text: name, attrs: { value: name } })),
    );
    const transferNote = h('input', { attrs: { id: 'transfer-note', placeholder: '分办说明（选填）' } });
    const resolveNote = h('textarea', { attrs: { id: 'resolve-note', rows: 2, placeholder: '办结说明' } });
    const followResult = h('input', { attrs: { id: 'follow-result', placeholder: '回访结果' } });
    const followLevel = h(
      'select',
      { attrs: { id: 'follow-level' } },
      h('option', { text: '（群众评价）', attrs: { value: '' } }),
      ...RATING_LEVELS.map((level) => h('option', { text: level, attrs: { value: level } })),
    );
    const remaining = remainingDays(entry);

    replaceChildren(
      container,
      h('p', {}, h('a', { attrs: { href: '#/cases' }, text: '← 返回工单队列' })),
      h('h1', { attrs: { id: 'case-title' }, text: `工单 ${entry.number}` }),
      h(
        'dl',
        { class: 'case-facts' },
        ...(
          [
            ['状态', statusLabel(entry.status)],
            ['类别', entry.category],
            ['事项', entry.itemName ?? '—'],
            ['承办部门', entry.department ?? '—'],
            ['登记时间', formatDateTime(entry.createdAt)],
            ['办理时限', `${formatDateTime(entry.deadline)}（${countdownText(remaining)}）`],
            ['联系电话', entry.phoneMasked ?? entry.phone ?? '未留'],
            ['问题说明', entry.description ?? '—'],
            ['办结说明', entry.resolution ?? '—'],
            ['回访结果', entry.followUp ?? '—'],
            ['会话编号', entry.conversationRef ?? '—'],
            ...(entry.conversationEndedAt
              ? [
                  [
                    '会话状态',
                    `群众已于${formatDateTime(entry.conversationEndedAt)}结束对话，回复不会再实时送达。`,
                  ],
                ]
              : []),
          ] as [string, string][]
        ).map(([label, value]) => h('div', {}, h('dt', { text: label }), h('dd', { text: value }))),
      ),
      notice,
      h(
        'div',
        { class: 'case-grid' },
        h(
          'div',
          {},
          h('h2', { text: '对话记录' }),
          h('p', { class: 'muted', text: '个人信息已脱敏显示。' }),
          transcript,
        ),
        h(
          'div',
          { class: 'case-actions' },
          h('h2', { text: '办理' }),
          // The server allows a claim only from 受理 / 分办; once 办理中 the case has its handler.
          CLAIMABLE.has(entry.status)
            ? h('button', {
                text: '认领',
                attrs: { type: 'button' },
                on: { click: () => void act('claim', {}, '已认领。') },
              })
            : h('p', {
                class: 'muted',
                text: entry.assignee
                  ? `已由${entry.assignee}认领。`
                  : `当前状态：${statusLabel(entry.status)}。`,
              }),
          h(
            'form',
            { class: 'stack', attrs: { 'aria-label': '回复群众' } },
            h('label', { attrs: { for: 'reply-text' }, text: '回复群众' }),
            reply,
            h('button', { class: 'primary', text: '发送回复', attrs: { type: 'submit' } }),
          ),
          h(
            'form',
            { class: 'stack', attrs: { 'aria-label': '分办' } },
            h('label', { attrs: { for: 'transfer-department' }, text: '分办到部门' }),
            department,
            transferNote,
            h('button', { text: '分办', attrs: { type: 'submit' } }),
          ),
          h(
            'form',
            { class: 'stack', attrs: { 'aria-label': '办结' } },
            h('label', { attrs: { for: 'resolve-note' }, text: '办结' }),
            resolveNote,
            h('button', { text: '办结', attrs: { type: 'submit' } }),
          ),
          h(
            'form',
            { class: 'stack', attrs: { 'aria-label': '回访' } },
            h('label', { attrs: { for: 'follow-result' }, text: '回访' }),
            followResult,
            followLevel,
            h('button', { text: '记录回访', attrs: { type: 'submit' } }),
          ),
          h(
            'form',
            { class: 'stack', attrs: { 'aria-label': '查看联系方式' } },
            h('label', { attrs: { for: 'reveal-reason' }, text: '查看完整联系方式' }),
            revealReason,
            h('button', { text: '查看', attrs: { type: 'submit' } }),
            revealOutput,
          ),
          h('button', {
            text: '归档',
            attrs: { type: 'button' },
            on: { click: () => void act('archive', {}, '已归档。') },
          }),
        ),
      ),
      h('h2', { text: '办理记录' }),
      h(
        'ol',
        { class: 'history' },
        ...detail.history.map((item) =>
          h('li', {
            text: [formatDateTime(item.at), actorLabel(item.actor), actionLabel(item.action), item.note]
              .filter(Boolean)
              .join(' · '),
          }),
        ),
      ),
    );

    const forms = container.querySelectorAll('form');
    const onSubmit = (form: HTMLFormElement | undefined, handler: () => void) =>
      form?.addEventListener('submit', (event) => {
        event.preventDefault();
        handler();
      });
    onSubmit(forms[0], () => {
      const text = reply.value.trim();
      if (text) void act('reply', { text }, '回复已发送。');
    });
    onSubmit(forms[1], () => {
      if (!department.value) {
        notice.textContent = '请选择分办部门。';
        department.focus();
        return;
      }
      void act(
        'transfer',
        { department: department.value, note: transferNote.value.trim() || undefined },
        `已分办到${department.value}。`,
      );
    });
    onSubmit(forms[2], () => {
      if (!resolveNote.value.trim()) {
        notice.textContent = '请填写办结说明。';
        return;
      }
      void act('resolve', { note: resolveNote.value.trim() }, '已办结。');
    });
    onSubmit(forms[3], () => {
      if (!followResult.value.trim()) {
        notice.textContent = '请填写回访结果。';
        return;
      }
      void act(
        'follow-up',
        { result: followResult.value.trim(), level: followLevel.value || undefined },
        '回访已记录。',
      );
    });
    onSubmit(forms[4], () => {
      const reason = revealReason.value.trim();
      if (!reason) {
        revealOutput.textContent = '请先填写查看原因。';
        return;
      }
      api
        .post<Record<string, unknown>>(`/staff/cases/${encodeURIComponent(number)}/reveal`, { reason })
        .then((result) => {
          const parts = Object.entries(result)
            .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
            .map(([key, value]) => `${key === 'phone' ? '电话' : key}：${String(value)}`);
          revealOutput.textContent = `${parts.join('；') || '未留联系方式'}（本次查看已记入审计日志）`;
        })
        .catch((reason: unknown) => (revealOutput.textContent = errorText(reason)));
    });
  };

  load();
  return container;
}
