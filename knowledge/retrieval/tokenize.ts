/**
 * The token scheme of keyword search. Every text yields four families of tokens, prefixed so that
 * they never collide: `w:` jieba words, `b:` Han character bigrams, `c:` single Han characters and
 * `p:` pinyin bigrams and `s:` skip bigrams (characters one apart). Bigrams give recall on unseen
 * wording, words give precision, single characters survive word-order changes ("房租"/"租房"), pinyin
 * survives homophone typos ("社宝卡"), skip bigrams survive a wrong middle character ("居往证").
 */
import { normalizeForMatch } from '../text/normalize.ts';
import { hanBigrams, hanCharacters, hanSkipBigrams, segmentWords } from '../text/segment.ts';
import { pinyinBigrams } from '../text/pinyin.ts';

export type TokenFamily = 'w' | 'b' | 'c' | 'p' | 's';
export const ALL_FAMILIES: readonly TokenFamily[] = ['w', 'b', 'c', 'p', 's'];

/** Function words that carry no meaning for finding a service item. */
const STOP_WORDS = new Set(
  '的 了 和 与 及 或 等 是 在 有 我 你 他 她 们 这 那 个 吗 呢 吧 啊 呀 哦 嘛 就 都 也 还 要 想 去 来 把 被 给 让 对 从 向 为 以 之 其 中 上 下 一 不 没 很 能 会 可以 怎么 什么 如何 哪 哪里 请问 一下 the a an of to for and or in on is are do does how what where can i my me'.split(
    ' ',
  ),
);

const STOP_CHARACTERS = new Set([
  ...'的了和与及或等是在有我你他她们这那个吗呢吧啊呀哦嘛就都也还要想去来把被给让对从向为以之其一不没很能会怎么什哪请问下办理',
]);

/** Whether every character of a word is a function character ("去", "办个"): it names no topic. */
export function isLightWord(word: string): boolean {
  return [...word].every((character) => STOP_CHARACTERS.has(character));
}

/**
 * One string per distinct token while an index is built: a catalog repeats the same tokens in
 * thousands of items, and the per-item token sets would otherwise hold a copy of each. The interner
 * lives as long as the build (questions are not interned, so nothing grows with traffic).
 */
export function createInterner(): (tokens: string[]) => string[] {
  const interned = new Map<string, string>();
  return (tokens) => {
    for (let index = 0; index < tokens.length; index += 1) {
      const known = interned.get(tokens[index]);
      if (known === undefined) interned.set(tokens[index], tokens[index]);
      else tokens[index] = known;
    }
    return tokens;
  };
}

export function tokenize(text: string, families: readonly TokenFamily[] = ALL_FAMILIES): string[] {
  const normalized = normalizeForMatch(text);
  const tokens: string[] = [];
  if (families.includes('w')) {
    for (const word of segmentWords(normalized)) if (!STOP_WORDS.has(word)) tokens.push(`w:${word}`);
  }
  if (families.includes('b')) for (const gram of hanBigrams(normalized)) tokens.push(`b:${gram}`);
  if (families.includes('c')) {
    for (const character of hanCharacters(normalized)) {
      if (!STOP_CHARACTERS.has(character)) tokens.push(`c:${character}`);
    }
  }
  if (families.includes('p')) for (const gram of pinyinBigrams(normalized)) tokens.push(`p:${gram}`);
  if (families.includes('s')) for (const gram of hanSkipBigrams(normalized)) tokens.push(`s:${gram}`);
  return tokens;
}

export const tokenFamily = (token: string): TokenFamily => token[0] as TokenFamily;
