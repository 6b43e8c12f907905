/**
 * The answer to "我带了身份证和照片，还缺什么": the item's pre-check on the documents the citizen
 * named and the situation they told, as a one-time notice (一次性告知) — what they have, everything
 * still missing, what applies only in some cases — read from the catalog like every other answer.
 */
import type { ServiceItem } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import { precheckItem } from '../precheck/precheck.ts';
import type { Composed } from './composed.ts';
import { aspectLocator } from './item-aspect-text.ts';
import { buildItemCard } from './item-card.ts';
import { itemQuickReplies } from './quick-replies.ts';

export interface ComposePrecheckInput {
  item: ServiceItem;
  /** The words naming the documents held ("身份证和两张照片"). */
  held: string;
  /** The whole message, read for the situation ("替我父亲办", "租的房"). */
  message: string;
  hall: Hall;
}

export function composePrecheckAnswer({ item, held, message, hall }: ComposePrecheckInput): Composed {
  const result = precheckItem(item, { provided: [held], situation: message.slice(0, 500), fields: {} });
  const have = [...new Set(result.matched.map((match) => match.material))];
  const lines = [`【${item.name}】按您说的已有材料核对如下：`];
  if (have.length > 0) lines.push(`您已有：${have.join('、')}。`);
  // The notice's own title repeats the item's name; its findings follow.
  lines.push(...result.notice.split('\n').slice(1));
  lines.push('以上是按您所说的初步核对，以窗口审核为准。');
  return {
    answer: lines.join('\n'),
    citations: [{ source: 'catalog', title: item.name, locator: aspectLocator('materials', item) }],
    quickReplies: itemQuickReplies(['materials'], item),
    card: buildItemCard(item, hall),
  };
}
