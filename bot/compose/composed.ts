/**
 * What every composer returns: the text for the citizen, where its facts come from, the buttons to
 * offer next and, for item answers, the structured card. The dialogue loop adds intent, items and
 * timing to make the full `Answer`.
 */
import type { Citation, ItemCard } from '../types.ts';

export interface Composed {
  answer: string;
  citations: Citation[];
  quickReplies: string[];
  card?: ItemCard;
}

/** The quick reply that hands the conversation to a member of staff. */
export const HAND_OVER_REPLY = '转人工';
