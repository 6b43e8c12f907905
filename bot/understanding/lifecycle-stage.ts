/**
 * The life-cycle stage a text speaks of (first time, change, closure, loss, renewal, transfer), read
 * with the classes of knowledge/language/zh-CN/lifecycle.txt. The same reading applies to an item
 * name ("个体工商户注销登记" → closure) and to what a citizen says ("店不开了" → closure), so the
 * ranker can tell whether a candidate is at the stage the conversation is about.
 */
import { defaultChineseCues, LIFECYCLE_CLASSES } from '../../knowledge/language/chinese-cues.ts';

export type LifecycleStage = (typeof LIFECYCLE_CLASSES)[number];

/**
 * The stage of the text: the class of its last match (the latest thing said wins: "不是丢了，是头一回
 * 办" → first), or undefined when no class matches.
 */
export function lifecycleStage(text: string): LifecycleStage | undefined {
  const cues = defaultChineseCues().lifecycle;
  let latest: { stage: LifecycleStage; at: number } | undefined;
  for (const stage of LIFECYCLE_CLASSES) {
    for (const match of text.matchAll(cues[stage].global)) {
      if (!match[0]) continue;
      const at = (match.index ?? 0) + match[0].length;
      if (!latest || at > latest.at) latest = { stage, at };
    }
  }
  return latest?.stage;
}
