/**
 * Composes the answer about one or several aspects of one service item: the text, the citation of
 * each record field it comes from, follow-up buttons and the item card. Every fact is read from the
 * catalog record or the hall layout; nothing here invents a material, a time limit, a fee or a place.
 */
import type { ServiceItem, Theme } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import type { Aspect, Citation } from '../types.ts';
import type { Composed } from './composed.ts';
import {
  ASPECT_BRIEF,
  ASPECT_TEXT,
  aspectLocator,
  aspectUsesHall,
  type AspectContext,
  type BriefAspect,
} from './item-aspect-text.ts';
import { buildItemCard } from './item-card.ts';
import { itemQuickReplies } from './quick-replies.ts';

export type { Composed } from './composed.ts';

export interface ComposeItemInput {
  item: ServiceItem;
  /** The aspect asked, or the first of several. */
  aspect: Aspect;
  /**
   * Every aspect the question asked, in order ("在哪个窗口办，要钱不？" → where, fee). With two or
   * more, each is answered in one line, in that order; otherwise `aspect` is answered in full.
   */
  aspects?: Aspect[];
  hall: Hall;
  themes?: Theme[];
}

/**
 * What to answer: several aspects one line each, or one aspect in full. An overview asked together
 * with specific aspects ("怎么办，要带啥") is left to the card, which gives it anyway.
 */
function plan(aspect: Aspect, aspects: Aspect[] | undefined): BriefAspect[] | Aspect {
  const distinct = [...new Set(aspects ?? [])];
  if (distinct.length < 2) return aspect;
  const specific = distinct.filter((entry): entry is BriefAspect => entry !== 'overview');
  return specific.length >= 2 ? specific : (specific[0] ?? aspect);
}

function citationsFor(aspects: Aspect[], item: ServiceItem, hall: Hall): Citation[] {
  const citations: Citation[] = aspects.map((aspect) => ({
    source: 'catalog',
    title: item.name,
    locator: aspectLocator(aspect, item),
  }));
  if (aspects.some((aspect) => aspectUsesHall(aspect, item))) {
    citations.push({ source: 'hall', title: hall.name, locator: '大厅布局' });
  }
  return citations;
}

export function composeItemAnswer({ item, aspect, aspects, hall, themes = [] }: ComposeItemInput): Composed {
  const context: AspectContext = { item, hall, themes };
  const planned = plan(aspect, aspects);
  const answered: Aspect[] = typeof planned === 'string' ? [planned] : planned;
  const answer =
    typeof planned === 'string'
      ? ASPECT_TEXT[planned](context)
      : [`【${item.name}】`, ...planned.map((entry) => ASPECT_BRIEF[entry](context))].join('\n');
  return {
    answer,
    citations: citationsFor(answered, item, hall),
    quickReplies: itemQuickReplies(answered, item),
    card: buildItemCard(item, hall),
  };
}
