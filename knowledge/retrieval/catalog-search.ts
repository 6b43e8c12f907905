/**
 * Keyword search over the catalog: BM25F over item fields (name and aliases highest) with words,
 * character bigrams, characters and pinyin, the lexicon's official terms as lower-weighted query
 * expansion, and a name-coverage feature that prefers the item whose own name the question covers.
 */
import type { ServiceItem, Theme } from '../catalog/schema.ts';
import type { Lexicon } from '../text/lexicon.ts';
import type { SynonymGraph } from '../text/synonym-graph.ts';
import { MAX_PHRASE_WORDS, englishRuns, type EnglishDictionary } from '../text/english-dictionary.ts';
import { normalizeForMatch } from '../text/normalize.ts';
import { Bm25fIndex, type Bm25fHit, type FieldMatch, type FieldSpec } from './bm25f-index.ts';
import { LruCache } from './lru-cache.ts';
import { NameForms } from './name-forms.ts';
import { createInterner, tokenize, tokenFamily, type TokenFamily } from './tokenize.ts';
import {
  candidateScorer,
  emptyCandidateFeatures,
  loadRankWeights,
  type CandidateFeatures,
  type RankWeights,
} from './candidate-ranker.ts';

export interface SearchHit {
  id: string;
  score: number;
  /** BM25F score relative to what the query could reach at most (0…1), a confidence signal. */
  relevance: number;
  /** Share of the item's name (or best alias) that the question covers (0…1). */
  nameCoverage: number;
  /** As `nameCoverage`, counting only the question's own words (not the lexicon's expansions). */
  literalCoverage: number;
  /**
   * A rare phrase of the question, or an official term the lexicon gave for it, found whole in the
   * item's name or aliases (0 when none; longer phrases count more).
   */
  phraseMatch: number;
  /** Everything the ranker weighs (see candidate-ranker.ts). */
  features: CandidateFeatures;
  reasons: string[];
}

/**
 * A candidate no search of this question found (one the conversation brings: an earlier turn's,
 * a choice offered before), with only the features given.
 */
export function bareHit(id: string, known: Partial<CandidateFeatures> = {}): SearchHit {
  return {
    id,
    score: 0,
    relevance: 0,
    nameCoverage: 0,
    literalCoverage: 0,
    phraseMatch: 0,
    features: { ...emptyCandidateFeatures(), ...known },
    reasons: [],
  };
}

const ITEM_FIELDS: FieldSpec[] = [
  { name: 'name', weight: 4, b: 0.4 },
  { name: 'aliases', weight: 3, b: 0.3 },
  { name: 'themes', weight: 0.8, b: 0.5 },
  { name: 'conditions', weight: 0.5, b: 0.75 },
  { name: 'materials', weight: 0.3, b: 0.75 },
  { name: 'department', weight: 0.4, b: 0.5 },
  { name: 'type', weight: 0.2, b: 0 },
  { name: 'process', weight: 0.15, b: 0.75 },
];

/** How many keyword hits of a question are considered by the ranker. */
const CANDIDATE_POOL = 30;

/** How many of the best keyword hits are contrasted with each other. */
const CONTRAST_CANDIDATES = 5;

/**
 * Queries of the most recent texts kept by a search: a conversation's earlier turns are searched
 * again on each of its turns, and a hall hears the same questions all day. Each holds a few hundred
 * tokens and the earlier turns' candidates found for it, some tens of kilobytes in all.
 */
export const QUERY_CACHE_SIZE = 256;

const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  aliases: '别名',
  themes: '一件事',
  conditions: '受理条件',
  materials: '申请材料',
  department: '实施部门',
  type: '事项类型',
  process: '办理流程',
  question: '问题',
  answer: '答复',
  description: '说明',
  items: '包含事项',
  text: '正文',
  title: '标题',
};

/** Weight of each token family in a question, and in the lexicon's expansions of it. */
const QUERY_WEIGHTS: Record<TokenFamily, number> = { w: 1, b: 1, c: 0.3, p: 0.45, s: 0.3 };
const EXPANSION_WEIGHTS: Record<TokenFamily, number> = { w: 0.7, b: 0.55, c: 0, p: 0, s: 0 };
/**
 * Weight of the synonym graph's neighbours of a question word, times the edge's weight (≤ 1): below
 * the lexicon's expansions, because a shared English gloss is weaker evidence than a hand entry. A
 * one-character neighbour (犬) can only meet the catalog as a character token.
 */
