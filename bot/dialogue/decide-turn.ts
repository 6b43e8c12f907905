/**
 * The decision of a turn: from the reading of the message, the search results and the conversation
 * so far, decide what kind of answer to give and about which item(s). No text is written here;
 * composition turns the decision into words.
 */
import type { SearchHit } from '../../knowledge/retrieval/catalog-search.ts';
import type { PassageHit } from '../../knowledge/retrieval/passage-search.ts';
import type { QuestionAnalysis } from '../understanding/analyze-question.ts';
import type { Aspect, DialogueState, EscalationCategory } from '../types.ts';

export type Decision =
  | { kind: 'item'; itemId: string; aspect: Aspect; alternatives: SearchHit[]; followUp: boolean }
  | { kind: 'clarify'; candidates: SearchHit[]; aspect?: Aspect; uncertain?: boolean }
  | { kind: 'theme'; themeId: string; score: number }
  | { kind: 'policy'; passageId: string; score: number }
  | { kind: 'knowledge'; entryId: string; score: number }
  | { kind: 'hall' }
  | { kind: 'escalate'; category: EscalationCategory; itemId?: string }
  | { kind: 'progress'; itemId?: string }
  | { kind: 'personal_data_only' }
  | { kind: 'greeting' | 'thanks' | 'goodbye' | 'out_of_scope' | 'unknown' };

export interface TurnEvidence {
  analysis: QuestionAnalysis;
  state: DialogueState;
  items: SearchHit[];
  themes: SearchHit[];
  passages: PassageHit[];
  knowledge: PassageHit[];
  /** Whether the hall-guidance reader recognised the message. */
  hallAnswer: boolean;
  /** Whether a 一件事 theme includes an item. */
  themeIncludes: (themeId: string, itemId: string) => boolean;
  /** Words of the question that nothing in the catalog or lexicon explains. */
  unknownWords: string[];
  /** The message held an ID number, phone or card number (removed before reading). */
  personalData: boolean;
}

/** How sure a hit is: the largest of name coverage, relative BM25F score and a whole-phrase match. */
export const confidence = (hit: SearchHit | undefined): number =>
  hit ? Math.max(hit.nameCoverage, hit.relevance * 1.6, hit.phraseMatch * 0.8) : 0;

const STRONG = 0.42;
const WEAK = 0.22;
/** Below WEAK but above this, a service question gets the nearest items as suggestions, not an answer. */
const SUGGEST = 0.1;

