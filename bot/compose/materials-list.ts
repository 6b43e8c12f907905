/**
 * The one-time notice of materials (一次性告知): one complete numbered list in catalog order —
 * materials everyone brings first, then the situational ones grouped under their situation — with
 * 容缺 materials marked 可容缺后补. An `exempt` note says WHEN a material may be skipped (data sharing,
 * 电子证照 …), so such a material is still listed with its form and copies, followed by the condition.
 */
import type { Material, ServiceItem } from '../../knowledge/catalog/schema.ts';
import { clause, itemSubject } from './chinese-format.ts';

/** "原件1份", "复印件2份", "电子证照" */
export function formAndCopies(material: Pick<Material, 'form' | 'copies'>): string {
  return material.copies > 0 ? `${material.form}${material.copies}份` : material.form;
}

/** "（不动产权证书通过电子证照核验的，可免提交）": the condition, without doubling 免提交. */
export function exemptionNote(exempt: string): string {
  const condition = clause(exempt);
  return /免提交$|免于提交$|无需提交$|无须提交$/.test(condition)
    ? `（${condition}）`
    : `（${condition}，可免提交）`;
}

/** One material as a line of the list, without its number. */
export function describeMaterial(material: Material): string {
  const exemption = material.exempt ? exemptionNote(material.exempt) : '';
  const parts = [`${material.name}：${formAndCopies(material)}${exemption}`];
  if (material.required === '容缺') parts.push('可容缺后补');
  if (material.note) parts.push(clause(material.note));
  return parts.join('；');
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

/** The full text of the materials answer. */
export function composeMaterialsText(item: ServiceItem): string {
  if (item.materials.length === 0) {
    return `事项清单中没有列出“${item.name}”的申请材料。为避免白跑，建议您先拨打咨询电话或到窗口确认。`;
  }
  const { general, situational } = groupMaterials(item.materials);
  const lines = [`${itemSubject(item.name)}需要的材料如下（一次性告知）：`];
  let number = 0;
  for (const material of general) {
    number += 1;
    lines.push(`${number}. ${describeMaterial(material)}`);
  }
  if (situational.length > 0) {
    lines.push(general.length > 0 ? '属于以下情形的，还需提供：' : '按您的情形提供以下材料：');
    for (const group of situational) {
      lines.push(`【${group.when}】`);
      for (const material of group.materials) {
        number += 1;
        lines.push(`${number}. ${describeMaterial(material)}`);
      }
    }
  }
  // Exemption depends on the citizen's case, so these are not counted as exempt outright.
  const conditionallyExempt = item.materials.filter((material) => material.exempt).length;
  const deferrable = item.materials.filter((material) => material.required === '容缺').length;
  const details: string[] = [];
  if (situational.length > 0) details.push('情形材料仅在对应情形下提供');
  if (conditionallyExempt > 0) details.push(`${conditionallyExempt}项在符合说明的情况下可免提交`);
  if (deferrable > 0) details.push(`${deferrable}项可容缺后补`);
  const counts = `以上共${item.materials.length}项材料${details.length > 0 ? `，其中${details.join('，')}` : ''}`;
  lines.push(`${counts}。这是本事项的完整材料清单，请按清单一次备齐。`);
  return lines.join('\n');
}