const SYNONYM_WEIGHTS: Record<TokenFamily, number> = { w: 0.5, b: 0.4, c: 0.25, p: 0, s: 0 };
/**
 * Least edge weight through which a one-character question word is expanded: 0.5 is the specificity of
 * a gloss shared by eight words, the median size of glosses that join two characters.
 */
const SYNONYM_MIN_CHARACTER_WEIGHT = 0.5;
/**
 * Weight of the Chinese words of the question's English words (knowledge/text/english-dictionary.ts),
 * times the translation's weight (≤ 1). A translation is a synonym across languages, found through the
 * same CC-CEDICT glosses and weighted as the synonym graph weights an edge, so it weighs what a
 * neighbour weighs: below the question's own Chinese and the lexicon's hand entries. A one-character
 * translation ("dog" → 犬) meets the catalog as a character token, and only when it is at least as
 * sure as a one-character synonym must be. Translations count towards name coverage (`own`), as the
 * lexicon's terms do, but never as the question's literal words: without them a name matched only
 * in English is a name match without coverage, which the fitted ranker reads as weak evidence.
 */
const ENGLISH_WEIGHTS: Record<TokenFamily, number> = SYNONYM_WEIGHTS;
const ENGLISH_MIN_CHARACTER_WEIGHT = SYNONYM_MIN_CHARACTER_WEIGHT;

/**
 * The tokens of a question for search. Read-only: a search keeps the queries of repeated texts
 * (`CatalogSearch.query`) and hands the same object out again.
 */
export interface QueryTokens {
  readonly weights: ReadonlyMap<string, number>;
  /**
   * The question's tokens and those of the lexicon's expansions and of its English words'
   * translations, for coverage (an English question has no Chinese of its own to cover a name with).
   */
  readonly own: ReadonlySet<string>;
  /** The question's own tokens only. */
  readonly literal: ReadonlySet<string>;
  readonly expansions: readonly string[];
  /** Words of the question (two characters or more) and the lexicon's terms, to find whole in names. */
  readonly phrases: readonly string[];
  /** Lexicon keys found in the question ("房本", "开饭店"). */
  readonly keys: readonly string[];
  /** Synonym-graph neighbours of the question's words that the catalog uses ("犬" for "狗"). */
  readonly synonyms: readonly string[];
  /** Chinese words of the question's English words that the catalog uses ("执照" for "license"). */
  readonly translations: readonly string[];
}

/** The synonym graph and the vocabulary it may expand into (words the searched documents use). */
export interface SynonymExpansion {
  graph: SynonymGraph;
  knows: (token: string) => boolean;
}

/** The English dictionary and the vocabulary it may translate into (words the searched documents use). */
export interface EnglishExpansion {
  dictionary: EnglishDictionary;
  knows: (token: string) => boolean;
}

