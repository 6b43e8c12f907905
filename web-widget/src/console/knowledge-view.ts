/**
 * The knowledge base (知识库): every entry staff published, searchable, with its example questions,
 * answer, status and how often the assistant answered with it. An entry is edited (example questions
 * added or removed, the answer reworded: the assistant uses the new wording at once) or retired (停用:
 * no longer answered). A case reply's 转为知识 opens the form here, prefilled.
 */
import { h, replaceChildren } from '../shared/dom.ts';
import { errorText } from './login-view.ts';
import { api, listOf } from './staff-api.ts';

export interface KnowledgeEntryView {
  id: string;
  question: string;
  questions: string[];
  answer: string;
  itemId?: string;
  status: 'active' | 'retired';
  hits: number;
  lastHitAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
  sourceCase?: string;
}

/** What a new entry starts from (a case reply, a gap). */
export interface KnowledgeDraft {
  questions: string[];
  answer: string;
  itemId?: string;
  fromCase?: string;
  fromGap?: string;
}

/** Limits the server enforces, kept in the form so staff see them before sending. */
const MAX_QUESTIONS = 20;
const MAX_QUESTION_LENGTH = 200;
const MAX_ANSWER_LENGTH = 2000;

let pendingDraft: KnowledgeDraft | undefined;

/** Opens the knowledge page with a new entry's form filled in (from a case reply). */
export function openKnowledgeDraft(draft: KnowledgeDraft): void {
  pendingDraft = draft;
  if (location.hash === '#/knowledge') window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = '#/knowledge';
}

let formCount = 0;

/**
 * The form of one entry: example questions (each removable, more can be added), the answer and the
 * item code. `onSaved` gets the stored entry.
 */
export function knowledgeForm(options: {
  entry?: KnowledgeEntryView;
  draft?: KnowledgeDraft;
  onSaved: (entry: KnowledgeEntryView) => void;
  onCancel?: () => void;
}): HTMLFormElement {
  const id = `knowledge-form-${(formCount += 1)}`;
  const initial = options.entry ?? options.draft;
  const questionList = h('ul', { class: 'example-questions' });
  let questionCount = 0;
  const addQuestion = (value = ''): void => {
    if (questionList.children.length >= MAX_QUESTIONS) return;
    const inputId = `${id}-question-${(questionCount += 1)}`;
    const input = h('input', {
      attrs: { id: inputId, value, maxlength: MAX_QUESTION_LENGTH, placeholder: '群众可能的问法' },
    });
    const item = h(
      'li',
      {},
      h('label', { class: 'visually-hidden', attrs: { for: inputId }, text: '例句' }),
      input,
      h('button', {
        text: '删除',
        attrs: { type: 'button', 'aria-label': `删除例句“${value || '新例句'}”` },
        on: { click: () => item.remove() },
      }),
    );
    questionList.append(item);
  };
  for (const question of initial?.questions ?? []) addQuestion(question);
  if (!questionList.children.length) addQuestion();
  const answer = h('textarea', {
    attrs: {
      id: `${id}-answer`,
      rows: 4,
      maxlength: MAX_ANSWER_LENGTH,
      placeholder: '请填写规范、准确的答复',
    },
  });
  answer.value = initial?.answer ?? '';
  const itemId = h('input', { attrs: { id: `${id}-item`, value: initial?.itemId ?? '', maxlength: 100 } });
  const result = h('p', { class: 'notice', attrs: { role: 'status' } });
  const form = h(
    'form',
    { class: 'card knowledge-form', attrs: { 'aria-label': options.entry ? '编辑知识' : '新建知识' } },
    h('h2', { text: options.entry ? '编辑知识' : '新建知识' }),
    options.draft?.fromCase
      ? h('p', { class: 'muted', text: `来自工单 ${options.draft.fromCase} 的工作人员答复` })
      : null,
    h('fieldset', {}, h('legend', { text: '例句（群众会怎么问，可填多个）' }), questionList),
    h('button', { text: '添加例句', attrs: { type: 'button' }, on: { click: () => addQuestion() } }),
    h('label', { attrs: { for: `${id}-answer` }, text: '答案' }),
    answer,
    h('label', { attrs: { for: `${id}-item` }, text: '相关事项编码（可不填）' }),
    itemId,
    h(
      'div',
      { class: 'actions' },
      h('button', {
        class: 'primary',
        text: options.entry ? '保存修改' : '发布到知识库',
        attrs: { type: 'submit' },
      }),
      options.onCancel
        ? h('button', { text: '取消', attrs: { type: 'button' }, on: { click: options.onCancel } })
        : null,
    ),
    result,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const questions = [...questionList.querySelectorAll('input')]
      .map((input) => input.value.trim())
      .filter(Boolean);
    if (!questions.length) {
      result.textContent = '请至少填写一个例句。';
      return;
    }
    if (!answer.value.trim()) {
      result.textContent = '请先填写答案。';
      return;
    }
    const body = { questions, answer: answer.value.trim(), itemId: itemId.value.trim() || undefined };
    const saved = options.entry
      ? api.put<{ entry: KnowledgeEntryView }>(`/staff/knowledge/${encodeURIComponent(options.entry.id)}`, {
          ...body,
          itemId: body.itemId ?? null,
        })
      : api.post<{ entry: KnowledgeEntryView }>('/staff/knowledge', {
          ...body,
          fromCase: options.draft?.fromCase,
          fromGap: options.draft?.fromGap,
        });
    saved
      .then(({ entry }) => {
        result.textContent = options.entry ? '已保存，导办助手即刻按新内容回答。' : '已发布到知识库。';
        options.onSaved(entry);
      })
      .catch((reason: unknown) => (result.textContent = errorText(reason)));
  });
  return form;
}