export function decideTurn(evidence: TurnEvidence): Decision {
  const { analysis, state, items, themes, passages, knowledge } = evidence;
  const [top, second] = items;
  const topConfidence = confidence(top);
  const aspect: Aspect =
    analysis.aspect ?? (analysis.contentLength === 0 && state.lastAspect ? state.lastAspect : 'overview');

  if (analysis.escalation) {
    const itemId = topConfidence >= STRONG ? top.id : state.currentItemId;
    return { kind: 'escalate', category: analysis.escalation, itemId };
  }
  // Nothing but personal data ("13812345678"): never echoed, and the citizen is told where it belongs.
  if (evidence.personalData && !analysis.itemQuery && !analysis.aspect) return { kind: 'personal_data_only' };
  if (analysis.identity) return { kind: 'greeting' };
  if (analysis.progress && !analysis.definition) {
    return { kind: 'progress', itemId: topConfidence >= STRONG ? top.id : state.currentItemId };
  }
  // Hidden instructions are never followed: they were removed from the question, and what remains is
  // answered only when it clearly names an item.
  if (analysis.injection && (topConfidence < STRONG || analysis.outOfScope)) return { kind: 'out_of_scope' };
  if (analysis.greeting) return { kind: 'greeting' };
  if (analysis.thanks) return { kind: 'thanks' };
  if (analysis.goodbye) return { kind: 'goodbye' };

  // A choice among the candidates offered in the previous turn.
  if (state.pendingChoices?.length && analysis.ordinal !== undefined) {
    const choices = state.pendingChoices;
    const index = analysis.ordinal === -1 ? choices.length - 1 : analysis.ordinal - 1;
    if (index >= 0 && index < choices.length) {
      return {
        kind: 'item',
        itemId: choices[index],
        aspect: state.lastAspect ?? 'overview',
        alternatives: [],
        followUp: true,
      };
    }
  }
  // An aspect alone ("要带啥") after a clarifying question: ask again which one, for that aspect.
  if (state.pendingChoices?.length && analysis.contentLength === 0 && analysis.aspect) {
    const candidates = state.pendingChoices.map((id) => ({
      id,
      score: 0,
      relevance: 0,
      nameCoverage: 0,
      literalCoverage: 0,
      phraseMatch: 0,
      reasons: [],
    }));
    return { kind: 'clarify', candidates, aspect: analysis.aspect };
  }
  if (state.pendingChoices?.length && top && state.pendingChoices.includes(top.id) && topConfidence >= WEAK) {
    return {
      kind: 'item',
      itemId: top.id,
      aspect: analysis.aspect ?? state.lastAspect ?? 'overview',
      alternatives: [],
      followUp: true,
    };
  }

  // A reference back to an item discussed before the current one.
  if (analysis.referenceBack && topConfidence < STRONG) {
    const earlier = state.previousItemIds.find((id) => id !== state.currentItemId) ?? state.currentItemId;
    if (earlier) return { kind: 'item', itemId: earlier, aspect, alternatives: [], followUp: true };
  }

  // Staff-written knowledge answers the very question it was written for.
  const bestKnowledge = knowledge[0];
  const knowledgeFits =
    bestKnowledge &&
    bestKnowledge.relevance >= 0.35 &&
    (bestKnowledge.headCoverage >= 0.6 || (bestKnowledge.queryCoverage >= 0.75 && topConfidence < STRONG));
  if (bestKnowledge && knowledgeFits) {
    return { kind: 'knowledge', entryId: bestKnowledge.id, score: bestKnowledge.headCoverage };
  }

  const bestTheme = themes[0];
  const themeConfidence = confidence(bestTheme);
  // Questions about the hall itself (帮办代办, 停车, 几点上班) before themes and weak item matches.
  if (
    evidence.hallAnswer &&
    !state.currentItemId &&
    topConfidence < STRONG &&
    !/一件事/u.test(analysis.text)
  ) {
    return { kind: 'hall' };
  }

  // A theme only when the question is about the joint service itself, not one of its items.
  const themeAsked =
    (/一件事/u.test(analysis.text) && themeConfidence >= STRONG) ||
    (analysis.joint &&
      themeConfidence >= WEAK &&
      (!top || evidence.themeIncludes(bestTheme.id, top.id) || themeConfidence >= topConfidence));
  if (bestTheme && (themeAsked || (themeConfidence >= STRONG && themeConfidence > topConfidence + 0.15))) {
    return { kind: 'theme', themeId: bestTheme.id, score: themeConfidence };
  }

  // A follow-up about the item under discussion ("那要带什么？", "几号窗口").
  if (
    state.currentItemId &&
    !analysis.outOfScope &&
    (analysis.contentLength <= 1 ||
      topConfidence < WEAK ||
      (analysis.aspect && analysis.contentLength <= 2 && (top?.nameCoverage ?? 0) < 0.5))
  ) {
    return { kind: 'item', itemId: state.currentItemId, aspect, alternatives: [], followUp: true };
  }

  // Off-topic words win unless the question names an item itself (not merely a related everyday word).
  if (analysis.outOfScope && !(top && top.literalCoverage >= 0.6)) return { kind: 'out_of_scope' };
  if (evidence.hallAnswer && topConfidence < STRONG) return { kind: 'hall' };

  const bestPassage = passages[0];
  const passageWins =
    bestPassage &&
    ((analysis.definition && bestPassage.relevance >= 0.2 && (top?.literalCoverage ?? 0) < 0.6) ||
      (bestPassage.relevance >= 0.3 && (bestPassage.headCoverage >= 0.5 || topConfidence < STRONG)) ||
      (bestPassage.relevance >= 0.18 && topConfidence < WEAK && analysis.serviceDomain));

  if (top && topConfidence >= WEAK && !(passageWins && (topConfidence < STRONG || analysis.definition))) {
    // Two items of nearly the same strength and nothing in the question to tell them apart: ask.
    if (
      second &&
      second.score >= top.score * 0.97 &&
      confidence(second) >= WEAK &&
      Math.abs(second.nameCoverage - top.nameCoverage) < 0.1
    ) {
      const candidates = items.filter((hit) => hit.score >= top.score * 0.9).slice(0, 3);
      return { kind: 'clarify', candidates, aspect: analysis.aspect };
    }
    // A short question whose key word the catalog does not know ("火星居住许可") is not answered with
    // the item that happens to share its other words: the nearest items are offered instead.
    if (
      evidence.unknownWords.length &&
      analysis.contentLength <= 8 &&
      top.literalCoverage < 0.7 &&
      top.phraseMatch === 0 &&
      top.nameCoverage < 0.5
    ) {
      return { kind: 'clarify', candidates: items.slice(0, 3), aspect: analysis.aspect, uncertain: true };
    }
    return { kind: 'item', itemId: top.id, aspect, alternatives: items.slice(1, 3), followUp: false };
  }
  if (passageWins) return { kind: 'policy', passageId: bestPassage.id, score: bestPassage.relevance };
  if (evidence.hallAnswer) return { kind: 'hall' };
  if (state.currentItemId && analysis.aspect) {
    return { kind: 'item', itemId: state.currentItemId, aspect, alternatives: [], followUp: true };
  }
  if (
    top &&
    topConfidence >= SUGGEST &&
    analysis.serviceDomain &&
    !analysis.outOfScope &&
    !analysis.injection
  ) {
    return { kind: 'clarify', candidates: items.slice(0, 3), aspect: analysis.aspect, uncertain: true };
  }
  if (analysis.outOfScope || analysis.injection || !analysis.serviceDomain) return { kind: 'out_of_scope' };
  return { kind: 'unknown' };
}