export function buildQuery(
  text: string,
  lexicon?: Lexicon,
  synonyms?: SynonymExpansion,
  english?: EnglishExpansion,
): QueryTokens {
  const weights = new Map<string, number>();
  const put = (token: string, weight: number) => {
    if (weight > (weights.get(token) ?? 0)) weights.set(token, weight);
  };
  const own = new Set<string>();
  for (const token of tokenize(text)) {
    put(token, QUERY_WEIGHTS[tokenFamily(token)]);
    own.add(token);
  }
  const literal = new Set(own);
  const expansions: string[] = [];
  const phrases = new Set<string>();
  for (const token of own) if (token.startsWith('w:') && [...token].length >= 4) phrases.add(token.slice(2));
  const normalized = normalizeForMatch(text);
  // Also without measure words, so "注册个公司" meets the key "注册公司".
  const loose = normalized.replace(/一?[个家间座栋套]/gu, '');
  const matches = lexicon
    ? [...lexicon.match(normalized), ...(loose !== normalized ? lexicon.match(loose) : [])]
    : [];
  for (const match of matches) {
    for (const expansion of match.expansions) {
      expansions.push(expansion);
      phrases.add(normalizeForMatch(expansion));
      for (const token of tokenize(expansion, ['w', 'b'])) {
        put(token, EXPANSION_WEIGHTS[tokenFamily(token)]);
        own.add(token);
      }
    }
  }
  const neighbours = synonyms ? expandSynonyms(literal, synonyms) : new Map<string, number>();
  for (const [word, weight] of neighbours) {
    const tokens = [...word].length === 1 ? [`c:${word}`] : tokenize(word, ['w', 'b']);
    for (const token of tokens) put(token, SYNONYM_WEIGHTS[tokenFamily(token)] * weight);
  }
  const translations = english ? translateEnglish(text, literal, english) : new Map<string, number>();
  for (const [word, weight] of translations) {
    const tokens = [...word].length === 1 ? [`c:${word}`] : tokenize(word, ['w', 'b']);
    for (const token of tokens) {
      put(token, ENGLISH_WEIGHTS[tokenFamily(token)] * weight);
      own.add(token);
    }
  }
  return {
    weights,
    own,
    literal,
    expansions,
    phrases: [...phrases],
    keys: matches.map((match) => match.key),
    synonyms: [...neighbours.keys()],
    translations: [...translations.keys()],
  };
}

/**
 * Chinese words for the English words of a question that the catalog uses, with the strongest
 * translation weight that led to each. In each run of latin words the longest phrase the dictionary
 * knows is taken first (up to `MAX_PHRASE_WORDS` words: "driver license" is 驾照, not 司机 and 执照),
 * and its words are then used up, whether or not the catalog knows its translations; words no phrase
 * covers are looked up alone. As with synonyms, the catalog's vocabulary filters the translations.
 */
function translateEnglish(
  text: string,
  literal: ReadonlySet<string>,
  english: EnglishExpansion,
): Map<string, number> {
  const found = new Map<string, number>();
  for (const run of englishRuns(text)) {
    let start = 0;
    while (start < run.length) {
      let used = 1;
      for (let length = Math.min(MAX_PHRASE_WORDS, run.length - start); length >= 1; length -= 1) {
        const translations = english.dictionary.lookup(run.slice(start, start + length).join(' '));
        if (!translations.length) continue;
        used = length;
        for (const { word, weight } of translations) {
          const character = [...word].length === 1;
          if (character && weight < ENGLISH_MIN_CHARACTER_WEIGHT) continue;
          const key = character ? `c:${word}` : `w:${word}`;
          if (literal.has(key) || !english.knows(key)) continue;
          if (weight > (found.get(word) ?? 0)) found.set(word, weight);
        }
        break;
      }
      start += used;
    }
  }
  return found;
}

/**
 * Neighbours of the question's words (jieba words; a one-character word is a word of its own in the
 * question, since jieba's search mode only adds sub-words of two or three characters) that the
 * catalog uses, with the strongest edge weight that led to each. Filtering by the catalog's own
 * vocabulary is what makes the graph useful in both directions: the question's 狗 reaches the
 * catalog's 犬 over the same symmetric edge by which a question's 犬 would reach a catalog's 狗, so
 * catalog texts need no expansion of their own.
 */
function expandSynonyms(literal: ReadonlySet<string>, synonyms: SynonymExpansion): Map<string, number> {
  const found = new Map<string, number>();
  for (const token of literal) {
    if (!token.startsWith('w:')) continue;
    const word = token.slice(2);
    if (!/^\p{Script=Han}+$/u.test(word)) continue;
    // A character has many senses; only its closest neighbours are trusted (狗 → 犬, not 开 → 跑).
    const least = [...word].length === 1 ? SYNONYM_MIN_CHARACTER_WEIGHT : 0;
    for (const neighbour of synonyms.graph.neighbours(word)) {
      if (neighbour.weight < least) continue;
      const key = [...neighbour.word].length === 1 ? `c:${neighbour.word}` : `w:${neighbour.word}`;
      if (literal.has(key) || !synonyms.knows(key)) continue;
      if (neighbour.weight > (found.get(neighbour.word) ?? 0)) found.set(neighbour.word, neighbour.weight);
    }
  }
  return found;
}

