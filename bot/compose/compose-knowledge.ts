/**
 * Composes an answer from a staff-written knowledge entry (published from the console's knowledge-gap
 * view). The staff text is used as written; the item, when known, adds its card and citation.
 */
import type { ServiceItem } from '../../knowledge/catalog/schema.ts';
import type { Citation, KnowledgeEntry } from '../types.ts';
import type { Composed } from './composed.ts';
import { buildItemCard } from './item-card.ts';
import { itemQuickReplies } from './quick-replies.ts';
import { HAND_OVER_REPLY } from './composed.ts';

export function composeKnowledgeAnswer(entry: KnowledgeEntry, item?: ServiceItem): Composed {
  const citations: Citation[] = [{ source: 'knowledge', title: entry.question, locator: entry.id }];
  if (item) citations.push({ source: 'catalog', title: item.name, locator: '基本信息' });
  return {
    answer: entry.answer.trim(),
    citations,
    quickReplies: item ? itemQuickReplies('overview') : [HAND_OVER_REPLY],
    card: item ? buildItemCard(item) : undefined,
  };
}
