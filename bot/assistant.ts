/**
 * The bot core: answers one turn of a conversation from the catalog, the hall layout, policy
 * passages and staff knowledge, with no server involved. Understanding → search → decision →
 * composition; every fact in an answer is copied from a record, never generated.
 */
import type { Catalog, ServiceItem, Theme } from '../knowledge/catalog/schema.ts';
import type { Chunk } from '../knowledge/contracts.ts';
import type { Hall } from '../knowledge/hall/schema.ts';
import {
  bareHit,
  CatalogSearch,
  type QueryTokens,
  type SearchHit,
} from '../knowledge/retrieval/catalog-search.ts';
import type { RankWeights } from '../knowledge/retrieval/candidate-ranker.ts';
import { loadDecisionModel, type DecisionModel } from './decide/decision-model.ts';
import { turnFeatures, type TurnFeatureInput, type TurnFeatures } from './decide/turn-features.ts';
import { KnowledgeSearch } from '../knowledge/retrieval/knowledge-search.ts';
import { PassageSearch } from '../knowledge/retrieval/passage-search.ts';
import { loadDefaultLexicon, type Lexicon } from '../knowledge/text/lexicon.ts';
import { generalWordWeight } from '../knowledge/text/word-idf.ts';
import { loadDefaultSynonymGraph, type SynonymGraph } from '../knowledge/text/synonym-graph.ts';
import {
  loadDefaultEnglishDictionary,
  type EnglishDictionary,
} from '../knowledge/text/english-dictionary.ts';
import { composeClarify } from './compose/compose-clarify.ts';
import { composeEscalation } from './compose/compose-escalation.ts';
import { composeItemAnswer, type Composed } from './compose/compose-item.ts';
import { composePrecheckAnswer } from './compose/compose-precheck.ts';
import { composeKnowledgeAnswer } from './compose/compose-knowledge.ts';
import { composePolicyAnswer } from './compose/compose-policy.ts';
import {
  composeGreeting,
  composeNotFound,
  composeOutOfScope,
  composeThanks,
} from './compose/compose-small-talk.ts';
import { composeThemeAnswer } from './compose/compose-theme.ts';
import { composePersonalDataNotice, composeProgressAnswer } from './compose/compose-service-notices.ts';
import { decideTurn, type Decision } from './dialogue/decide-turn.ts';
import type { ChatModel } from './llm/chat-model.ts';
import { collectFactVocabulary } from './llm/fact-vocabulary.ts';
import { rephraseAnswer } from './llm/rephrase-answer.ts';
import { rewriteQuestion } from './llm/rewrite-question.ts';
import { answerHallQuestion } from './hall/answer-hall-question.ts';
import { findPersonalData, maskPersonalData } from './privacy/personal-data.ts';
import { analyzeQuestion, type QuestionAnalysis } from './understanding/analyze-question.ts';
import { dismissesTopic, negatedContent, withoutNegatedContent } from './understanding/negated-content.ts';
import { lifecycleStage, type LifecycleStage } from './understanding/lifecycle-stage.ts';
import { contradiction, conversationStage, nameLikeness, withoutWords } from './dialogue/name-evidence.ts';
import type { Answer, Assistant, DialogueState, Intent, ItemRef, KnowledgeEntry } from './types.ts';
import { emptyDialogueState, exampleQuestions } from './types.ts';

export interface AssistantOptions {
  catalog: Catalog;
  hall: Hall;
  /** Policy clauses (chunks whose source kind is `policy`). */
  policyChunks?: Chunk[];
  knowledge?: KnowledgeEntry[];
  lexicon?: Lexicon;
  /**
   * Optional dense signal: item id → similarity (0…1) of the question to the item, from the vector
   * index. Used to re-rank keyword candidates; never needed.
   */
  vectorScores?: (text: string) => Promise<ReadonlyMap<string, number>>;
  /**
   * Optional language model: it may shorten a rambling question for search and rephrase an answer,
   * but a fact guard keeps the composed text whenever the model's wording changes a fact.
   */
  chatModel?: ChatModel;
  /** General synonyms (the shipped CC-CEDICT graph by default; `false` for none). */
  synonyms?: SynonymGraph | false;
  /** English words → the catalog's Chinese (the shipped CC-CEDICT dictionary; `false` for none). */
  english?: EnglishDictionary | false;
  /** Ranker weights and decision model; the fitted ones shipped with the project by default. */
  rankWeights?: RankWeights;
  decisionModel?: DecisionModel;
  /** Whether earlier turns re-rank the candidates (on by default; off only to measure it). */
  dialogueEvidence?: boolean;
  /** Whether the life-cycle stage (first time, closure, loss …) re-ranks (on by default). */
  lifecycleStage?: boolean;
  /** Called with every turn's features and decision (training, diagnosis). */
  trace?: (turn: TurnTrace) => void;
}

