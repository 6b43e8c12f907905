/**
 * The general synonym graph: words that share a specific English gloss in CC-CEDICT (狗/犬, 薪水/工资,
 * 驾照/驾驶证), with a weight for how specific the shared meaning is. Built once by
 * `npm run build:synonyms` (knowledge/language/build-synonym-graph.ts) into a committed data file, read
 * here without the dictionary itself. Retrieval uses it as query expansion weighted below the hand
 * lexicon, because shared English glosses are polysemous ("pension" is also a guesthouse).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseWeightedWordLines } from './weighted-word-file.ts';

export interface SynonymNeighbour {
  word: string;
  /** How close the two words are (0 < weight ≤ 1). */
  weight: number;
}

export class SynonymGraph {
  private readonly edges: Map<string, SynonymNeighbour[]>;

  constructor(edges: Map<string, SynonymNeighbour[]>) {
    this.edges = edges;
  }

  /** Words in the graph (those with at least one neighbour). */
  get size(): number {
    return this.edges.size;
  }

  /** Neighbours of a word, strongest first; empty for a word the graph does not know. */
  neighbours(word: string): SynonymNeighbour[] {
    return this.edges.get(word) ?? [];
  }
}

/**
 * Parses the generated file: `#` header lines, then `word<TAB>neighbour weight<TAB>…` lines.
 * Malformed edges and weights outside (0, 1] are skipped rather than trusted.
 */
export function parseSynonymGraph(source: string): SynonymGraph {
  return new SynonymGraph(new Map(parseWeightedWordLines(source)));
}

export const DEFAULT_SYNONYM_GRAPH_FILE = fileURLToPath(
  new URL('../language/generated/cedict-synonyms.tsv', import.meta.url),
);

const loaded = new Map<string, SynonymGraph>();

/** Reads a graph file once per path (the shipped CC-CEDICT graph by default). */
export function loadSynonymGraph(file: string = DEFAULT_SYNONYM_GRAPH_FILE): SynonymGraph {
  let graph = loaded.get(file);
  if (!graph) {
    graph = parseSynonymGraph(readFileSync(file, 'utf8'));
    loaded.set(file, graph);
  }
  return graph;
}

/** The graph shipped with the project (knowledge/language/generated/cedict-synonyms.tsv). */
export function loadDefaultSynonymGraph(): SynonymGraph {
  return loadSynonymGraph();
}