/** The whole text of an item as one field: name, aliases, conditions, materials, department. */
function plainText(item: ServiceItem): string {
  return [
    item.name,
    ...item.aliases,
    ...item.conditions,
    ...item.materials.map((m) => m.name),
    item.department,
  ].join('。');
}

export function itemFields(item: ServiceItem): Record<string, string[]> {
  const join = (values: string[]) => values.join('。');
  return {
    name: tokenize(item.name),
    aliases: tokenize(join(item.aliases)),
    themes: tokenize(join(item.themes), ['w', 'b']),
    conditions: tokenize(join(item.conditions), ['w', 'b']),
    materials: tokenize(join(item.materials.map((material) => material.name)), ['w', 'b']),
    department: tokenize(item.department, ['w', 'b']),
    type: tokenize(item.type, ['w']),
    process: tokenize(join(item.process), ['w']),
  };
}

export interface CatalogSearchOptions {
  items: ServiceItem[];
  themes?: Theme[];
  lexicon?: Lexicon;
  /** General synonyms (knowledge/text/synonym-graph.ts), expanded into the catalog's own words. */
  synonyms?: SynonymGraph;
  /** English → Chinese (knowledge/text/english-dictionary.ts), translated into the catalog's own words. */
  english?: EnglishDictionary;
  /** Ranker weights; the fitted ones shipped with the project by default. */
  rankWeights?: RankWeights;
}

export class CatalogSearch {
  private readonly itemIndex = new Bm25fIndex(ITEM_FIELDS);
  /** One field of characters and bigrams per item: the plain BM25 signal of the ranker. */
  private readonly plainIndex = new Bm25fIndex([{ name: 'all', weight: 1, b: 0.75 }]);
  private readonly themeIndex = new Bm25fIndex([
    { name: 'name', weight: 4, b: 0.3 },
    { name: 'aliases', weight: 3, b: 0.3 },
    { name: 'items', weight: 0.6, b: 0.5 },
    { name: 'description', weight: 0.4, b: 0.75 },
  ]);
  /** The name forms of every item and theme (`kind:id`), for name coverage. */
  private readonly forms = new NameForms();
  /** Normalised names and aliases per `kind:id`, for whole-phrase matching. */
  private readonly names = new Map<string, string[]>();
  /** Words of those names, so a two-character phrase must be a word there ("办结" is not in "办结婚证"). */
  private readonly nameWords = new Map<string, Set<string>>();
  /** All tokens of the official name alone, for contrasting close candidates. */
  private readonly nameTokens = new Map<string, Set<string>>();
  private readonly phraseFrequency = new Map<string, number>();
  private readonly lexicon?: Lexicon;
  private readonly synonyms?: SynonymExpansion;
  private readonly english?: EnglishExpansion;
  /** The fitted linear score of a candidate's features. */
  private readonly score: (features: CandidateFeatures) => number;
  private readonly queries = new LruCache<string, QueryTokens>(QUERY_CACHE_SIZE);
  /** The earlier turns' candidates of a query, for as long as the query is kept. */
  private readonly contexts = new WeakMap<QueryTokens, ContextHit[]>();

