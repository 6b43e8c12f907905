/**
 * The pre-check (自助预审) in three steps, the same in the widget and on the hall screen: (1) the
 * item's situation questions as simple choice buttons (skipped when it has none), (2) the materials
 * that apply as a checklist to tick, with optional photos of documents (widget only: a hall screen
 * has no camera) and the numbers to check, (3) the result card (precheck-result.ts) to print,
 * download or keep by its number and QR code.
 *
 * Each step's heading takes the focus, so a screen reader starts reading there; waiting and errors
 * are announced in live regions. Going back keeps what was answered, ticked and typed.
 */
import { h, replaceChildren } from './dom.ts';
import type { Child } from './dom.ts';
import {
  PrecheckApiError,
  UPLOAD_UNAVAILABLE,
  fetchPrecheckQuestions,
  reopenPrecheck,
  submitPrecheck,
  uploadDocument,
  withdrawUpload,
} from './precheck-api.ts';
import {
  FIELD_LABELS,
  applicableMaterials,
  situationOf,
  type Answers,
  type ChecklistEntry,
  type PrecheckFields,
  type PrecheckQuestions,
  type PrecheckResult,
  type UploadReading,
} from './precheck-model.ts';
import { renderResultCard, type FallbackWhere } from './precheck-result.ts';

export interface PrecheckFlowOptions {
  server: string;
  itemId: string;
  itemName: string;
  idPrefix: string;
  /** The level of each step's heading: 3 inside a chat answer, 2 on the hall screen. */
  headingLevel: 2 | 3;
  /** Photos of documents (the widget); the hall screen has only the checklist. */
  uploads: boolean;
  /** The numbers to check (身份证号码, 手机号码); not asked on a public screen. */
  fields: boolean;
  /** 下载 PDF: on the citizen's own device, not on a hall screen. */
  download: boolean;
  fallbackWhere?: FallbackWhere;
  qrCode?: (result: PrecheckResult & { precheckNo: string }) => Element;
  /** What to do with the number and its QR code (under them on the result). */
  numberNote?: string;
  /** Called with the result card when it is shown, and with undefined when it goes. */
  onResult?: (card: HTMLElement | undefined) => void;
  onClose: () => void;
  /** The label of the button that leaves the pre-check. */
  closeLabel?: string;
  /** Show a pre-check made earlier (the QR code's address) instead of starting one. */
  reopen?: { number: string; key: string };
}

export interface PrecheckFlow {
  element: HTMLElement;
  /** The result on screen, if any. */
  result(): PrecheckResult | undefined;
}

const ID_NUMBER = /^[0-9Xx]*$/;
const MAX_UPLOADS = 6;

