/**
 * The one-time notice (一次性告知书) of a pre-check as the citizen received it, for the clerk at the
 * window (帮办): the same sections in the same order as the citizen's notice and its PDF.
 */
import { h, type Child } from '../shared/dom.ts';
import type { PrecheckNoticeView } from './precheck-models.ts';
import { formatDateTime } from './working-days.ts';

const FIELD_LABELS: Record<string, string> = {
  idNumber: '身份证号码',
  idExpiry: '身份证有效期',
  creditCode: '统一社会信用代码',
  phone: '联系电话',
};

function section(title: string, ...content: Child[]): HTMLElement {
  return h('section', { class: 'precheck-section' }, h('h2', { text: title }), ...content);
}

const list = (lines: string[], ordered = false): HTMLElement =>
  h(ordered ? 'ol' : 'ul', {}, ...lines.map((line) => h('li', { text: line })));

export function precheckNoticeCard(notice: PrecheckNoticeView): HTMLElement {
  const complete = [...new Set(notice.matched.map((match) => match.material))];
  const fields = Object.entries(notice.fields).filter((entry): entry is [string, string] =>
    Boolean(entry[1]),
  );
  const { where } = notice;
  return h(
    'article',
    { class: 'card precheck-notice', attrs: { 'aria-labelledby': 'precheck-title' } },
    h('p', { class: 'muted', text: notice.hallName }),
    h('h2', { attrs: { id: 'precheck-title' }, class: 'precheck-title', text: '一次性告知书' }),
    h(
      'dl',
      { class: 'precheck-facts' },
      h('dt', { text: '预审编号' }),
      h('dd', { text: notice.precheckNo }),
      h('dt', { text: '预审时间' }),
      h('dd', { text: formatDateTime(notice.createdAt) }),
      h('dt', { text: '办理事项' }),
      h('dd', { text: `${notice.item.name}（事项编码 ${notice.item.id}）` }),
    ),
    section(
      notice.missing.length > 0 ? `还需准备（${notice.missing.length}项）` : '还需准备',
      notice.missing.length > 0
        ? list(
            notice.missing.map(
              (material) => `${material.name}${material.note ? `（${material.note}）` : ''}`,
            ),
            true,
          )
        : h('p', { text: '必要材料已齐全。' }),
    ),
    notice.invalid.length > 0 &&
      section(
        '需更正',
        list(notice.invalid.map((field) => `${FIELD_LABELS[field.field] ?? field.field}：${field.reason}`)),
      ),
    notice.exempt.length > 0 &&
      section('免提交', list(notice.exempt.map((material) => `${material.name}（${material.note}）`))),
    notice.deferrable.length > 0 &&
      section(
        '容缺（告知承诺制）',
        list(notice.deferrable.map((material) => material.name)),
        h('p', { class: 'muted', text: '以上材料可先受理，请在承诺期限内补交。' }),
      ),
    complete.length > 0 && section('已齐全', list(complete)),
    notice.unrecognised.length > 0 &&
      section(
        '未能对应的材料',
        h('p', { text: `“${notice.unrecognised.join('”“')}”没有对应到本事项的材料清单。` }),
      ),
    fields.length > 0 &&
      section(
        '群众填写的信息（已隐去部分号码）',
        list(fields.map(([field, value]) => `${FIELD_LABELS[field] ?? field}：${value}`)),
      ),
    section(
      '办理地点和时间',
      list([
        `办理地点：${where.zone} ${where.window}`,
        ...(where.ticketCategory ? [`取号类别：${where.ticketCategory}`] : []),
        `办理时间：${where.hours}`,
        ...(where.address ? [`地址：${where.address}`] : []),
      ]),
    ),
    h('p', {
      class: 'muted',
      text: `本预审记录保留至 ${formatDateTime(notice.expiresAt)}。材料以窗口受理审核为准。`,
    }),
  );
}