  constructor(options: CatalogSearchOptions) {
    this.lexicon = options.lexicon;
    if (options.synonyms) {
      this.synonyms = {
        graph: options.synonyms,
        knows: (token) => this.itemIndex.documentFrequency(token) > 0,
      };
    }
    if (options.english) {
      this.english = {
        dictionary: options.english,
        knows: (token) => this.itemIndex.documentFrequency(token) > 0,
      };
    }
    const names = new Map(options.items.map((item) => [item.id, item.name]));
    this.score = candidateScorer(options.rankWeights ?? loadRankWeights());
    const intern = createInterner();
    for (const item of options.items) {
      const fields = Object.fromEntries(
        Object.entries(itemFields(item)).map(([field, tokens]) => [field, intern(tokens)]),
      );
      this.itemIndex.add({ id: item.id, fields });
      this.plainIndex.add({ id: item.id, fields: { all: intern(tokenize(plainText(item), ['b', 'c'])) } });
      this.forms.add(`item:${item.id}`, [item.name, ...item.aliases]);
      this.setNames(`item:${item.id}`, [item.name, ...item.aliases]);
      this.nameTokens.set(`item:${item.id}`, new Set(tokenize(item.name)));
    }
    for (const theme of options.themes ?? []) {
      this.themeIndex.add({
        id: theme.id,
        fields: {
          name: tokenize(theme.name),
          aliases: tokenize(theme.aliases.join('。')),
          items: tokenize(theme.items.map((id) => names.get(id) ?? '').join('。'), ['w', 'b']),
          description: tokenize(theme.description ?? '', ['w', 'b']),
        },
      });
      this.forms.add(`theme:${theme.id}`, [theme.name, ...theme.aliases]);
      this.setNames(`theme:${theme.id}`, [theme.name, ...theme.aliases]);
      this.nameTokens.set(`theme:${theme.id}`, new Set(tokenize(theme.name)));
    }
    // The indexes are complete: their postings are trimmed, name forms weighed by their final IDFs.
    this.itemIndex.compact();
    this.plainIndex.compact();
    this.themeIndex.compact();
    this.forms.weigh('item:', (token) => this.itemIndex.idf(token));
    this.forms.weigh('theme:', (token) => this.themeIndex.idf(token));
  }

  /** The query of a text (the same object for a text asked again recently: it must not be changed). */
  query(text: string): QueryTokens {
    return this.queries.through(text, () => buildQuery(text, this.lexicon, this.synonyms, this.english));
  }

  /**
   * How much a word tells: its IDF over the catalog's items (a one-character word as a character),
   * highest for a word no item uses. Other searches over the hall's texts borrow it, being too small
   * to weigh words themselves.
   */
  wordWeight(word: string): number {
    return this.itemIndex.idf([...word].length === 1 ? `c:${word}` : `w:${word}`);
  }

  /**
   * Words of the question (two characters or more) that no item mentions anywhere and no lexicon
   * entry explains ("火星", "商标" in a catalog without trademarks): signs that the question is about
   * something the catalog does not hold.
   */
  unknownWords(query: QueryTokens): string[] {
    const words = [...query.literal].filter((token) => token.startsWith('w:')).map((token) => token.slice(2));
    return words.filter(
      (word) =>
        [...word].length >= 2 &&
        /\p{Script=Han}/u.test(word) &&
        this.itemIndex.documentFrequency(`w:${word}`) === 0 &&
        this.itemIndex.documentFrequency(`b:${[...word].slice(0, 2).join('')}`) === 0 &&
        !query.keys.some((key) => key.includes(word) || word.includes(key)),
    );
  }

  searchItems(query: QueryTokens, limit = 10): SearchHit[] {
    return this.rank(this.itemIndex, 'item', query, limit);
  }

  searchThemes(query: QueryTokens, limit = 3): SearchHit[] {
    return this.rank(this.themeIndex, 'theme', query, limit);
  }

  /**
   * The candidates of a question with their features, not yet ordered: the caller may add features
   * the index does not know (vector similarity, the conversation) before `rankHits` orders them.
   */
  itemCandidates(query: QueryTokens, pool = CANDIDATE_POOL): SearchHit[] {
    return this.candidates(this.itemIndex, 'item', query, pool);
  }

  /**
   * Plain BM25 over the characters and bigrams of each item's whole text, relative to the best
   * item (0…1), for the `pool` best items: the off-the-shelf CJK search the ranker reads as a signal.
   */
  plainScores(query: QueryTokens, pool = CANDIDATE_POOL): Map<string, number> {
    const plainQuery = new Map<string, number>();
    for (const token of query.literal) {
      if (token.startsWith('b:') || token.startsWith('c:')) plainQuery.set(token, 1);
    }
    const scores = new Map<string, number>();
    const hits = this.plainIndex.search(plainQuery, pool, { matched: false });
    for (const hit of hits) scores.set(hit.id, hit.score / hits[0].score);
    return scores;
  }

