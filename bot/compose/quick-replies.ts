/** The follow-up buttons offered after an item answer: the most asked other aspects, then 转人工. */
import type { ServiceItem } from '../../knowledge/catalog/schema.ts';
import type { Aspect } from '../types.ts';
import { HAND_OVER_REPLY } from './composed.ts';
import { isBenefitItem } from './item-aspect-text.ts';

/** Button labels phrased as a citizen would ask; the understanding step maps them back to aspects. */
export const ASPECT_QUESTIONS: Record<Aspect, string> = {
  overview: '这个事项怎么办',
  materials: '需要带什么材料',
  where: '在几号窗口',
  time: '多久能办好',
  online: '能不能网上办',
  fee: '要不要收费',
  conditions: '需要什么条件',
  process: '办理流程是什么',
  basis: '依据是什么',
  contact: '咨询电话是多少',
};

/** For a benefit item the money question is how much the citizen receives. */
const BENEFIT_FEE_QUESTION = '能领多少钱';

const FOLLOW_UPS: Aspect[] = ['materials', 'where', 'time', 'online', 'fee'];
const MAX_FOLLOW_UPS = 4;

/**
 * The buttons after an answer about `answered` (one aspect, or every aspect of a question that
 * asked several): up to four aspects not answered yet, then 转人工. With the item, the money
 * button of a benefit item asks how much one receives.
 */
export function itemQuickReplies(answered: Aspect | readonly Aspect[], item?: ServiceItem): string[] {
  const done = new Set<Aspect>(typeof answered === 'string' ? [answered] : answered);
  const question = (aspect: Aspect) =>
    aspect === 'fee' && item && isBenefitItem(item) ? BENEFIT_FEE_QUESTION : ASPECT_QUESTIONS[aspect];
  const aspects = FOLLOW_UPS.filter((aspect) => !done.has(aspect)).slice(0, MAX_FOLLOW_UPS);
  return [...aspects.map(question), HAND_OVER_REPLY];
}
