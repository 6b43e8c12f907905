/**
 * One case: its facts, the live transcript (personal data masked by the server) with the reply box,
 * the 办理 panel (only the actions the case's status allows) and its history. The view follows the
 * live channel: citizen and staff messages of this case are appended as they come, the citizen's
 * typing is shown, and a change to the case (by anyone) refreshes facts, panel and history. While
 * staff type a reply the citizen is told so, at most once every 3 s.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { caseActionsPanel, panelKey } from './case-actions.ts';
import { liveTranscript } from './case-transcript.ts';
import { onLiveEventWhile } from './live-channel.ts';
import { errorText } from './login-view.ts';
import { statusLabel } from './models.ts';
import type { CaseDetail, CaseSummary } from './models.ts';
import { remainingDays, topicText } from './queue-view.ts';
import { api } from './staff-api.ts';
import { setOpenCase } from './unread-cases.ts';
import { countdownText, formatDateTime } from './working-days.ts';

/** The typing endpoint's pace (the server's budget counts on it). */
const TYPING_INTERVAL_MS = 3_000;

// Case events the server writes: `open` when a case is registered (by the citizen, or by the
// ratings service for a 差评 整改 case), then one per status-machine action; the audit-log names
// (`case.*`) are accepted too so a merged history reads the same.
const ACTION: Record<string, string> = {
  open: '登记',
  claim: '认领',
  reply: '回复',
  transfer: '分办',
  return: '退回',
  resolve: '办结',
  'follow-up': '回访',
  archive: '归档',
  topic: '更改事项',
  'hand-back': '交还智能导办',
  'reveal-contact': '查看联系方式',
  'contact-added': '补充联系方式',
  view: '查看',
};
const SYSTEM_ACTORS = new Set(['system', 'ratings', 'bot', 'assistant']);
const MODE_LABEL: Record<string, string> = {
  bot: '智能导办',
  waiting: '等待工作人员',
  staff: '工作人员接待中',
};

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

function deadlineText(entry: CaseSummary): string {
  const remaining = remainingDays(entry);
  // A concluded case's deadline no longer runs: the date only, no countdown or colour.
  if (remaining === undefined) return `${formatDateTime(entry.deadline)}（${statusLabel(entry.status)}）`;
  return `${formatDateTime(entry.deadline)}（${countdownText(remaining)}）`;
}

function facts(entry: CaseSummary): HTMLElement[] {
  const remaining = remainingDays(entry);
  const urgency = remaining === undefined ? '' : remaining < 0 ? 'overdue' : remaining <= 1 ? 'due-soon' : '';
  return (
    [
      ['状态', statusLabel(entry.status)],
      ['类别', entry.category],
      ['事项', topicText(entry)],
      ['承办部门', entry.department ?? '—'],
      ['登记时间', formatDateTime(entry.createdAt)],
      ['办理时限', deadlineText(entry), urgency],
      ['联系电话', entry.phoneMasked ?? entry.phone ?? '未留'],
      ['问题说明', entry.description ?? '—'],
      ['办结说明', entry.resolution ?? '—'],
      ['回访结果', entry.followUp ?? '—'],
      ['会话编号', entry.conversationRef ?? '—'],
      ...(entry.mode ? [['接待方式', MODE_LABEL[entry.mode] ?? entry.mode]] : []),
      ...(entry.conversationEndedAt
        ? [['会话状态', `群众已于${formatDateTime(entry.conversationEndedAt)}结束对话，回复不会再实时送达。`]]
        : []),
    ] as [string, string, string?][]
  ).map(([label, value, className]) =>
    h('div', { class: className }, h('dt', { text: label }), h('dd', { text: value })),
  );
}