  /** Orders candidates by the fitted linear score of their features, best first. */
  rankHits(hits: SearchHit[], limit: number): SearchHit[] {
    // The sort is stable: candidates of equal score keep the order they came in.
    return hits
      .map((hit) => ({ hit, score: this.score(hit.features) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ hit, score }) => ({ ...hit, score }));
  }

  /** Whether a word or bigram the question itself wrote is part of a name of the item. */
  namesItem(query: QueryTokens, id: string): boolean {
    return this.forms.withQuery(query.own, query.literal, (names) => names.literalBigram(`item:${id}`));
  }

  /**
   * Whether the question says nothing that tells two candidates apart by name: the tokens of the
   * question (with the lexicon's terms) found in the names of the one are exactly those found in
   * the names of the other, and there are some ("公积金提取" against 住房公积金提取（租房）and
   * （购房）). Then the question, not the ranker, must decide.
   */
  indistinguishable(query: QueryTokens, firstId: string, secondId: string): boolean {
    return this.forms.withQuery(query.own, query.literal, (names) => {
      const first = names.ownTokens(`item:${firstId}`);
      const second = names.ownTokens(`item:${secondId}`);
      return first.size > 0 && first.size === second.size && [...first].every((token) => second.has(token));
    });
  }

  /**
   * How much of the question the candidate explains: the IDF-weighted share of the question's own
   * words and bigrams found anywhere in the item's fields (0…1).
   */
  questionCoverage(query: QueryTokens, id: string): number {
    const informative = this.informativeTokens(this.itemIndex, query);
    return coverageOfQuestion(informative, this.itemIndex.fieldMatcher(query.weights)(id));
  }

  /**
   * The keyword candidates of the earlier turns' text, each with its BM25F score relative to the
   * best one (0…1): the conversation's evidence for the ranker. The same candidates, in the same
   * order, as `itemCandidates`, whose other features the conversation does not need. Found once
   * per query while the query is kept (see `query`): the next turn reads the same earlier turns.
   */
  contextCandidates(query: QueryTokens): readonly ContextHit[] {
    let candidates = this.contexts.get(query);
    if (!candidates) {
      candidates = this.findContextCandidates(query);
      this.contexts.set(query, candidates);
    }
    return candidates;
  }

  private findContextCandidates(query: QueryTokens): ContextHit[] {
    const { hits, found } = this.keywordHits(this.itemIndex, 'item', query, CANDIDATE_POOL);
    if (!hits.length) return [];
    const top = hits[0].score > 0 ? hits[0].score : 1;
    const best = hits[0].score / top;
    let match: ((id: string) => FieldMatch) | undefined;
    return hits.map((hit, position) => {
      let reasons: string[] | undefined;
      return {
        id: hit.id,
        context: best > 0 ? hit.score / top / best : 0,
        reasons: () => {
          if (!reasons) {
            match ??= this.itemIndex.fieldMatcher(query.weights);
            reasons = position < found ? reasonsOf(match(hit.id).matched) : [];
          }
          return [...reasons];
        },
      };
    });
  }

  private rank(index: Bm25fIndex, kind: string, query: QueryTokens, limit: number): SearchHit[] {
    return this.rankHits(this.candidates(index, kind, query, Math.max(limit * 4, 20)), limit);
  }

  /**
   * The BM25F hits of a question and, for items, after them the plain BM25 hits that BM25F did not
   * return (score 0), so that what a plain search finds is ranked too; `found` hits came from BM25F.
   */
  private keywordHits(
    index: Bm25fIndex,
    kind: string,
    query: QueryTokens,
    pool: number,
  ): { hits: Bm25fHit[]; found: number; plain: Map<string, number> } {
    const hits = index.search(query.weights, pool, { matched: false });
    const found = hits.length;
    const plain = kind === 'item' ? this.plainScores(query, pool) : new Map<string, number>();
    if (kind === 'item') {
      const known = new Set(hits.map((hit) => hit.id));
      for (const id of plain.keys()) if (!known.has(id)) hits.push({ id, score: 0, matched: {} });
    }
    return { hits, found, plain };
  }

