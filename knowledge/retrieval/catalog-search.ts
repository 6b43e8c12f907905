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
import { Bm25fIndex, type FieldSpec } from './bm25f-index.ts';
import { createInterner, tokenize, tokenFamily, type TokenFamily } from './tokenize.ts';
import {
  emptyCandidateFeatures,
  loadRankWeights,
  scoreCandidate,
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

export interface QueryTokens {
  weights: Map<string, number>;
  /**
   * The question's tokens and those of the lexicon's expansions and of its English words'
   * translations, for coverage (an English question has no Chinese of its own to cover a name with).
   */
  own: Set<string>;
  /** The question's own tokens only. */
  literal: Set<string>;
  expansions: string[];
  /** Words of the question (two characters or more) and the lexicon's terms, to find whole in names. */
  phrases: string[];
  /** Lexicon keys found in the question ("房本", "开饭店"). */
  keys: string[];
  /** Synonym-graph neighbours of the question's words that the catalog uses ("犬" for "狗"). */
  synonyms: string[];
  /** Chinese words of the question's English words that the catalog uses ("执照" for "license"). */
  translations: string[];
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
  literal: Set<string>,
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
function expandSynonyms(literal: Set<string>, synonyms: SynonymExpansion): Map<string, number> {
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

/**
 * Names under which an item is known (its name and each alias), each as two token sets: how it is
 * written (bigrams and characters) and how it sounds (pinyin bigrams, trusted a little less).
 */
interface NameForm {
  tokens: Set<string>;
  trust: number;
  /** Each token with its coverage weight, and their sum; computed on first use (the index is complete then). */
  weighted?: { tokens: Array<[token: string, weight: number]>; total: number };
}

/** A name form's tokens with their IDF weights (single characters count less than bigrams). */
function weighForm(form: NameForm, index: Bm25fIndex): NonNullable<NameForm['weighted']> {
  const tokens: Array<[string, number]> = [];
  let total = 0;
  for (const token of form.tokens) {
    const weight = index.idf(token) * (token.startsWith('c:') ? 0.3 : 1);
    tokens.push([token, weight]);
    total += weight;
  }
  return { tokens, total };
}

function nameForms(names: string[]): NameForm[] {
  return names
    .flatMap((name) => [
      { tokens: new Set(tokenize(name, ['b', 'c'])), trust: 1 },
      { tokens: new Set(tokenize(name, ['p'])), trust: 0.85 },
      { tokens: new Set(tokenize(name, ['s', 'c'])), trust: 0.75 },
    ])
    .filter((form) => form.tokens.size > 0);
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
  private readonly forms = new Map<string, NameForm[]>();
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
  /** Every token of every field, per `kind:id`, for how much of a question a candidate explains. */
  private readonly allTokens = new Map<string, Set<string>>();
  private readonly weights: RankWeights;

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
    this.weights = options.rankWeights ?? loadRankWeights();
    const intern = createInterner();
    for (const item of options.items) {
      const fields = Object.fromEntries(
        Object.entries(itemFields(item)).map(([field, tokens]) => [field, intern(tokens)]),
      );
      this.itemIndex.add({ id: item.id, fields });
      this.plainIndex.add({ id: item.id, fields: { all: intern(tokenize(plainText(item), ['b', 'c'])) } });
      this.allTokens.set(`item:${item.id}`, new Set(Object.values(fields).flat()));
      this.forms.set(`item:${item.id}`, nameForms([item.name, ...item.aliases]));
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
      this.forms.set(`theme:${theme.id}`, nameForms([theme.name, ...theme.aliases]));
      this.setNames(`theme:${theme.id}`, [theme.name, ...theme.aliases]);
      this.nameTokens.set(`theme:${theme.id}`, new Set(tokenize(theme.name)));
    }
  }

  query(text: string): QueryTokens {
    return buildQuery(text, this.lexicon, this.synonyms, this.english);
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
    const hits = this.plainIndex.search(plainQuery, pool);
    for (const hit of hits) scores.set(hit.id, hit.score / hits[0].score);
    return scores;
  }

  /** BM25F over the item fields, relative to the best item (0…1), for the `pool` best items. */
  keywordScores(query: QueryTokens, pool = CANDIDATE_POOL): Map<string, number> {
    const scores = new Map<string, number>();
    const hits = this.itemIndex.search(query.weights, pool);
    for (const hit of hits) if (hits[0].score > 0) scores.set(hit.id, hit.score / hits[0].score);
    return scores;
  }

  /** Orders candidates by the fitted linear score of their features, best first. */
  rankHits(hits: SearchHit[], limit: number): SearchHit[] {
    return hits
      .map((hit) => ({ ...hit, score: scoreCandidate(hit.features, this.weights) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  /** Whether a word or bigram the question itself wrote is part of a name of the item. */
  namesItem(query: QueryTokens, id: string): boolean {
    for (const form of this.forms.get(`item:${id}`) ?? []) {
      for (const token of form.tokens) {
        if ((token.startsWith('b:') || token.startsWith('w:')) && query.literal.has(token)) return true;
      }
    }
    return false;
  }

  /**
   * Whether the question says nothing that tells two candidates apart by name: the tokens of the
   * question (with the lexicon's terms) found in the names of the one are exactly those found in
   * the names of the other, and there are some ("公积金提取" against 住房公积金提取（租房）and
   * （购房）). Then the question, not the ranker, must decide.
   */
  indistinguishable(query: QueryTokens, firstId: string, secondId: string): boolean {
    const matched = (id: string): Set<string> => {
      const found = new Set<string>();
      for (const form of this.forms.get(`item:${id}`) ?? []) {
        for (const token of form.tokens) if (query.own.has(token)) found.add(token);
      }
      return found;
    };
    const first = matched(firstId);
    const second = matched(secondId);
    return first.size > 0 && first.size === second.size && [...first].every((token) => second.has(token));
  }

  /**
   * How much of the question the candidate explains: the IDF-weighted share of the question's own
   * words and bigrams found anywhere in the item's fields (0…1).
   */
  questionCoverage(query: QueryTokens, id: string): number {
    return this.coverageOfQuestion(this.itemIndex, `item:${id}`, query);
  }

  private rank(index: Bm25fIndex, kind: string, query: QueryTokens, limit: number): SearchHit[] {
    return this.rankHits(this.candidates(index, kind, query, Math.max(limit * 4, 20)), limit);
  }

  private candidates(index: Bm25fIndex, kind: string, query: QueryTokens, pool: number): SearchHit[] {
    const hits = index.search(query.weights, pool);
    // Items: the plain BM25 candidates join the pool, so that what a plain search finds is ranked too.
    const plain = kind === 'item' ? this.plainScores(query, pool) : new Map<string, number>();
    if (kind === 'item') {
      const known = new Set(hits.map((hit) => hit.id));
      for (const id of plain.keys()) if (!known.has(id)) hits.push({ id, score: 0, matched: {} });
    }
    if (!hits.length) return [];
    let ceiling = 0;
    for (const [token, weight] of query.weights) ceiling += weight * index.idf(token);
    const top = hits[0].score > 0 ? hits[0].score : 1;
    const contrasts = this.contrast(
      hits.slice(0, CONTRAST_CANDIDATES).map((hit) => `${kind}:${hit.id}`),
      query,
      index,
    );
    const fieldScores = hits.map((hit) => index.fieldScores(hit.id, query.weights));
    const fieldMaxima = new Map<string, number>();
    for (const scores of fieldScores) {
      for (const [field, value] of Object.entries(scores)) {
        fieldMaxima.set(field, Math.max(fieldMaxima.get(field) ?? 0, value));
      }
    }
    const relativeField = (scores: Record<string, number>, field: string): number => {
      const maximum = fieldMaxima.get(field) ?? 0;
      return maximum > 0 ? (scores[field] ?? 0) / maximum : 0;
    };
    return hits.map((hit, position) => {
      const key = `${kind}:${hit.id}`;
      const scores = fieldScores[position];
      const features = emptyCandidateFeatures();
      features.bm25f = hit.score / top;
      features.relevance = ceiling > 0 ? Math.min(1, hit.score / ceiling) : 0;
      features.nameCoverage = this.coverage(key, query.own, index);
      features.literalCoverage = this.coverage(key, query.literal, index);
      features.phraseMatch = this.phraseMatch(key, query);
      features.contrast = contrasts.get(key) ?? 0;
      features.fieldName = relativeField(scores, 'name');
      features.fieldAliases = relativeField(scores, 'aliases');
      features.fieldThemes = relativeField(scores, 'themes');
      features.fieldConditions = relativeField(scores, 'conditions');
      features.fieldMaterials = relativeField(scores, 'materials');
      features.fieldDepartment = relativeField(scores, 'department');
      features.fieldProcess = relativeField(scores, 'process');
      features.questionCoverage = this.coverageOfQuestion(index, key, query);
      features.plain = plain.get(hit.id) ?? 0;
      const reasons = Object.entries(hit.matched).map(
        ([field, tokens]) =>
          `${FIELD_LABELS[field] ?? field}: ${[...new Set(tokens.map((token) => token.slice(2)))].slice(0, 6).join('、')}`,
      );
      return {
        id: hit.id,
        score: 0,
        relevance: features.relevance,
        nameCoverage: features.nameCoverage,
        literalCoverage: features.literalCoverage,
        phraseMatch: features.phraseMatch,
        features,
        reasons,
      };
    });
  }

  private coverageOfQuestion(index: Bm25fIndex, key: string, query: QueryTokens): number {
    const tokens = this.allTokens.get(key);
    if (!tokens) return 0;
    let total = 0;
    let covered = 0;
    for (const token of query.literal) {
      const family = tokenFamily(token);
      if (family !== 'w' && family !== 'b') continue;
      // Tokens the catalog never uses carry no evidence for any item; they count as unexplained
      // content elsewhere, not against this candidate.
      if (index.documentFrequency(token) === 0) continue;
      const weight = index.idf(token);
      total += weight;
      if (tokens.has(token)) covered += weight;
    }
    return total > 0 ? covered / total : 0;
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

  private phraseMatch(key: string, query: QueryTokens): number {
    const names = this.names.get(key) ?? [];
    let best = 0;
    for (const phrase of query.phrases) {
      const length = [...phrase].length;
      if (length < 2 || !names.some((name) => name.includes(phrase))) continue;
      if (length === 2 && !this.nameWords.get(key)?.has(phrase)) continue;
      // Only phrases that tell items apart: found in a few names, not in many ("登记", "许可").
      if (this.frequencyOfPhrase(phrase) > Math.max(3, this.names.size * 0.04)) continue;
      best = Math.max(best, Math.min(1, 0.45 + 0.08 * length));
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

  /** IDF-weighted share of the best-covered name form (name or alias) present in the query. */
  private coverage(key: string, present: Set<string>, index: Bm25fIndex): number {
    let best = 0;
    for (const form of this.forms.get(key) ?? []) {
      form.weighted ??= weighForm(form, index);
      const { tokens, total } = form.weighted;
      if (total <= 0) continue;
      let covered = 0;
      for (const [token, weight] of tokens) if (present.has(token)) covered += weight;
      best = Math.max(best, (form.trust * covered) / total);
    }
    return best;
  }
}
