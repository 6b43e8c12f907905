/**
 * 好差评: citizens rate an answer, a whole conversation or a case on the five national levels. A
 * poor rating (不满意, 非常不满意) opens a rectification case (整改) with its own deadline, as the
 * scheme requires every 差评 to be followed up.
 *
 * Each target is rated once per session: a second rating of the same answer, conversation or case
 * is refused (ALREADY_RATED), never replacing the first, so the figures and the 整改 queue cannot be
 * inflated by repeating a rating, and a rectification case once opened stays as staff saw it. A
 * conversation can be rated only once the citizen has said something in it.
 */
import { toLocalDate } from '../calendar/local-date.ts';
import type { CaseService } from '../cases/case-service.ts';
import type { RatingRecord, RatingTarget, Store } from '../store/store.ts';
import { isPoorRating, type SatisfactionLevel } from './satisfaction-levels.ts';
import { RatingTargetError } from './errors/rating-target-error.ts';
import { AlreadyRatedError } from './errors/already-rated-error.ts';

export interface RatingInput {
  sessionId: string;
  target: RatingTarget;
  targetId?: string;
  level: SatisfactionLevel;
  comment?: string;
}

export interface RatingServiceOptions {
  store: Store;
  cases: CaseService;
  timeZone: string;
  clock?: () => Date;
  /** The item a conversation is about, for conversation-level ratings. */
  currentItem: (sessionId: string) => { itemId?: string; itemName?: string; zone?: string };
}

export function createRatingService(options: RatingServiceOptions) {
  const { store, cases, timeZone } = options;
  const clock = options.clock ?? (() => new Date());

  /** The rated subject and the canonical id of the target (one spelling per target). */
  const subjectOf = (
    input: RatingInput,
  ): { targetId?: string; subject: { itemId?: string; itemName?: string; zone?: string } } => {
    if (!store.getConversation(input.sessionId)) throw new RatingTargetError('Unknown conversation.');
    if (input.target === 'answer') {
      const message =
        input.targetId && /^\d+$/.test(input.targetId) ? store.getMessage(Number(input.targetId)) : undefined;
      if (!message || message.conversationId !== input.sessionId || message.role !== 'assistant') {
        throw new RatingTargetError('Unknown answer.');
      }
      return {
        targetId: String(message.id),
        subject: { itemId: message.itemId, itemName: message.itemName, zone: message.zone },
      };
    }
    if (input.target === 'case') {
      const record = input.targetId ? store.getCase(input.targetId) : undefined;
      if (!record || record.conversationId !== input.sessionId) throw new RatingTargetError('Unknown case.');
      return {
        targetId: record.number,
        subject: { itemId: record.itemId, itemName: record.itemName, zone: record.zone },
      };
    }
    if (store.countMessages(input.sessionId, 'citizen') === 0) {
      throw new RatingTargetError('A conversation without citizen turns.');
    }
    return { targetId: undefined, subject: options.currentItem(input.sessionId) };
  };

  return {
    rate(input: RatingInput): { rating: RatingRecord; caseNumber?: string } {
      const { targetId, subject } = subjectOf(input);
      return store.transaction(() => {
        if (store.findRating(input.sessionId, input.target, targetId)) throw new AlreadyRatedError();
        const now = clock();
        const rating = store.insertRating({
          conversationId: input.sessionId,
          target: input.target,
          targetId,
          level: input.level,
          comment: input.comment,
          ...subject,
          createdAt: now.toISOString(),
          localDate: toLocalDate(now, timeZone),
        });
        if (!isPoorRating(input.level)) return { rating };
        const record = cases.open({
          conversationId: input.sessionId,
          category: '整改',
          ...subject,
          consent: false,
          description: `差评（${input.level}，评价对象：${input.target}${targetId ? ` ${targetId}` : ''}）${input.comment ? `：${input.comment}` : ''}`,
          ratingId: rating.id,
          actor: 'ratings',
        });
        store.updateRatingCase(rating.id, record.number);
        return { rating: { ...rating, caseNumber: record.number }, caseNumber: record.number };
      });
    },
  };
}

export type RatingService = ReturnType<typeof createRatingService>;
