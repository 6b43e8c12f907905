/**
 * The one-time notice of materials (一次性告知) as text. The item card below the text carries the full
 * checklist (form, copies, notes, the reason a material need not be submitted), so the text names
 * every material once, in catalog order — the ones everyone prepares in one short list, then each
 * situation with what it adds — and marks only what changes whether to bring it (可容缺后补, 无需提交).
 * An `exemptNote` usually says WHEN a material may be skipped (data sharing, 电子证照 …), so the text
 * says "符合条件的可无需提交" and leaves the condition to the card.
 */
import type { Material, ServiceItem } from '../../knowledge/catalog/schema.ts';
import { clause, itemSubject, joinList } from './chinese-format.ts';

/** "原件1份", "复印件2份", "电子证照" */
export function formAndCopies(material: Pick<Material, 'form' | 'copies'>): string {
  return material.copies > 0 ? `${material.form}${material.copies}份` : material.form;
}

export interface Exemption {
  /** What need not be submitted: "无需提交", "无需提交复印件", "无需自带照片". */
  label: string;
  /** Why or when, as the record says it, without the 免提交 phrase: "通过人脸识别核验身份的". */
  reason: string;
}

// "免提交", "免于提交复印件", "无需自带照片": the phrase and what it covers, up to the next punctuation.
const EXEMPTION_PHRASE = /(?:申请人)?(?:可)?(免于?提交|无[需须]提交|无[需须]自带|免交)([^，,；;。]*)/gu;

/**
 * Splits a record's exemption note into what may be skipped and the condition, so that a partial
 * exemption ("…，免提交复印件") is never shown as if the whole material were not needed.
 */
export function describeExemption(exempt: string): Exemption {
  const text = clause(exempt);
  const matches = [...text.matchAll(EXEMPTION_PHRASE)];
  const last = matches.at(-1);
  if (!last || last.index === undefined) {
    // "窗口可免费现场拍摄": the photo is taken at the window, so the citizen need not bring one.
    return { label: /现场(拍摄|采集)/u.test(text) ? '无需自带' : '无需提交', reason: text };
  }
  const [phrase, verb, covered] = last;
  const label = `${verb.includes('自带') ? '无需自带' : '无需提交'}${covered.trim()}`;
  const reason = `${text.slice(0, last.index)}${text.slice(last.index + phrase.length)}`
    .replace(/[，,]\s*(?=[；;]|$)/gu, '')
    .replace(/^[，,；;\s]+|[，,；;\s]+$/gu, '');
  return { label, reason: reason || text };
}

/**
 * The exemption of a material, or undefined when it must be brought: what need not be submitted and,
 * when the record gives it, why (`reason` is empty for a bare 免提交 “是”).
 */
export function materialExemption(material: Pick<Material, 'exempt' | 'exemptNote'>): Exemption | undefined {
  if (!material.exempt) return undefined;
  return material.exemptNote ? describeExemption(material.exemptNote) : { label: '无需提交', reason: '' };
}

/** "可免提交", "可免提交复印件", "可不自带照片": the short mark of an exemption in the text. */
export function exemptionMark(exempt: string): string {
  const { label } = describeExemption(exempt);
  return label.startsWith('无需自带') ? `可不自带${label.slice(4)}` : `可免提交${label.slice(4)}`;
}

/** A material's name with the marks that change whether to bring it now: "住所使用证明（可容缺后补）". */
export function markedMaterialName(material: Material): string {
  const marks: string[] = [];
  if (material.exempt) marks.push(exemptionMark(material.exemptNote ?? '免提交'));
  if (material.required === '容缺') marks.push('可容缺后补');
  return marks.length > 0 ? `${material.name}（${marks.join('，')}）` : material.name;
}

export interface MaterialGroups {
  /** 必要 and 容缺 materials, in catalog order. */
  general: Material[];
  /** 情形 materials grouped by their situation, groups in order of first appearance. */
  situational: Array<{ when: string; materials: Material[] }>;
}

export function groupMaterials(materials: Material[]): MaterialGroups {
  const general: Material[] = [];
  const situational: MaterialGroups['situational'] = [];
  for (const material of materials) {
    if (material.required !== '情形') {
      general.push(material);
      continue;
    }
    const when = clause(material.when ?? '特定情形下');
    const group = situational.find((entry) => entry.when === when);
    if (group) group.materials.push(material);
    else situational.push({ when, materials: [material] });
  }
  return { general, situational };
}

// Names such as "法定代表人、董事、监事和经理的任职文件" already hold 、, so such lists use ；.
function nameList(materials: Material[]): string {
  const separator = materials.some((material) => material.name.includes('、')) ? '；' : '、';
  return materials.map(markedMaterialName).join(separator);
}

/** "都要准备的4项：A、B。" and "委托他人代为办理的，还需C。" — the sentences of the list. */
export function materialListSentences(item: ServiceItem): { general?: string; situational: string[] } {
  const { general, situational } = groupMaterials(item.materials);
  const also = general.length > 0 ? '还需' : '需';
  return {
    general:
      general.length === 0
        ? undefined
        : `都要准备${general.length > 1 ? `的${general.length}项` : ''}：${nameList(general)}。`,
    situational: situational.map((group) => `${group.when}，${also}${nameList(group.materials)}。`),
  };
}

/** Said after the materials: the details of each material are in the card's checklist. */
export function checklistPointer(item: ServiceItem): string {
  const marks = new Set(
    item.materials.flatMap((material) =>
      material.exempt ? [exemptionMark(material.exemptNote ?? '免提交').slice(0, 4)] : [],
    ),
  );
  const conditions: string[] = [];
  if (marks.size > 0) conditions.push(`${[...marks].join('或')}的条件`);
  if (item.materials.some((material) => material.required === '容缺')) conditions.push('容缺后补的说明');
  const extra = conditions.length > 0 ? `，以及${joinList(conditions)}` : '';
  return `每项材料要原件还是复印件、要几份${extra}，请看下方材料清单，可逐项勾选核对。`;
}

/** The text of the materials answer: every material named once, the details left to the card. */
export function composeMaterialsText(item: ServiceItem): string {
  if (item.materials.length === 0) {
    return `事项清单中没有列出“${item.name}”的申请材料。为避免白跑，建议您先拨打咨询电话或到窗口确认。`;
  }
  const { general, situational } = materialListSentences(item);
  const lines = [`${itemSubject(item.name)}共需${item.materials.length}项材料（一次性告知）：`];
  lines.push(general ?? '以下材料按您的情形准备：');
  lines.push(...situational);
  lines.push(checklistPointer(item));
  return lines.join('\n');
}

/** The materials as one short paragraph, for an answer to several aspects at once. */
export function materialsBrief(item: ServiceItem): string {
  if (item.materials.length === 0) return '申请材料：事项清单中没有列出，建议先拨打咨询电话或到窗口确认。';
  const { general, situational } = materialListSentences(item);
  return [`申请材料共${item.materials.length}项。`, general ?? '', ...situational, '详见下方材料清单。'].join(
    '',
  );
}
