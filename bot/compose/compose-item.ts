/**
 * Composes the answer about one aspect of one service item: the text, the citation of the record
 * field it comes from, follow-up buttons and the item card. Every fact is read from the catalog record
 * or the hall layout; nothing here invents a material, a time limit, a fee or a place.
 */
import type { ServiceItem, Theme } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import type { Aspect, Citation } from '../types.ts';
import type { Composed } from './composed.ts';
import { ASPECT_LOCATOR, ASPECT_TEXT } from './item-aspect-text.ts';
import { buildItemCard } from './item-card.ts';
import { itemQuickReplies } from './quick-replies.ts';

export type { Composed } from './composed.ts';

export interface ComposeItemInput {
  item: ServiceItem;
  aspect: Aspect;
  hall: Hall;
  themes?: Theme[];
}

export function composeItemAnswer({ item, aspect, hall, themes = [] }: ComposeItemInput): Composed {
  const citations: Citation[] = [{ source: 'catalog', title: item.name, locator: ASPECT_LOCATOR[aspect] }];
  if (aspect === 'where' || aspect === 'overview' || aspect === 'contact') {
    citations.push({ source: 'hall', title: hall.name, locator: '大厅布局' });
  }
  return {
    answer: ASPECT_TEXT[aspect]({ item, hall, themes }),
    citations,
    quickReplies: itemQuickReplies(aspect),
    card: buildItemCard(item, hall),
  };
}
