/**
 * What a case is about. The item the citizen was asking about, when the bot was confident about it in
 * the turns just before the hand-over; otherwise no topic ("未确定") and the items the bot considered,
 * for staff to choose from. Older turns do not count: a complaint after a change of subject must not
 * carry the previous subject.
 */
import { ASPECTS, type Answer } from '../types.ts';

/** Aspects of one item: an answer of one of these intents was about `items[0]`. */
const ITEM_INTENTS = new Set<string>(ASPECTS);
/** Turns that say nothing about the subject (a greeting, thanks, the hand-over itself). */
const NEUTRAL_INTENTS = new Set(['greeting', 'thanks', 'escalate']);
/** How many answers back the subject may lie. */
const LOOKBACK = 3;

export interface CaseTopic {
  itemId?: string;
  itemName?: string;
  zone?: string;
  candidates: { id: string; name: string }[];
}

/** `answers` newest first. */
export function caseTopic(answers: Answer[]): CaseTopic {
  const candidates = new Map<string, string>();
  let considered = 0;
  for (const answer of answers) {
    if (considered >= LOOKBACK) break;
    if (NEUTRAL_INTENTS.has(answer.intent)) {
      // A hard case the bot recognised may name the items it touches: candidates, not a topic.
      for (const item of answer.items.slice(0, 3)) candidates.set(item.id, item.name);
      continue;
    }
    considered += 1;
    const item = answer.items[0];
    if (ITEM_INTENTS.has(answer.intent) && item && (candidates.size === 0 || candidates.has(item.id))) {
      return { itemId: item.id, itemName: item.name, zone: answer.card?.zone, candidates: [] };
    }
    for (const other of answer.items.slice(0, 3)) candidates.set(other.id, other.name);
    // An unanswered or unrelated question ends the subject.
    if (answer.items.length === 0) break;
  }
  return { candidates: [...candidates].slice(0, 5).map(([id, name]) => ({ id, name })) };
}