  private candidates(index: Bm25fIndex, kind: string, query: QueryTokens, pool: number): SearchHit[] {
    const { hits, found, plain } = this.keywordHits(index, kind, query, pool);
    if (!hits.length) return [];
    let ceiling = 0;
    for (const [token, weight] of query.weights) ceiling += weight * index.idf(token);
    const top = hits[0].score > 0 ? hits[0].score : 1;
    const contrasts = this.contrast(
      hits.slice(0, CONTRAST_CANDIDATES).map((hit) => `${kind}:${hit.id}`),
      query,
      index,
    );
    const match = index.fieldMatcher(query.weights);
    const matches = hits.map((hit) => match(hit.id));
    const fieldMaxima = new Map<string, number>();
    for (const { scores } of matches) {
      for (const [field, value] of Object.entries(scores)) {
        fieldMaxima.set(field, Math.max(fieldMaxima.get(field) ?? 0, value));
      }
    }
    const relativeField = (scores: Record<string, number>, field: string): number => {
      const maximum = fieldMaxima.get(field) ?? 0;
      return maximum > 0 ? (scores[field] ?? 0) / maximum : 0;
    };
    // Only items explain the question with their whole text (a theme has no fields of its own).
    const informative = kind === 'item' ? this.informativeTokens(index, query) : undefined;
    const phrases = this.rarePhrases(query);
    return this.forms.withQuery(query.own, query.literal, (names) =>
      hits.map((hit, position) => {
        const key = `${kind}:${hit.id}`;
        const { scores, matched } = matches[position];
        const coverage = names.coverage(key);
        const features = emptyCandidateFeatures();
        features.bm25f = hit.score / top;
        features.relevance = ceiling > 0 ? Math.min(1, hit.score / ceiling) : 0;
        features.nameCoverage = coverage.own;
        features.literalCoverage = coverage.literal;
        features.phraseMatch = this.phraseMatch(key, phrases);
        features.contrast = contrasts.get(key) ?? 0;
        features.fieldName = relativeField(scores, 'name');
        features.fieldAliases = relativeField(scores, 'aliases');
        features.fieldThemes = relativeField(scores, 'themes');
        features.fieldConditions = relativeField(scores, 'conditions');
        features.fieldMaterials = relativeField(scores, 'materials');
        features.fieldDepartment = relativeField(scores, 'department');
        features.fieldProcess = relativeField(scores, 'process');
        features.questionCoverage = informative ? coverageOfQuestion(informative, matches[position]) : 0;
        features.plain = plain.get(hit.id) ?? 0;
        return {
          id: hit.id,
          score: 0,
          relevance: features.relevance,
          nameCoverage: features.nameCoverage,
          literalCoverage: features.literalCoverage,
          phraseMatch: features.phraseMatch,
          features,
          reasons: position < found ? reasonsOf(matched) : [],
        };
      }),
    );
  }

  /**
   * The question's own words and bigrams that the catalog uses, with their IDF weights (in the
   * order of `query.weights`, whose positions they keep) and the sum of those weights. Tokens the
   * catalog never uses carry no evidence for any item; they count as unexplained content elsewhere,
   * not against a candidate.
   */
  private informativeTokens(index: Bm25fIndex, query: QueryTokens): InformativeTokens {
    const positions = new Map<string, number>();
    let position = 0;
    for (const token of query.weights.keys()) positions.set(token, position++);
    const tokens: InformativeTokens['tokens'] = [];
    let total = 0;
    for (const token of query.literal) {
      const family = tokenFamily(token);
      if (family !== 'w' && family !== 'b') continue;
      if (index.documentFrequency(token) === 0) continue;
      const weight = index.idf(token);
      total += weight;
      tokens.push({ position: positions.get(token) ?? -1, weight });
    }
    return { tokens, total };
  }

