/** The follow-up buttons offered after an item answer: the most asked other aspects, then 转人工. */
import type { Aspect } from '../types.ts';
import { HAND_OVER_REPLY } from './composed.ts';

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

const FOLLOW_UPS: Aspect[] = ['materials', 'where', 'time', 'online', 'fee'];

export function itemQuickReplies(current: Aspect): string[] {
  const aspects = FOLLOW_UPS.filter((aspect) => aspect !== current).slice(0, 4);
  return [...aspects.map((aspect) => ASPECT_QUESTIONS[aspect]), HAND_OVER_REPLY];
}