/** Decisions whose wording a language model may polish; the others keep their fixed wording. */
const REPHRASABLE = new Set<Decision['kind']>(['item', 'theme', 'policy', 'knowledge', 'hall']);

const MAX_REMEMBERED_ITEMS = 5;
/** Candidates kept after ranking, and earlier turns remembered as evidence. */
const MAX_CANDIDATES = 5;
const MAX_CONTEXT_TURNS = 3;
/** Candidates of the earlier turns that join the pool even when this turn did not find them. */
const CONTEXT_POOL_LIMIT = 40;
/** How many negated words a conversation remembers. */
const MAX_NEGATED_WORDS = 6;

/** One turn as the decision saw it: for training the fitted decision and for diagnosis. */
export interface TurnTrace {
  text: string;
  /** What the turn features were computed from, besides the ranked candidates. */
  featureInput: Omit<TurnFeatureInput, 'items'>;
  /** Every candidate considered, unordered, with its features. */
  pool: SearchHit[];
  /** The ranked candidates the decision saw. */
  items: SearchHit[];
  features: TurnFeatures;
  decision: Decision;
}

export function createAssistant(options: AssistantOptions): Assistant {
  const lexicon = options.lexicon ?? loadDefaultLexicon();
  const { catalog, hall } = options;
  const itemsById = new Map(catalog.items.map((item) => [item.id, item]));
  const themesById = new Map(catalog.themes.map((theme) => [theme.id, theme]));
  const synonyms = options.synonyms === false ? undefined : (options.synonyms ?? loadDefaultSynonymGraph());
  const english = options.english === false ? undefined : (options.english ?? loadDefaultEnglishDictionary());
  const search = new CatalogSearch({
    items: catalog.items,
    themes: catalog.themes,
    lexicon,
    synonyms,
    english,
    rankWeights: options.rankWeights,
  });
  const model = options.decisionModel ?? loadDecisionModel();
  const policyChunks = new Map((options.policyChunks ?? []).map((chunk) => [chunk.id, chunk]));
  const firstClauseOf = new Map<string, Chunk>();
  for (const chunk of policyChunks.values()) {
    if (chunk.source.locator && !firstClauseOf.has(chunk.source.id)) {
      firstClauseOf.set(chunk.source.id, chunk);
    }
  }
  const policySearch = new PassageSearch(
    [...policyChunks.values()].map((chunk) => ({
      id: chunk.id,
      head: `${chunk.source.title} ${chunk.source.locator ?? ''}`,
      body: chunk.text,
    })),
    lexicon,
  );
  const knowledgeById = new Map<string, KnowledgeEntry>();
  const knowledgeSearch = new KnowledgeSearch({
    lexicon,
    synonyms,
    english,
    weightOf: generalWordWeight,
  });
  const addEntry = (entry: KnowledgeEntry) => {
    knowledgeById.set(entry.id, entry);
    // Each example question is read as a citizen's question is: its topic ("自助复印机") without the
    // aspect and filler words, so that rewordings of the same question ("复印机在哪") find the entry.
    const questions = exampleQuestions(entry).map(
      (question) => analyzeQuestion(question).itemQuery || question,
    );
    knowledgeSearch.add({ id: entry.id, questions, answer: entry.answer });
  };
  for (const entry of options.knowledge ?? []) addEntry(entry);
  const chatModel = options.chatModel;
  const facts = chatModel ? collectFactVocabulary({ catalog, hall }) : undefined;

  const itemRefs = (hits: SearchHit[], firstId?: string): ItemRef[] => {
    const refs = hits.map((hit) => ({
      id: hit.id,
      name: itemsById.get(hit.id)?.name ?? hit.id,
      score: round(hit.score),
    }));
    if (firstId && refs[0]?.id !== firstId) {
      const item = itemsById.get(firstId);
      const rest = refs.filter((ref) => ref.id !== firstId);
      return item
        ? [
            {
              id: item.id,
              name: item.name,
              score: round(hits.find((hit) => hit.id === firstId)?.score ?? 1),
            },
            ...rest,
          ]
        : refs;
    }
    return refs;
  };

  async function reply(
    text: string,
    previous: DialogueState,
  ): Promise<{ answer: Answer; state: DialogueState }> {
    const started = performance.now();
    // Personal data is taken out before anything reads the message: it never steers the search and
    // is never repeated.
    const personal = findPersonalData(text);
    const analysis = analyzeQuestion(withoutSpans(text, personal));
    const rewrite = chatModel && !analysis.injection ? await rewriteQuestion(chatModel, text) : undefined;
    // What the citizen says they do not mean ("不是个体户", "先不说公司了") does not steer the search.
    const itemQuery = withoutNegatedContent(
      rewrite?.used ? analyzeQuestion(rewrite.query).itemQuery : analysis.itemQuery,
      analysis.correction,
    );
    // A correction ("不对，我是个体户") is read together with the item it corrects, which is then
    // no longer a candidate: "个体户" + "企业设立登记" → 个体工商户设立登记.
    const corrected =
      analysis.correction && previous.currentItemId ? itemsById.get(previous.currentItemId) : undefined;
    const query = search.query(itemQuery);
    // A topic set aside ("先不说护照了") takes the earlier turns' evidence with it.
    const dismissed = dismissesTopic(analysis.itemQuery);
    const earlierState = dismissed ? { ...previous, context: [], currentItemId: undefined } : previous;
    const negated = [
      ...(earlierState.negated ?? []),
      ...negatedContent(analysis.itemQuery, analysis.correction),
    ].slice(-MAX_NEGATED_WORDS);
    const pool =
      itemQuery || earlierState.context?.length
        ? await candidatePool(query, itemQuery, { ...earlierState, negated }, corrected)
        : [];
    const items = search.rankHits(pool, MAX_CANDIDATES);
    const themes = itemQuery ? search.searchThemes(query, 2) : [];
    const passages = itemQuery && policySearch.size ? policySearch.search(query, 2) : [];
    const knowledge = itemQuery && knowledgeSearch.size ? knowledgeSearch.search(itemQuery, 2) : [];
    const hallComposed = answerHallQuestion(text, hall);
    const unknownWords = itemQuery ? search.unknownWords(query) : [];
    const featureInput: Omit<TurnFeatureInput, 'items'> = {
      analysis,
      state: earlierState,
      unknownWords,
      contentWords: contentWordCount(query),
      personalData: personal.length > 0,
      ...(themes[0] ? { theme: { hit: themes[0], itemIds: themesById.get(themes[0].id)?.items ?? [] } } : {}),
    };
    const features = turnFeatures({ ...featureInput, items });
    const decision = decideTurn({
      analysis,
      state: earlierState,
      items,
      themes,
      passages,
      knowledge,
      hallAnswer: hallComposed !== undefined,
      unknownWords,
      personalData: personal.length > 0,
      features,
      model,
      indistinguishable: (firstId, secondId) => search.indistinguishable(query, firstId, secondId),
      namesItem: (itemId) => search.namesItem(query, itemId),
    });
    options.trace?.({ text, featureInput, pool, items, features, decision });
    const {
      composed: plain,
      intent,
      refs,
      state,
    } = compose(decision, items, previous, hallComposed, analysis);
    const composed =
      chatModel && REPHRASABLE.has(decision.kind)
        ? {
            ...plain,
            answer: (await rephraseAnswer(chatModel, { question: text, composed: plain, facts })).text,
          }
        : plain;
    const answer: Answer = {
      answer: composed.answer,
      intent,
      items: refs,
      escalate: decision.kind === 'escalate' || (decision.kind === 'item' && decision.handOver !== undefined),
      citations: composed.citations,
      latencyMs: 0,
      quickReplies: composed.quickReplies,
      ...(composed.card ? { card: composed.card } : {}),
      ...(decision.kind === 'item' ? { aspect: decision.aspect } : {}),
      ...(decision.kind === 'escalate' || (decision.kind === 'item' && decision.handOver)
        ? {
            escalation: {
              category:
                decision.kind === 'escalate' ? decision.category : (decision.handOver ?? '办不成事反映'),
              reason: maskPersonalData(text).slice(0, 200),
            },
          }
        : {}),
    };
    answer.latencyMs = round(performance.now() - started);
    return {
      answer,
      state: {
        ...state,
        context: nextContext(dismissed ? { ...previous, context: [] } : previous, decision, itemQuery),
        ...(negated.length ? { negated } : {}),
        turns: previous.turns + 1,
      },
    };
  }

  /**
   * The candidates of a turn, for the fitted ranker: the question's own keyword candidates and those
   * of the earlier turns, each with the features the index gives, the vector similarity and what the
   * conversation says of it (item under discussion, discussed before, earlier turns' score).
   */
  const stages = new Map<string, LifecycleStage | undefined>();
  /** The life-cycle stage of an item's name, read once per item. */
  function stageOf(id: string): LifecycleStage | undefined {
    if (!stages.has(id)) stages.set(id, lifecycleStage(itemsById.get(id)?.name ?? ''));
    return stages.get(id);
  }

  async function candidatePool(
    query: QueryTokens,
    itemQuery: string,
    previous: DialogueState,
    corrected: ServiceItem | undefined,
  ): Promise<SearchHit[]> {
    const pool = new Map<string, SearchHit>();
    if (itemQuery) for (const hit of search.itemCandidates(query)) pool.set(hit.id, hit);
    const conversation = options.dialogueEvidence !== false;
    // What the citizen has since said they do not mean no longer counts as earlier evidence.
    const earlier = conversation
      ? withoutWords(previous.context?.join('，') ?? '', previous.negated)
      : undefined;
    if (earlier) {
      for (const { id, context, reasons } of search.contextCandidates(search.query(earlier))) {
        const own = pool.get(id);
        if (own) own.features.context = context;
        else if (pool.size < CONTEXT_POOL_LIMIT || context > 0.5) {
          pool.set(id, { ...bareHit(id, { context }), reasons: reasons() });
        }
      }
      // The whole conversation searched as one text, as a plain search over all turns would.
      const whole = search.plainScores(search.query(itemQuery ? `${earlier}，${itemQuery}` : earlier));
      for (const [id, score] of whole) {
        const own = pool.get(id);
        if (own) own.features.conversation = score;
        else if (score > 0.5) pool.set(id, bareHit(id, { conversation: score }));
      }
    }
    const offered = new Set(conversation ? (previous.pendingChoices ?? []) : []);
    for (const id of offered) {
      if (!pool.has(id)) pool.set(id, bareHit(id));
    }
    if (corrected) pool.delete(corrected.id);
    const discussed = new Set(previous.previousItemIds);
    const negated = conversation ? (previous.negated ?? []) : [];
    const reference = conversation ? corrected : undefined;
    const stage =
      options.lifecycleStage === false
        ? undefined
        : conversationStage(itemQuery, conversation ? previous : undefined);
    for (const hit of pool.values()) {
      const itemStage = stage ? stageOf(hit.id) : undefined;
      hit.features.stageAgrees = stage && itemStage === stage ? 1 : 0;
      hit.features.stageDiffers = stage && itemStage && itemStage !== stage ? 1 : 0;
      hit.features.likeCorrected = reference
        ? nameLikeness(itemsById.get(hit.id)?.name ?? '', reference.name)
        : 0;
      hit.features.contradicted = contradiction(itemsById.get(hit.id)?.name ?? '', negated);
      hit.features.current = conversation && hit.id === previous.currentItemId ? 1 : 0;
      hit.features.discussed = conversation && discussed.has(hit.id) ? 1 : 0;
      hit.features.offered = offered.has(hit.id) ? 1 : 0;
    }
    if (options.vectorScores && pool.size && itemQuery) {
      const similarities = await options.vectorScores(itemQuery);
      for (const hit of pool.values()) hit.features.vector = similarities.get(hit.id) ?? 0;
    }
    return [...pool.values()];
  }

  function compose(
    decision: Decision,
    hits: SearchHit[],
    state: DialogueState,
    hallComposed: Composed | undefined,
    analysis: QuestionAnalysis,
  ): { composed: Composed; intent: Intent; refs: ItemRef[]; state: DialogueState } {
    const keep = { ...state, pendingChoices: undefined };
    switch (decision.kind) {
      case 'item': {
        const item = itemsById.get(decision.itemId) as ServiceItem;
        // Every aspect the question asked is answered ("在哪个窗口办，要钱不？"), the first one leading.
        const aspects =
          analysis.aspects.length > 1 && analysis.aspect === decision.aspect ? analysis.aspects : undefined;
        // "我带了身份证和照片，还缺什么": the documents named are checked against the item's list.
        const answered =
          analysis.held && decision.aspect === 'materials' && item.materials.length > 0
            ? composePrecheckAnswer({ item, held: analysis.held, message: analysis.text, hall })
            : composeItemAnswer({ item, aspect: decision.aspect, aspects, hall, themes: themesFor(item) });
        const composed = decision.handOver
          ? withHandOver(answered, composeEscalation(decision.handOver, hall))
          : answered;
        // A follow-up stays on the item under discussion; the turn's own candidates come after it.
        const refs = decision.followUp
          ? itemRefs(hits.slice(0, 3), item.id).slice(0, 3)
          : itemRefs(
              [hits.find((hit) => hit.id === item.id) as SearchHit, ...decision.alternatives].filter(Boolean),
              item.id,
            );
        return { composed, intent: decision.aspect, refs, state: remember(keep, item.id, decision.aspect) };
      }
      case 'clarify': {
        const candidates = decision.candidates.map((hit) => itemsById.get(hit.id) as ServiceItem);
        return {
          composed: composeClarify(candidates, decision.aspect, decision.uncertain),
          intent: 'clarify',
          refs: itemRefs(decision.candidates),
          state: {
            ...state,
            pendingChoices: candidates.map((item) => item.id),
            lastAspect: decision.aspect ?? state.lastAspect,
          },
        };
      }
      case 'theme': {
        const theme = themesById.get(decision.themeId) as Theme;
        const themeItems = theme.items
          .map((id) => itemsById.get(id))
          .filter((item): item is ServiceItem => !!item);
        // The answer lists the theme's items in the theme's order; `items` puts first those the
        // question itself pointed at.
        const rank = (id: string) => {
          const position = hits.findIndex((hit) => hit.id === id);
          return position < 0 ? hits.length : position;
        };
        const ranked = [...themeItems].sort((a, b) => rank(a.id) - rank(b.id));
        return {
          composed: composeThemeAnswer({ theme, items: themeItems, hall }),
          intent: 'theme',
          refs: ranked.map((item) => ({ id: item.id, name: item.name, score: round(decision.score) })),
          state: keep,
        };
      }
      case 'policy': {
        const found = policyChunks.get(decision.passageId) as Chunk;
        // "什么是…" is answered by the document's opening clause, where the term is defined.
        const chunk = analysis.definition ? (firstClauseOf.get(found.source.id) ?? found) : found;
        return { composed: composePolicyAnswer(chunk), intent: 'policy', refs: [], state: keep };
      }
      case 'knowledge': {
        const entry = knowledgeById.get(decision.entryId) as KnowledgeEntry;
        const item = entry.itemId ? itemsById.get(entry.itemId) : undefined;
        return {
          composed: composeKnowledgeAnswer(entry, item),
          intent: 'overview',
          refs: item ? [{ id: item.id, name: item.name, score: round(decision.score) }] : [],
          state: item ? remember(keep, item.id, 'overview') : keep,
        };
      }
      case 'hall':
        return { composed: hallComposed ?? composeNotFound(), intent: 'hall', refs: [], state: keep };
      case 'escalate': {
        const item = decision.itemId ? itemsById.get(decision.itemId) : undefined;
        return {
          composed: composeEscalation(decision.category, hall),
          intent: 'escalate',
          refs: item ? [{ id: item.id, name: item.name, score: 1 }] : [],
          state: keep,
        };
      }
      case 'progress': {
        const item = decision.itemId ? itemsById.get(decision.itemId) : undefined;
        return {
          composed: composeProgressAnswer(hall, item),
          intent: 'progress',
          refs: item ? [{ id: item.id, name: item.name, score: 1 }] : [],
          state: keep,
        };
      }
      case 'personal_data_only':
        return { composed: composePersonalDataNotice(), intent: 'unknown', refs: [], state: keep };
      case 'greeting':
        return { composed: composeGreeting(hall), intent: 'greeting', refs: [], state: keep };
      case 'thanks':
      case 'goodbye':
        return { composed: composeThanks(), intent: 'thanks', refs: [], state: keep };
      case 'out_of_scope':
        return { composed: composeOutOfScope(), intent: 'out_of_scope', refs: [], state: keep };
      case 'unknown':
        return { composed: composeNotFound(), intent: 'unknown', refs: [], state: keep };
    }
  }

  const themesFor = (item: ServiceItem): Theme[] =>
    catalog.themes.filter((theme) => theme.items.includes(item.id));

  return {
    reply,
    async ask(turns: string[]): Promise<Answer> {
      let state = emptyDialogueState();
      let last: Answer | undefined;
      const started = performance.now();
      for (const turn of turns) ({ answer: last, state } = await reply(turn, state));
      if (!last) throw new Error('ask() needs at least one turn');
      return { ...last, latencyMs: round(performance.now() - started) };
    },
    async addKnowledge(entry: KnowledgeEntry): Promise<void> {
      addEntry(entry);
    },
    async removeKnowledge(id: string): Promise<void> {
      knowledgeById.delete(id);
      knowledgeSearch.remove(id);
    },
  };
}