  /**
   * What tells close candidates apart: the question's tokens found in one candidate's name but not in
   * the names of the others ("补" in "社会保障卡挂失与补换" against "社会保障卡申领"; "注销", "购房",
   * "首次"). Each candidate gets the IDF-weighted share of such distinguishing tokens it holds (0…1).
   */
  private contrast(keys: string[], query: QueryTokens, index: Bm25fIndex): Map<string, number> {
    const result = new Map<string, number>();
    if (keys.length < 2) return result;
    const tokenSets = keys.map((key) => this.nameTokens.get(key) ?? new Set<string>());
    let total = 0;
    const held = keys.map(() => 0);
    for (const token of query.own) {
      if (token.startsWith('s:')) continue;
      const holders = tokenSets.map((tokens) => tokens.has(token));
      const count = holders.filter(Boolean).length;
      if (count === 0 || count === keys.length) continue;
      const weight = index.idf(token) * (1 - count / keys.length);
      total += weight;
      holders.forEach((holds, position) => {
        if (holds) held[position] += weight;
      });
    }
    if (total > 0) keys.forEach((key, position) => result.set(key, held[position] / total));
    return result;
  }

  private setNames(key: string, names: string[]): void {
    this.names.set(key, names.map(normalizeForMatch));
    const words = new Set<string>();
    for (const name of names) for (const token of tokenize(name, ['w'])) words.add(token.slice(2));
    this.nameWords.set(key, words);
  }

  /**
   * The question's phrases of two characters or more that may count as a phrase match, with their
   * length and the match each gives: only phrases that tell items apart, found in a few names, not
   * in many ("登记", "许可").
   */
  private rarePhrases(query: QueryTokens): RarePhrase[] {
    const phrases: RarePhrase[] = [];
    for (const phrase of query.phrases) {
      const length = [...phrase].length;
      if (length < 2) continue;
      phrases.push({ phrase, length, match: Math.min(1, 0.45 + 0.08 * length) });
    }
    return phrases;
  }

  private phraseMatch(key: string, phrases: RarePhrase[]): number {
    const names = this.names.get(key) ?? [];
    let best = 0;
    for (const { phrase, length, match } of phrases) {
      if (!names.some((name) => name.includes(phrase))) continue;
      if (length === 2 && !this.nameWords.get(key)?.has(phrase)) continue;
      if (this.frequencyOfPhrase(phrase) > Math.max(3, this.names.size * 0.04)) continue;
      best = Math.max(best, match);
    }
    return best;
  }

  private frequencyOfPhrase(phrase: string): number {
    let frequency = this.phraseFrequency.get(phrase);
    if (frequency === undefined) {
      frequency = 0;
      for (const names of this.names.values()) {
        if (names.some((name) => name.includes(phrase))) frequency += 1;
      }
      if (this.phraseFrequency.size > 100_000) this.phraseFrequency.clear();
      this.phraseFrequency.set(phrase, frequency);
    }
    return frequency;
  }
}

/** A candidate of the earlier turns' text (see `CatalogSearch.contextCandidates`). */
export interface ContextHit {
  id: string;
  /** BM25F score relative to the best candidate of the earlier turns (0…1). */
  context: number;
  /** The candidate's match, as `SearchHit.reasons` says it (computed on demand). */
  reasons: () => string[];
}

interface InformativeTokens {
  /** Each token's position in the query and its IDF weight. */
  tokens: Array<{ position: number; weight: number }>;
  total: number;
}

interface RarePhrase {
  phrase: string;
  length: number;
  /** The phrase match it gives (longer phrases count more). */
  match: number;
}

/** The IDF-weighted share of the informative tokens that the candidate holds in any field (0…1). */
function coverageOfQuestion(informative: InformativeTokens, match: FieldMatch): number {
  let covered = 0;
  for (const { position, weight } of informative.tokens) if (match.holds(position)) covered += weight;
  return informative.total > 0 ? covered / informative.total : 0;
}

/** "名称: 社保、卡" for each field that matched, with up to six of its tokens. */
function reasonsOf(matched: Record<string, string[]>): string[] {
  const reasons: string[] = [];
  for (const [field, tokens] of Object.entries(matched)) {
    const shown: string[] = [];
    for (const token of tokens) {
      const word = token.slice(2);
      if (shown.includes(word)) continue;
      shown.push(word);
      if (shown.length === 6) break;
    }
    reasons.push(`${FIELD_LABELS[field] ?? field}: ${shown.join('、')}`);
  }
  return reasons;
}
