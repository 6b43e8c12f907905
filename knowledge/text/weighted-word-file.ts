/**
 * The line format of the generated CC-CEDICT resources (knowledge/language/generated/*.tsv):
 * `key<TAB>word weight<TAB>word weight …`, `#` header lines. Fields that are not a word with a
 * weight in (0, 1] are skipped.
 */
export interface WeightedWord {
  word: string;
  weight: number;
}

export function parseWeightedWordLines(source: string): Array<[string, WeightedWord[]]> {
  const rows: Array<[string, WeightedWord[]]> = [];
  for (const line of source.split(/\r?\n/u)) {
    if (!line || line.startsWith('#')) continue;
    const [key, ...fields] = line.split('\t');
    const words: WeightedWord[] = [];
    for (const field of fields) {
      const space = field.lastIndexOf(' ');
      const weight = Number(field.slice(space + 1));
      if (space <= 0 || !(weight > 0 && weight <= 1)) continue;
      words.push({ word: field.slice(0, space), weight });
    }
    if (key && words.length) rows.push([key, words]);
  }
  return rows;
}
