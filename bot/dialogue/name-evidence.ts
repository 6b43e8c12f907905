/**
 * What the conversation says about a candidate's name: how alike two names are, how much of a word
 * the citizen negated a name contains, and the life-cycle stage the conversation last spoke of.
 * Pure functions over strings, read by the candidate pool of the assistant.
 */
import { hanBigrams } from '../../knowledge/text/segment.ts';
import type { DialogueState } from '../types.ts';
import { lifecycleStage, type LifecycleStage } from '../understanding/lifecycle-stage.ts';

/** Dice coefficient of the two names' character bigrams (0…1). */
export function nameLikeness(first: string, second: string): number {
  const a = new Set(hanBigrams(first));
  const b = new Set(hanBigrams(second));
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const bigram of a) if (b.has(bigram)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** The largest share of a negated word's character bigrams found in the name (0…1). */
export function contradiction(name: string, negated: readonly string[]): number {
  let most = 0;
  for (const word of negated) {
    const bigrams = hanBigrams(word);
    const found = bigrams.filter((bigram) => name.includes(bigram)).length;
    if (bigrams.length) most = Math.max(most, found / bigrams.length);
  }
  return most;
}

/** The text with every occurrence of the given words blanked out. */
export function withoutWords(text: string, words: readonly string[] = []): string {
  let result = text;
  for (const word of words) result = result.split(word).join(' ');
  return result.trim();
}

/**
 * The life-cycle stage the conversation last spoke of: this turn's, or else the latest earlier
 * turn's, leaving out what the citizen negated.
 */
export function conversationStage(
  itemQuery: string,
  previous: DialogueState | undefined,
): LifecycleStage | undefined {
  const negated = previous?.negated ?? [];
  const own = lifecycleStage(withoutWords(itemQuery, negated));
  if (own || !previous) return own;
  for (const turn of [...(previous.context ?? [])].reverse()) {
    const earlier = lifecycleStage(withoutWords(turn, negated));
    if (earlier) return earlier;
  }
  return undefined;
}