export function knowledgeView(): HTMLElement {
  const status = h('p', { class: 'muted', attrs: { 'aria-live': 'polite' } });
  const list = h('div', { class: 'knowledge-list' });
  const editor = h('div', { class: 'knowledge-editor' });
  const search = h('input', { attrs: { id: 'knowledge-search', type: 'search', maxlength: 100 } });
  const filter = h(
    'select',
    { attrs: { id: 'knowledge-status' } },
    h('option', { text: '使用中', attrs: { value: 'active' } }),
    h('option', { text: '已停用', attrs: { value: 'retired' } }),
    h('option', { text: '全部', attrs: { value: '' } }),
  );

  const load = (): void => {
    const query = new URLSearchParams();
    if (search.value.trim()) query.set('q', search.value.trim());
    if (filter.value) query.set('status', filter.value);
    api
      .get<unknown>(`/staff/knowledge?${query.toString()}`)
      .then((value) => {
        const entries = listOf<KnowledgeEntryView>(value, 'entries');
        status.textContent = entries.length ? `共${entries.length}条知识` : '没有符合条件的知识。';
        replaceChildren(list, ...entries.map(entryCard));
      })
      .catch((reason: unknown) => (status.textContent = errorText(reason)));
  };

  const openForm = (options: { entry?: KnowledgeEntryView; draft?: KnowledgeDraft }): void => {
    const form = knowledgeForm({
      ...options,
      onSaved: () => {
        replaceChildren(editor);
        load();
      },
      onCancel: () => replaceChildren(editor),
    });
    replaceChildren(editor, form);
    form.querySelector<HTMLInputElement>('input')?.focus();
  };

  const entryCard = (entry: KnowledgeEntryView): HTMLElement => {
    const notice = h('p', { class: 'notice', attrs: { role: 'status' } });
    const retire = (): void => {
      api
        .post(`/staff/knowledge/${encodeURIComponent(entry.id)}/retire`)
        .then(load)
        .catch((reason: unknown) => (notice.textContent = errorText(reason)));
    };
    return h(
      'article',
      { class: `card knowledge-entry${entry.status === 'retired' ? ' retired' : ''}` },
      h('h2', { text: entry.question }),
      h(
        'p',
        { class: 'muted' },
        `${entry.status === 'retired' ? '已停用' : '使用中'} · 命中 ${entry.hits} 次`,
        entry.sourceCase ? ` · 来自工单 ${entry.sourceCase}` : '',
        entry.updatedBy
          ? ` · 最近由 ${entry.updatedBy} 修改`
          : entry.createdBy
            ? ` · ${entry.createdBy} 发布`
            : '',
      ),
      h('h3', { text: '例句' }),
      h('ul', {}, ...entry.questions.map((question) => h('li', { text: question }))),
      h('h3', { text: '答案' }),
      h('p', { class: 'knowledge-answer', text: entry.answer }),
      h(
        'div',
        { class: 'actions' },
        h('button', {
          text: '编辑',
          attrs: { type: 'button', 'aria-label': `编辑“${entry.question}”` },
          on: { click: () => openForm({ entry }) },
        }),
        entry.status === 'active'
          ? h('button', {
              text: '停用',
              attrs: { type: 'button', 'aria-label': `停用“${entry.question}”` },
              on: { click: retire },
            })
          : null,
      ),
      notice,
    );
  };

  const searchForm = h(
    'form',
    { class: 'filters', attrs: { role: 'search', 'aria-label': '搜索知识' } },
    h('label', { attrs: { for: 'knowledge-search' }, text: '搜索' }),
    search,
    h('label', { attrs: { for: 'knowledge-status' }, text: '状态' }),
    filter,
    h('button', { text: '搜索', attrs: { type: 'submit' } }),
  );
  searchForm.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  filter.addEventListener('change', load);

  const draft = pendingDraft;
  pendingDraft = undefined;
  if (draft) openForm({ draft });
  load();
  return h(
    'section',
    { class: 'view' },
    h('h1', { text: '知识库' }),
    h('p', {
      class: 'muted',
      text: '工作人员的答复发布为知识后，导办助手会用它回答同类问题；每条知识可填多个例句。',
    }),
    h('button', {
      class: 'primary',
      text: '新建知识',
      attrs: { type: 'button' },
      on: { click: () => openForm({}) },
    }),
    editor,
    searchForm,
    status,
    list,
  );
}