function remember(state: DialogueState, itemId: string, aspect: DialogueState['lastAspect']): DialogueState {
  const previousItemIds =
    state.currentItemId && state.currentItemId !== itemId
      ? [
          state.currentItemId,
          ...state.previousItemIds.filter((id) => id !== state.currentItemId && id !== itemId),
        ]
      : state.previousItemIds.filter((id) => id !== itemId);
  return {
    ...state,
    currentItemId: itemId,
    previousItemIds: previousItemIds.slice(0, MAX_REMEMBERED_ITEMS),
    lastAspect: aspect,
  };
}

/** An item answer followed by the offer of a person, for a hard case about that item. */
function withHandOver(answered: Composed, handOver: Composed): Composed {
  return {
    ...answered,
    answer: `${answered.answer}\n${handOver.answer}`,
    quickReplies: [...new Set([...handOver.quickReplies, ...answered.quickReplies])],
  };
}

/** Content words of a question (two characters or more), the base of its unexplained share. */
function contentWordCount(query: QueryTokens): number {
  let count = 0;
  for (const token of query.literal) {
    if (token.startsWith('w:') && [...token.slice(2)].length >= 2 && /\p{Script=Han}/u.test(token)) {
      count += 1;
    }
  }
  return count;
}

/**
 * The evidence carried to the next turn: this turn's item words join the earlier ones, unless the
 * turn moved to another item than the one under discussion (the new item starts afresh: what was
 * said about the old one no longer re-ranks, and "那要多久" then means the new one).
 */
function nextContext(previous: DialogueState, decision: Decision, itemQuery: string): string[] {
  const earlier = previous.context ?? [];
  const newTopic = decision.kind === 'item' && decision.itemId !== previous.currentItemId;
  const kept = newTopic && previous.currentItemId ? [] : earlier;
  // Small talk adds nothing; a statement the catalog did not explain on its own ("我妈今年五十五")
  // is kept, since the next turn may make it clear.
  if (decision.kind === 'greeting' || decision.kind === 'thanks' || decision.kind === 'goodbye') {
    return earlier;
  }
  return itemQuery ? [...kept, itemQuery].slice(-MAX_CONTEXT_TURNS) : kept;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Words that introduce a number the citizen gives ("我的身份证号是", "手机："). */
const LEAD_IN = /(我的|我|本人)?(身份证|手机|电话|联系电话|联系方式|银行卡|卡)(号码|号)?(是|为)?[:：]?\s*$/u;

/** The text with the given spans, and the words introducing them, blanked out. */
function withoutSpans(text: string, spans: Array<{ start: number; end: number }>): string {
  let result = text;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) {
    const before = result.slice(0, span.start).replace(LEAD_IN, '');
    result = `${before} ${result.slice(span.end)}`;
  }
  return result;
}
