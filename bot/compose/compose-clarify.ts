/**
 * Asks the citizen which of several similar items they mean. The buttons are the item names
 * themselves, so a tap (or "第二个") resolves the choice in the next turn.
 */
import type { ServiceItem } from '../../knowledge/catalog/schema.ts';
import type { Aspect } from '../types.ts';
import type { Composed } from './composed.ts';

const ASPECT_PURPOSE: Record<Aspect, string> = {
  overview: '办理',
  materials: '了解所需材料',
  where: '了解办理窗口',
  time: '了解办理时限',
  online: '了解网上办理',
  fee: '了解收费标准',
  conditions: '了解申请条件',
  process: '了解办理流程',
  basis: '了解设定依据',
  contact: '了解咨询方式',
};

export function composeClarify(candidates: ServiceItem[], aspect?: Aspect): Composed {
  const purpose = aspect ? ASPECT_PURPOSE[aspect] : '办理';
  const lines = [`您想${purpose}的是下面哪一项？请点选，或回复序号：`];
  candidates.forEach((item, index) => lines.push(`${index + 1}. ${item.name}`));
  lines.push('如果都不是，请换个说法再说一遍您要办的事。');
  return { answer: lines.join('\n'), citations: [], quickReplies: candidates.map((item) => item.name) };
}
