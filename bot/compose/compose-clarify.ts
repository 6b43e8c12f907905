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

/**
 * `uncertain` is for a question that matched nothing well: the candidates are only the nearest
 * items, and the citizen is told so plainly and offered a person.
 */
export function composeClarify(candidates: ServiceItem[], aspect?: Aspect, uncertain = false): Composed {
  const purpose = aspect ? ASPECT_PURPOSE[aspect] : '办理';
  const lines = uncertain
    ? ['抱歉，我没有找到与您的问题完全对应的事项。您要办理的是不是下面其中一项？请点选，或回复序号：']
    : [`您想${purpose}的是下面哪一项？请点选，或回复序号：`];
  candidates.forEach((item, index) => lines.push(`${index + 1}. ${item.name}`));
  lines.push(
    uncertain
      ? '如果都不是，请换个说法再说一遍，或点“转人工”由工作人员为您解答。'
      : '如果都不是，请换个说法再说一遍您要办的事。',
  );
  const quickReplies = candidates.map((item) => item.name);
  return {
    answer: lines.join('\n'),
    citations: [],
    quickReplies: uncertain ? [...quickReplies, '转人工'] : quickReplies,
  };
}