export function createPrecheckFlow(options: PrecheckFlowOptions): PrecheckFlow {
  const id = options.idPrefix;
  const heading = options.headingLevel === 2 ? 'h2' : 'h3';
  const subheading = options.headingLevel === 2 ? 'h3' : 'h4';
  const answers: Answers = new Map();
  const ticked = new Set<string>();
  const uploads: UploadReading[] = [];
  const fields: PrecheckFields = {};
  let data: PrecheckQuestions | undefined;
  let shownResult: PrecheckResult | undefined;
  let busy = false;

  const status = h('p', { class: 'precheck-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const alert = h('p', { class: 'precheck-error', attrs: { role: 'alert' } });
  const body = h('div', { class: 'precheck-body' });
  const element = h(
    'section',
    {
      class: 'precheck',
      attrs: {
        'aria-label': options.itemName ? `材料预审：${options.itemName}` : '材料预审',
        'data-item': options.itemId || undefined,
      },
    },
    h('p', {
      class: 'precheck-kicker',
      text: options.itemName ? `自助预审 · ${options.itemName}` : '自助预审',
    }),
    body,
    alert,
    status,
  );

  const say = (text: string): void => {
    status.textContent = text;
  };
  const fail = (text: string): void => {
    alert.textContent = text;
  };

  function button(text: string, onClick: () => void, className = 'precheck-secondary'): HTMLButtonElement {
    return h('button', { class: className, text, attrs: { type: 'button' }, on: { click: onClick } });
  }

  function closeButton(): HTMLButtonElement {
    return button(options.closeLabel ?? '退出预审', () => {
      options.onResult?.(undefined);
      options.onClose();
    });
  }

  function show(step: number | undefined, title: string, ...children: Child[]): void {
    alert.textContent = '';
    const headingId = `${id}-step-title`;
    const total = data && data.questions.length === 0 ? 2 : 3;
    const shownStep = step === undefined ? undefined : data && data.questions.length === 0 ? step - 1 : step;
    replaceChildren(
      body,
      shownStep !== undefined
        ? h('p', { class: 'precheck-progress', text: `第${shownStep}步，共${total}步` })
        : null,
      h(heading, { class: 'precheck-heading', text: title, attrs: { id: headingId, tabindex: -1 } }),
      ...children,
    );
    body.querySelector<HTMLElement>('.precheck-heading')?.focus({ preventScroll: false });
  }

  async function reopen(number: string, key: string): Promise<void> {
    show(undefined, '正在查找预审结果…');
    try {
      resultStep(await reopenPrecheck(options.server, number, key));
    } catch (error) {
      show(undefined, '未能打开预审结果', h('div', { class: 'precheck-actions' }, closeButton()));
      fail(error instanceof PrecheckApiError ? error.message : '暂时无法查看，请稍后再试。');
    }
  }

  async function start(): Promise<void> {
    if (options.reopen) {
      await reopen(options.reopen.number, options.reopen.key);
      return;
    }
    show(undefined, '正在准备预审问题…');
    say('正在准备预审问题，请稍候。');
    try {
      data = await fetchPrecheckQuestions(options.server, options.itemId);
    } catch (error) {
      show(undefined, '暂时无法预审', h('div', { class: 'precheck-actions' }, closeButton()));
      fail(error instanceof PrecheckApiError ? error.message : '暂时无法预审，请稍后再试。');
      return;
    }
    say('');
    if (data.questions.length > 0) questionsStep();
    else materialsStep();
  }

  /** Step 1: one choice per question; a question left open keeps its materials "如属于…" on the list. */
  function questionsStep(): void {
    const known = data;
    if (!known) return;
    const groups = known.questions.map((question, index) => {
      const legendId = `${id}-q${index}`;
      const buttons = question.options.map((option) => {
        const choice = h('button', {
          class: 'precheck-choice',
          text: option,
          attrs: {
            type: 'button',
            'aria-pressed': String(answers.get(question.key) === option),
            'data-option': option,
          },
        });
        choice.addEventListener('click', () => {
          const again = answers.get(question.key) === option;
          if (again) answers.delete(question.key);
          else answers.set(question.key, option);
          for (const other of buttons) {
            other.setAttribute('aria-pressed', String(!again && other === choice));
          }
        });
        return choice;
      });
      return h(
        'fieldset',
        { class: 'precheck-question', attrs: { 'data-key': question.key } },
        h('legend', { attrs: { id: legendId }, text: `${index + 1}. ${question.text}` }),
        h('div', { class: 'precheck-choices' }, ...buttons),
      );
    });
    show(
      1,
      '第一步：请回答几个问题',
      h('p', {
        class: 'precheck-hint',
        text: '根据您的情况，需要的材料会有所不同。不清楚的可以先不选，结果中会一并告诉您。',
      }),
      ...groups,
      h(
        'div',
        { class: 'precheck-actions' },
        closeButton(),
        button('下一步', materialsStep, 'precheck-primary'),
      ),
    );
  }

  function materialRow(entry: ChecklistEntry, index: number): HTMLElement {
    const material = entry.material;
    const boxId = `${id}-m${index}`;
    const box = h('input', {
      attrs: { type: 'checkbox', id: boxId, checked: ticked.has(material.name) },
      on: {
        change: () => {
          if (box.checked) ticked.add(material.name);
          else ticked.delete(material.name);
        },
      },
    });
    const notes: Child[] = [];
    if (material.required === '容缺') {
      notes.push(h('span', { class: 'precheck-tag', text: '可容缺' }));
    }
    if (material.when) notes.push(h('span', { class: 'precheck-note', text: `适用情形：${material.when}` }));
    if (material.exempt) notes.push(h('span', { class: 'precheck-note', text: material.exempt }));
    // The whole row is the label, so a tap anywhere on it ticks the box.
    return h(
      'li',
      { class: 'precheck-material' },
      h(
        'label',
        { attrs: { for: boxId } },
        box,
        h(
          'span',
          { class: 'precheck-material-text' },
          h('span', { class: 'precheck-name', text: material.name }),
          ...notes,
        ),
      ),
    );
  }

  function uploadsBlock(): HTMLElement {
    const list = h('ul', { class: 'precheck-uploads', attrs: { 'aria-label': '已上传的证件照片' } });
    const renderList = (): void => {
      replaceChildren(
        list,
        ...uploads.map((reading) =>
          h(
            'li',
            { class: reading.documentType ? 'precheck-upload read' : 'precheck-upload unread' },
            h('span', { class: 'precheck-name', text: reading.fileName }),
            h('span', {
              class: 'precheck-reading',
              text: reading.documentType
                ? `已识别：${reading.documentType}`
                : (reading.problem ?? '未能识别证件类型，请勾选材料即可。'),
            }),
            ...Object.entries(reading.fields).map(([field, masked]) =>
              h('span', { class: 'precheck-note', text: `读取到${FIELD_LABELS[field] ?? field}：${masked}` }),
            ),
            h('button', {
              class: 'precheck-remove',
              text: '删除',
              attrs: { type: 'button', 'aria-label': `删除 ${reading.fileName}` },
              on: {
                click: () => {
                  uploads.splice(uploads.indexOf(reading), 1);
                  withdrawUpload(options.server, reading.id);
                  renderList();
                  say(`已删除 ${reading.fileName}。`);
                  choose.focus();
                },
              },
            }),
          ),
        ),
      );
    };
    const picked = async (input: HTMLInputElement): Promise<void> => {
      const file = input.files?.[0];
      input.value = '';
      if (!file) return;
      if (uploads.length >= MAX_UPLOADS) {
        fail(`最多上传 ${MAX_UPLOADS} 份，请先删除不需要的。`);
        return;
      }
      alert.textContent = '';
      say('正在上传并识别，请稍候…');
      try {
        const reading = await uploadDocument(options.server, file);
        uploads.push(reading);
        renderList();
        say(
          reading.documentType
            ? `已识别为${reading.documentType}。`
            : (reading.problem ?? '未能识别证件类型，请勾选材料即可。'),
        );
      } catch (error) {
        say('');
        fail(error instanceof PrecheckApiError ? error.message : UPLOAD_UNAVAILABLE);
      }
    };
    const fileInput = (inputId: string, capture: boolean): HTMLInputElement =>
      h('input', {
        class: 'precheck-file',
        attrs: {
          type: 'file',
          id: inputId,
          accept: 'image/*,application/pdf',
          capture: capture ? 'environment' : undefined,
        },
        on: { change: (event) => void picked(event.target as HTMLInputElement) },
      });
    const camera = fileInput(`${id}-camera`, true);
    const choose = fileInput(`${id}-file`, false);
    // Phones get a camera button of their own; the plain picker offers photos and PDF files.
    const phone = matchMedia('(pointer:coarse)').matches;
    renderList();
    return h(
      'section',
      { class: 'precheck-block precheck-upload-block' },
      h(subheading, { text: '上传证件照片（可选）' }),
      h('p', {
        class: 'precheck-hint',
        attrs: { id: `${id}-upload-hint` },
        text: '可以拍照或选择图片、PDF 文件，帮您识别是哪种证件、核对号码。照片只用于本次预审。',
      }),
      h(
        'div',
        { class: 'precheck-upload-buttons' },
        phone
          ? h('label', { class: 'precheck-file-label', attrs: { for: camera.id } }, '拍照上传', camera)
          : null,
        h('label', { class: 'precheck-file-label', attrs: { for: choose.id } }, '选择图片或文件', choose),
      ),
      list,
    );
  }

  function fieldsBlock(): HTMLElement {
    const idInput = h('input', {
      attrs: {
        id: `${id}-id-number`,
        // 18 digits, the last may be X: a digits-only keypad would leave no way to type it.
        inputmode: 'text',
        autocomplete: 'off',
        autocapitalize: 'characters',
        spellcheck: 'false',
        maxlength: 18,
        value: fields.idNumber,
        'aria-describedby': `${id}-id-hint`,
      },
      on: {
        input: (event) => {
          const input = event.target as HTMLInputElement;
          if (!ID_NUMBER.test(input.value)) input.value = input.value.replace(/[^0-9Xx]/g, '');
          fields.idNumber = input.value.trim().toUpperCase();
        },
      },
    });
    const phoneInput = h('input', {
      attrs: {
        id: `${id}-phone`,
        type: 'tel',
        inputmode: 'numeric',
        autocomplete: 'tel',
        maxlength: 11,
        value: fields.phone,
      },
      on: {
        input: (event) => {
          const input = event.target as HTMLInputElement;
          input.value = input.value.replace(/\D/g, '').slice(0, 11);
          fields.phone = input.value;
        },
      },
    });
    return h(
      'section',
      { class: 'precheck-block precheck-fields' },
      h(subheading, { text: '核对号码（可选）' }),
      h('p', {
        class: 'precheck-hint',
        text: '填写后帮您检查号码是否有误；告知书上只显示部分号码。',
      }),
      h(
        'div',
        { class: 'precheck-field' },
        h('label', { attrs: { for: idInput.id }, text: '身份证号码' }),
        idInput,
        h('span', { class: 'precheck-note', attrs: { id: `${id}-id-hint` }, text: '18位，最后一位可能是X' }),
      ),
      h(
        'div',
        { class: 'precheck-field' },
        h('label', { attrs: { for: phoneInput.id }, text: '手机号码' }),
        phoneInput,
      ),
    );
  }

  /** Step 2: the materials that apply, to tick; the spared ones listed apart with the reason. */
  function materialsStep(): void {
    const known = data;
    if (!known) return;
    const entries = applicableMaterials(known, answers);
    const needed = entries.filter((entry) => !entry.notNeeded);
    const spared = entries.filter((entry) => entry.notNeeded);
    // A material that no longer applies is not sent as provided.
    for (const name of [...ticked]) {
      if (!needed.some((entry) => entry.material.name === name)) ticked.delete(name);
    }
    const hasQuestions = known.questions.length > 0;
    show(
      2,
      hasQuestions ? '第二步：勾选您已备好的材料' : '第一步：勾选您已备好的材料',
      needed.length > 0
        ? h(
            'ul',
            { class: 'precheck-checklist', attrs: { 'aria-label': '需要准备的材料' } },
            ...needed.map((entry, index) => materialRow(entry, index)),
          )
        : h('p', { class: 'precheck-hint', text: '按您的情况，本事项不需要准备材料。' }),
      spared.length > 0
        ? h(
            'section',
            { class: 'precheck-block precheck-spared' },
            h(subheading, { text: '以下材料不用提交' }),
            h(
              'ul',
              {},
              ...spared.map((entry) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'precheck-name', text: entry.material.name }),
                  h('span', { class: 'precheck-note', text: `免提交：${entry.notNeeded ?? ''}` }),
                ),
              ),
            ),
          )
        : null,
      options.uploads ? uploadsBlock() : null,
      options.fields ? fieldsBlock() : null,
      h(
        'div',
        { class: 'precheck-actions' },
        hasQuestions ? button('上一步', questionsStep) : closeButton(),
        button('查看预审结果', () => void submit(), 'precheck-primary'),
      ),
    );
  }

  async function submit(): Promise<void> {
    const known = data;
    if (!known || busy) return;
    busy = true;
    alert.textContent = '';
    say('正在预审，请稍候…');
    try {
      const result = await submitPrecheck(options.server, {
        itemId: known.item.id,
        situation: situationOf(known, answers),
        provided: [...ticked],
        fields: options.fields ? fields : {},
        uploads: uploads.map((reading) => reading.id),
      });
      say('');
      resultStep(result);
    } catch (error) {
      say('');
      fail(error instanceof PrecheckApiError ? error.message : '暂时无法预审，请稍后再试。');
    } finally {
      busy = false;
    }
  }

  /** Step 3: the one-time notice, with print, PDF and the way back to change the materials. */
  function resultStep(result: PrecheckResult): void {
    shownResult = result;
    const card = renderResultCard(result, {
      idPrefix: id,
      headingLevel: options.headingLevel,
      fallbackWhere: options.fallbackWhere,
      qrCode: options.qrCode,
      numberNote: options.numberNote,
    });
    const pdf = pdfAddress(options.server, result.noticeUrl);
    alert.textContent = '';
    replaceChildren(
      body,
      card,
      h(
        'div',
        { class: 'precheck-actions precheck-result-actions' },
        // A result opened again by its number has no checklist here to go back to.
        data
          ? button('修改材料', () => {
              shownResult = undefined;
              options.onResult?.(undefined);
              materialsStep();
            })
          : null,
        button('打印', () => window.print(), 'precheck-primary'),
        pdf && options.download
          ? h('a', {
              class: 'precheck-secondary precheck-pdf',
              text: '下载 PDF',
              attrs: { href: pdf, download: `预审告知书-${result.precheckNo ?? result.item.id}.pdf` },
            })
          : null,
        closeButton(),
      ),
    );
    options.onResult?.(card);
    card.querySelector<HTMLElement>('.precheck-heading')?.focus();
    say(
      result.missing.length === 0 && result.invalid.length === 0
        ? '预审完成：必要材料已齐全。'
        : `预审完成：还需准备${result.missing.length}项材料，${result.invalid.length}项信息需要更正。`,
    );
  }

  void start();
  return { element, result: () => shownResult };
}

/** The notice's PDF address on the pre-check's server, only as plain http(s). */
function pdfAddress(server: string, noticeUrl: string | undefined): string | undefined {
  if (!noticeUrl) return undefined;
  try {
    const url = new URL(noticeUrl, new URL(server || '/', location.href));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
