/**
 * The pre-check's result as a card: the one-time notice (一次性告知) — complete or what is still
 * missing, what to correct and why, what need not be brought, what may follow later (容缺), where to
 * go and when — with the pre-check number large and as a QR code. The card is what a print shows
 * (precheck-styles.ts); its buttons are not printed. Every value is set as text.
 */
import { h } from './dom.ts';
import type { Child } from './dom.ts';
import { FIELD_LABELS, type PrecheckResult } from './precheck-model.ts';

export interface FallbackWhere {
  /** "一楼东区社会民生专区，C01窗口", from the answer's item card. */
  place?: string;
  hours?: string;
  address?: string;
}

export interface ResultCardOptions {
  idPrefix: string;
  headingLevel: 2 | 3;
  /** Where to go when the result does not say (from the item card the pre-check began at). */
  fallbackWhere?: FallbackWhere;
  /** Draws the QR code of the pre-check; its text is what a phone or the window's scanner reads. */
  qrCode?: (result: PrecheckResult & { precheckNo: string }) => Element;
  numberNote?: string;
}

type Heading = 'h2' | 'h3' | 'h4';

function block(tag: Heading, title: string, className: string, ...children: Child[]): HTMLElement {
  return h('section', { class: `precheck-block ${className}` }, h(tag, { text: title }), ...children);
}

function whereFacts(result: PrecheckResult, fallback: FallbackWhere | undefined): HTMLElement | null {
  const where = result.where;
  const window = where?.window && !/窗口/.test(where.window) ? `${where.window}窗口` : where?.window;
  const place = [where?.zone, window].filter(Boolean).join('，');
  const rows: Array<[string, string | undefined]> = [
    ['办理地点', place || fallback?.place],
    ['取号类别', where?.ticketCategory],
    ['办公时间', where?.hours ?? fallback?.hours],
    ['地址', where?.address ?? fallback?.address],
  ];
  const shown = rows.filter((row): row is [string, string] => Boolean(row[1]));
  if (shown.length === 0) return null;
  return h(
    'dl',
    { class: 'precheck-where' },
    ...shown.map(([label, value]) => h('div', {}, h('dt', { text: label }), h('dd', { text: value }))),
  );
}

function verdict(result: PrecheckResult): HTMLElement {
  const parts: string[] = [];
  if (result.missing.length > 0) parts.push(`还需准备 ${result.missing.length} 项材料`);
  if (result.invalid.length > 0) parts.push(`有 ${result.invalid.length} 项信息需要更正`);
  const complete = parts.length === 0;
  return h('p', {
    class: complete ? 'precheck-verdict complete' : 'precheck-verdict incomplete',
    text: complete ? '必要材料已齐全，可以到窗口办理。' : `${parts.join('，')}。`,
  });
}

export function renderResultCard(result: PrecheckResult, options: ResultCardOptions): HTMLElement {
  const title: Heading = options.headingLevel === 2 ? 'h2' : 'h3';
  const sub: Heading = options.headingLevel === 2 ? 'h3' : 'h4';
  const id = `${options.idPrefix}-result-title`;
  const number = result.precheckNo;
  return h(
    'section',
    { class: 'precheck-result', attrs: { 'aria-labelledby': id } },
    h(title, { class: 'precheck-heading', text: '预审结果（一次性告知）', attrs: { id, tabindex: -1 } }),
    h('p', { class: 'precheck-item', text: `办理事项：${result.item.name}` }),
    verdict(result),
    result.missing.length > 0
      ? block(
          sub,
          `还需准备（${result.missing.length} 项）`,
          'precheck-missing',
          h(
            'ol',
            {},
            ...result.missing.map((entry) =>
              h(
                'li',
                {},
                h('span', { class: 'precheck-name', text: entry.name }),
                entry.note ? h('span', { class: 'precheck-note', text: entry.note }) : null,
              ),
            ),
          ),
        )
      : null,
    result.invalid.length > 0
      ? block(
          sub,
          `需更正（${result.invalid.length} 项）`,
          'precheck-invalid',
          h(
            'ul',
            {},
            ...result.invalid.map((entry) =>
              h(
                'li',
                {},
                h('span', { class: 'precheck-name', text: `${FIELD_LABELS[entry.field] ?? entry.field}：` }),
                h('span', { class: 'precheck-reason', text: entry.reason }),
              ),
            ),
          ),
        )
      : null,
    result.deferrable.length > 0
      ? block(
          sub,
          '容缺（可先办理，后补交）',
          'precheck-deferrable',
          h('p', { class: 'precheck-note', text: '签署告知承诺书后可先受理，请按承诺时间补交。' }),
          h('ul', {}, ...result.deferrable.map((entry) => h('li', { text: entry.name }))),
        )
      : null,
    result.exempt.length > 0
      ? block(
          sub,
          '免提交',
          'precheck-exempt',
          h(
            'ul',
            {},
            ...result.exempt.map((entry) =>
              h(
                'li',
                {},
                h('span', { class: 'precheck-name', text: entry.name }),
                entry.note ? h('span', { class: 'precheck-note', text: entry.note }) : null,
              ),
            ),
          ),
        )
      : null,
    result.unrecognised.length > 0
      ? block(
          sub,
          '未能识别的材料',
          'precheck-unrecognised',
          h('p', { class: 'precheck-note', text: '以下材料未能对应到本事项，请到窗口咨询：' }),
          h('ul', {}, ...result.unrecognised.map((name) => h('li', { text: name }))),
        )
      : null,
    (() => {
      const facts = whereFacts(result, options.fallbackWhere);
      return facts ? block(sub, '到哪里办', 'precheck-place', facts) : null;
    })(),
    number
      ? block(
          sub,
          '预审编号',
          'precheck-number-block',
          h('p', { class: 'precheck-number', text: number }),
          options.qrCode ? options.qrCode({ ...result, precheckNo: number }) : null,
          h('p', {
            class: 'precheck-note',
            text:
              options.numberNote ??
              '请记下预审编号或截图保存。到窗口出示预审编号或二维码，工作人员即可查看本次预审结果。',
          }),
        )
      : null,
    result.notice
      ? h(
          'details',
          { class: 'precheck-notice' },
          h('summary', { text: '查看告知书全文' }),
          h('p', { class: 'precheck-notice-text', text: result.notice }),
        )
      : null,
    h('p', {
      class: 'precheck-disclaimer',
      text: '本结果根据您的勾选和填写生成，仅供准备材料参考，以窗口审核为准。',
    }),
  );
}
