/**
 * Pinyin of Han text, for tolerance of homophones and typing mistakes made with pinyin input
 * methods ("社宝卡" for "社保卡"): two texts that sound alike share pinyin bigrams.
 */
import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string[]>();

/** Toneless pinyin syllables of the Han characters of a run, one per character. */
export function pinyinSyllables(run: string): string[] {
  let syllables = cache.get(run);
  if (!syllables) {
    syllables = pinyin(run, { toneType: 'none', type: 'array', v: true });
    if (cache.size > 50_000) cache.clear();
    cache.set(run, syllables);
  }
  return syllables;
}

/** Bigrams of pinyin syllables over each Han run: "社保卡" → ["she|bao", "bao|ka"]. */
export function pinyinBigrams(text: string): string[] {
  const grams: string[] = [];
  for (const match of text.matchAll(/\p{Script=Han}+/gu)) {
    const syllables = pinyinSyllables(match[0]);
    for (let index = 0; index + 1 < syllables.length; index += 1) {
      grams.push(`${syllables[index]}|${syllables[index + 1]}`);
    }
  }
  return grams;
}
