/**
 * What staff see of a 好差评 rating: the comment with personal numbers masked and the conversation by
 * its public id, never the citizen's session key (which would resume the chat, unmasked).
 */
import { maskPersonalText } from '../logging/personal-data-masker.ts';
import type { RatingRecord, Store } from '../store/store.ts';

export interface StaffRatingView extends Omit<RatingRecord, 'conversationId'> {
  conversationRef?: string;
}

export function toStaffRatingView(
  rating: RatingRecord,
  store: Pick<Store, 'getConversation'>,
): StaffRatingView {
  const { conversationId, ...rest } = rating;
  return {
    ...rest,
    comment: rating.comment === undefined ? undefined : maskPersonalText(rating.comment),
    conversationRef: store.getConversation(conversationId)?.publicId,
  };
}
