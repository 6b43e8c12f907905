/**
 * How informative a word is in general Chinese: the IDF table jieba ships for keyword extraction
 * (`@node-rs/jieba/idf.txt`, "word idf" lines). Small searches (the staff knowledge base) weigh
 * words by it, having too few documents to weigh them by themselves: "办事", "过来" tell little,
 * "复印机", "雨伞" much. Read once, on first use.
 */
import { createRequire } from 'node:module';

let table: { idf: Map<string, number>; median: number } | undefined;

function load(): { idf: Map<string, number>; median: number } {
  if (!table) {
    const require = createRequire(import.meta.url);
    const { idf: source } = require('@node-rs/jieba/dict') as { idf: Uint8Array };
    const idf = new Map<string, number>();
    for (const line of Buffer.from(source).toString('utf8').split('\n')) {
      const space = line.lastIndexOf(' ');
      const value = Number(line.slice(space + 1));
      if (space > 0 && Number.isFinite(value)) idf.set(line.slice(0, space), value);
    }
    const values = [...idf.values()].sort((a, b) => a - b);
    table = { idf, median: values[Math.floor(values.length / 2)] ?? 1 };
  }
  return table;
}

/** The word's IDF; a word the table does not hold gets the median, as jieba's keyword extraction does. */
export function generalWordWeight(word: string): number {
  const { idf, median } = load();
  return idf.get(word) ?? median;
}
