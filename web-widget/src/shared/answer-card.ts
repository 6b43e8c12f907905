/**
 * Renders an answer's item card the same way in the widget and on the hall screen: the materials as a
 * checklist the citizen can tick (一次性告知), time limits, fee, where to go, the online path, and the
 * conditions and process as lists to open. The answer text above gives the key facts and counts; the
 * full lists are here. Every value is set as text; the only link allowed is a plain http(s) online
 * address.
 */
import { materialExemption } from '../../../bot/compose/materials-list.ts';
import type { Answer, ItemCard } from '../../../bot/types.ts';
import { h } from './dom.ts';
import type { Child } from './dom.ts';
import { safeHttpUrl } from './safe-url.ts';

export interface CardOptions {
  /** 适老化: fewer details, so that the essentials stand out. */
  simple?: boolean;
  /** Prefix for element ids (checkbox labels) so that several cards can coexist. */
  idPrefix: string;
}

type Material = ItemCard['materials'][number];

function materialTags(material: Material): Child[] {
  const tags: Child[] = [];
  if (material.required === '容缺') tags.push(h('span', { class: 'db-tag db-tag-lenient', text: '可容缺' }));
  if (material.required === '情形') tags.push(h('span', { class: 'db-tag db-tag-case', text: '视情形' }));
  const exemption = materialExemption(material);
  if (exemption) {
    // An exemption is usually a condition ("通过人脸识别核验身份的"), so it is said with its reason and
    // the material stays on the list to tick, never struck through.
    tags.push(h('span', { class: 'db-tag db-tag-exempt', text: exemption.label }));
    if (exemption.reason) {
      tags.push(h('span', { class: 'db-exempt-reason', text: `（${exemption.reason}）` }));
    }
  }
  return tags;
}

function materialDetail(material: Material): string {
  const parts: string[] = [];
  if (material.form) parts.push(material.form);
  if (material.copies > 0) parts.push(`${material.copies}份`);
  return parts.join(' · ');
}

function checklist(card: ItemCard, options: CardOptions): HTMLElement {
  const list = h('ul', { class: 'db-checklist', attrs: { 'aria-label': `${card.name}所需材料` } });
  card.materials.forEach((material, index) => {
    const id = `${options.idPrefix}-m${index}`;
    const notes: Child[] = [];
    if (material.when) notes.push(h('span', { class: 'db-note', text: `适用情形：${material.when}` }));
    if (material.required === '容缺') {
      notes.push(h('span', { class: 'db-note', text: '暂时缺少可先受理，按承诺时间补交即可' }));
    }
    // Shown in the simple view too: the answer text names the material but leaves its note to the card.
    if (material.note) notes.push(h('span', { class: 'db-note', text: material.note }));
    list.append(
      h(
        'li',
        { class: material.exempt ? 'db-material db-exempt' : 'db-material' },
        h('input', { attrs: { type: 'checkbox', id } }),
        h(
          'label',
          { attrs: { for: id } },
          h('span', { class: 'db-material-name', text: material.name }),
          ...materialTags(material),
          h('span', { class: 'db-material-detail', text: materialDetail(material) }),
          ...notes,
        ),
      ),
    );
  });
  return list;
}

/** A list of the record (conditions, process) the citizen opens when needed; the text gives its count. */
function recordList(title: string, entries: string[], className: string): HTMLElement | null {
  if (entries.length === 0) return null;
  return h(
    'details',
    { class: `db-card-block db-record-list ${className}` },
    h('summary', { text: title }),
    h('ol', {}, ...entries.map((entry) => h('li', { text: entry }))),
  );
}

function fact(label: string, value: Child, className = ''): HTMLElement {
  return h('div', { class: `db-fact ${className}`.trim() }, h('dt', { text: label }), h('dd', {}, value));
}

// A null limit is one the catalog does not set: said as such, never as a number.
function timeLimit(card: ItemCard): string {
  if (card.kind === '即办件' || card.promisedDays === 0) return '即办件，材料齐全当场办结';
  const legal =
    card.legalDays === null ? '无法定时限，' : card.legalDays > 0 ? `法定${card.legalDays}个工作日，` : '';
  const promised = card.promisedDays === null ? '未设承诺时限' : `承诺${card.promisedDays}个工作日办结`;
  return `${legal}${promised}`;
}

export function whereToGo(card: ItemCard): string {
  // `area` already names the floor ("一楼东区"); the floor number is the fallback.
  const place = card.area ?? (card.floor !== undefined ? `${card.floor}楼` : '');
  return `${place}${card.zone}专区，${card.window}窗口`;
}