export function caseView(number: string): HTMLElement {
  const container = h('section', { class: 'view', attrs: { 'aria-labelledby': 'case-title' } });
  const notice = h('p', { class: 'notice', attrs: { role: 'status' } });
  const factList = h('dl', { class: 'case-facts' });
  const panel = h('div', { class: 'case-actions', attrs: { role: 'region', 'aria-label': '办理' } });
  const history = h('ol', { class: 'history' });
  const transcript = liveTranscript(number);
  const reply = h('textarea', {
    attrs: { id: 'reply-text', rows: 3, maxlength: 500, placeholder: '回复内容将实时发送给群众' },
  });
  const replyForm = h(
    'form',
    { class: 'stack', attrs: { 'aria-label': '回复群众', 'data-action': 'reply' } },
    h('label', { attrs: { for: 'reply-text' }, text: '回复群众' }),
    reply,
    h('button', { class: 'primary', text: '发送回复', attrs: { type: 'submit' } }),
  );
  const replyClosed = h('p', { class: 'muted', text: '本件已办结，不能再回复群众。' });
  let entry: CaseSummary | undefined;
  let shownPanel = '';
  let built = false;

  const applyCase = (next: CaseSummary): void => {
    entry = next;
    replaceChildren(factList, ...facts(next));
    const key = panelKey(next);
    if (key !== shownPanel) {
      shownPanel = key;
      replaceChildren(panel, ...caseActionsPanel(next, { number, notice, act, apply: applyCase }));
    }
    const canReply = (next.actions ?? []).includes('reply');
    replyForm.hidden = !canReply;
    replyClosed.hidden = canReply;
  };

  const showDetail = (detail: CaseDetail): void => {
    if (!built) build(detail.case);
    applyCase(detail.case);
    transcript.add(detail.transcript);
    replaceChildren(
      history,
      ...detail.history.map((item) =>
        h('li', {
          text: [formatDateTime(item.at), actorLabel(item.actor), actionLabel(item.action), item.note]
            .filter(Boolean)
            .join(' · '),
        }),
      ),
    );
  };

  const load = (): void => {
    api
      .get<unknown>(`/staff/cases/${encodeURIComponent(number)}`)
      .then((value) => showDetail(normalize(value)))
      .catch((reason: unknown) => {
        if (built) notice.textContent = errorText(reason);
        else replaceChildren(container, h('p', { class: 'error', text: errorText(reason) }));
      });
  };

  function act(path: string, body: unknown, done: string): Promise<void> {
    return api
      .post(`/staff/cases/${encodeURIComponent(number)}/${path}`, body)
      .then(() => {
        notice.textContent = done;
        load();
      })
      .catch((reason: unknown) => {
        notice.textContent = errorText(reason);
      });
  }

  const build = (first: CaseSummary): void => {
    built = true;
    setOpenCase(first.number);
    replaceChildren(
      container,
      h('p', {}, h('a', { attrs: { href: '#/cases' }, text: '← 返回工单队列' })),
      h('h1', { attrs: { id: 'case-title' }, text: `工单 ${first.number}` }),
      factList,
      notice,
      h(
        'div',
        { class: 'case-grid' },
        h(
          'div',
          {},
          h('h2', { text: '对话记录' }),
          h('p', { class: 'muted', text: '个人信息已脱敏显示。' }),
          transcript.list,
          transcript.typing,
          replyForm,
          replyClosed,
        ),
        panel,
      ),
      h('h2', { text: '办理记录' }),
      history,
    );
  };

  replyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = reply.value.trim();
    if (!text) return;
    api
      .post(`/staff/cases/${encodeURIComponent(number)}/reply`, {
        text,
      })
      .then(() => {
        reply.value = '';
        notice.textContent = '回复已发送。';
        // The line comes with the refreshed detail (with the staff member's name) or the stream,
        // whichever is first; the other is dropped by its message id.
        load();
      })
      .catch((reason: unknown) => (notice.textContent = errorText(reason)));
  });

  let lastTyping = 0;
  reply.addEventListener('input', () => {
    const now = Date.now();
    if (!reply.value.trim() || now - lastTyping < TYPING_INTERVAL_MS) return;
    lastTyping = now;
    // Best effort: a refused or failed signal changes nothing for the reply itself.
    api.post(`/staff/cases/${encodeURIComponent(number)}/typing`).catch(() => undefined);
  });

  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(load, 150);
  };

  onLiveEventWhile(container, (event) => {
    if (event.type === 'reconnected') return refreshSoon();
    if (!entry || event.caseNumber !== entry.number) return;
    if (event.type === 'citizen_typing') return transcript.citizenTyping();
    if (event.type === 'citizen_message' || event.type === 'staff_message') {
      if (event.message) transcript.add([event.message]);
      if (event.case) applyCase(event.case);
      return;
    }
    // Status actions, topic and hand-back: the history changed too.
    refreshSoon();
  });

  load();
  return container;
}