function onlinePath(card: ItemCard): Child {
  const url = safeHttpUrl(card.onlineUrl);
  const text =
    card.online === '全程网办'
      ? '可全程网上办理，不用跑大厅'
      : card.online === '网上预审'
        ? '可先网上预审，再到窗口办理'
        : '需到窗口办理';
  if (!url) return text;
  return h(
    'span',
    {},
    `${text}：`,
    h('a', { attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' }, text: '网上办理入口' }),
  );
}

export function renderItemCard(card: ItemCard, answer: Answer, options: CardOptions): HTMLElement {
  const facts = h(
    'dl',
    { class: 'db-facts' },
    fact('办理地点', whereToGo(card), 'db-where'),
    fact('办理时限', timeLimit(card)),
    fact('收费', card.fee),
    fact('网上办理', onlinePath(card)),
    !options.simple && card.visits >= 0
      ? fact('跑动次数', card.visits === 0 ? '零跑动' : `最多跑${card.visits}次`)
      : null,
    !options.simple && card.commitment
      ? fact('告知承诺', '可实行告知承诺制，签署承诺书后可免交部分证明')
      : null,
    !options.simple && card.hours ? fact('办公时间', card.hours) : null,
    !options.simple && card.phone ? fact('咨询电话', card.phone) : null,
  );
  const section = h(
    'section',
    { class: 'db-card', attrs: { 'aria-label': card.name } },
    h('h3', { class: 'db-card-title', text: card.name }),
    h('p', { class: 'db-card-department', text: card.department }),
    card.materials.length > 0
      ? h(
          'div',
          { class: 'db-card-block' },
          h('h4', { text: `申请材料（共${card.materials.length}项，可逐项勾选核对）` }),
          checklist(card, options),
        )
      : null,
    facts,
    recordList(`申请条件（共${card.conditions.length}项）`, card.conditions, 'db-conditions'),
    recordList(`办理流程（共${card.process.length}个环节）`, card.process, 'db-process'),
  );
  if (answer.citations.length > 0 && !options.simple) {
    section.append(
      h(
        'details',
        { class: 'db-citations' },
        h('summary', { text: `依据（${answer.citations.length}）` }),
        h(
          'ul',
          {},
          ...answer.citations.map((citation) =>
            h('li', { text: citation.locator ? `${citation.title}（${citation.locator}）` : citation.title }),
          ),
        ),
      ),
    );
  }
  return section;
}

/** Citations of an answer that has no item card (a policy answer). */
export function renderCitations(answer: Answer): HTMLElement | null {
  if (answer.citations.length === 0) return null;
  return h(
    'details',
    { class: 'db-citations' },
    h('summary', { text: `依据（${answer.citations.length}）` }),
    h(
      'ul',
      {},
      ...answer.citations.map((citation) =>
        h('li', { text: citation.locator ? `${citation.title}（${citation.locator}）` : citation.title }),
      ),
    ),
  );
}

/** The CSS of the card, shared by the widget (inside its shadow root) and the kiosk page. */
export const CARD_CSS = `
.db-card{border:1px solid var(--db-border);border-radius:var(--db-radius-small);padding:12px;margin-top:8px;background:var(--db-surface)}
.db-card-title{margin:0;font-size:1.05em}
.db-card-department{margin:2px 0 8px;color:var(--db-muted);font-size:.9em}
.db-card h4{margin:8px 0 4px;font-size:.95em}
.db-checklist{list-style:none;margin:0;padding:0}
.db-material{display:flex;gap:8px;align-items:flex-start;padding:6px 0;border-top:1px dashed var(--db-border)}
.db-material:first-child{border-top:0}
.db-material input{margin-top:4px;width:1.1em;height:1.1em;flex:none;accent-color:var(--db-primary)}
.db-material label{display:flex;flex-wrap:wrap;gap:2px 6px;align-items:baseline}
.db-material-name{font-weight:600}
.db-material-detail,.db-note{color:var(--db-muted);font-size:.88em}
.db-note{flex-basis:100%}
.db-exempt-reason{color:var(--db-muted);font-size:.88em}
.db-record-list{margin-top:8px}
.db-record-list summary{cursor:pointer;font-weight:600;font-size:.95em}
.db-record-list ol{margin:4px 0 0;padding-left:1.4em}
.db-tag{font-size:.75em;border-radius:4px;padding:0 5px;border:1px solid currentColor}
.db-tag-lenient{color:var(--db-warn)}.db-tag-case{color:var(--db-primary)}.db-tag-exempt{color:var(--db-ok)}
.db-facts{margin:8px 0 0;display:grid;gap:4px}
.db-fact{display:grid;grid-template-columns:5.5em 1fr;gap:6px}
.db-fact dt{color:var(--db-muted)}.db-fact dd{margin:0}
.db-where dd{font-weight:600;color:var(--db-primary-strong)}
.db-citations{margin-top:8px;font-size:.88em}
.db-citations summary{cursor:pointer;color:var(--db-primary-strong)}
.db-citations ul{margin:4px 0 0;padding-left:1.2em}
`;
