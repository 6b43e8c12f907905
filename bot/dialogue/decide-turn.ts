/**
 * The decision of a turn: from the reading of the message, the search results and the conversation
 * so far, decide what kind of answer to give and about which item(s). No text is written here;
 * composition turns the decision into words.
 */
import { bareHit, type SearchHit } from '../../knowledge/retrieval/catalog-search.ts';
import type { PassageHit } from '../../knowledge/retrieval/passage-search.ts';
import type { QuestionAnalysis } from '../understanding/analyze-question.ts';
import type { Aspect, DialogueState, EscalationCategory } from '../types.ts';
import { decisionScores, type DecisionModel } from '../decide/decision-model.ts';
import type { TurnFeatures } from '../decide/turn-features.ts';

export type Decision =
  | {
      kind: 'item';
      itemId: string;
      aspect: Aspect;
      alternatives: SearchHit[];
      followUp: boolean;
      /** A hard case about this item: the answer also offers a person. */
      handOver?: EscalationCategory;
    }
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
  /** Words of the question that nothing in the catalog or lexicon explains. */
  unknownWords: string[];
  /** The message held an ID number, phone or card number (removed before reading). */
  personalData: boolean;
  /** Whether a word the question wrote is part of the item's name or aliases. */
  namesItem: (itemId: string) => boolean;
  /** Whether the question names two candidates alike, so that only the citizen can choose. */
  indistinguishable: (firstId: string, secondId: string) => boolean;
  /** The named features of the turn (turn-features.ts) and the fitted model that reads them. */
  features: TurnFeatures;
  model: DecisionModel;
}

/** The hand-over category of a hard case that names no explicit wish. */
const HARD_CASE_CATEGORY: Record<string, EscalationCategory> = {
  dispute: '办不成事反映',
  failure: '办不成事反映',
  uncovered: '办不成事反映',
  ruling: '办不成事反映',
  special_needs: '咨询转人工',
  record_error: '办不成事反映',
};

export function decideTurn(evidence: TurnEvidence): Decision {
  const { analysis, state, items, themes, passages, knowledge, model } = evidence;
  const scores = decisionScores(model, evidence.features);
  const [top] = items;
  const accepted = top !== undefined && scores.accept >= model.accept.cutoff;
  const suggestable = top !== undefined && scores.accept >= model.accept.suggestCutoff;
  const escalates = scores.escalate >= model.escalate.cutoff;
  const refuses = scores.refuse >= model.refuse.cutoff;
  const aspect: Aspect =
    analysis.aspect ?? (analysis.contentLength === 0 && state.lastAspect ? state.lastAspect : 'overview');
  const handOverCategory: EscalationCategory =
    analysis.escalation ?? HARD_CASE_CATEGORY[analysis.hardCase ?? ''] ?? '办不成事反映';

  // A question about the hand-over channel itself ("投诉电话是多少", "办不成事窗口在哪") is answered
  // from the hall's facts; asking for a person is a request, not an aspect question.
  if (evidence.hallAnswer && analysis.cues.channel && analysis.aspect && !analysis.cues.handover) {
    return { kind: 'hall' };
  }
  if (analysis.escalation && escalates) {
    return { kind: 'escalate', category: handOverCategory, itemId: accepted ? top.id : state.currentItemId };
  }
  // Nothing but personal data ("13812345678"): never echoed, and the citizen is told where it belongs.
  if (evidence.personalData && !analysis.itemQuery && !analysis.aspect) return { kind: 'personal_data_only' };
  if (analysis.identity) return { kind: 'greeting' };
  if (analysis.progress && !analysis.definition && !escalates) {
    return { kind: 'progress', itemId: accepted ? top.id : state.currentItemId };
  }
  // Hidden instructions are never followed: they were removed from the question, and what remains is
  // answered only when it clearly names an item.
  if (analysis.injection && (!accepted || refuses)) return { kind: 'out_of_scope' };
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
    const candidates = state.pendingChoices.map((id) => bareHit(id));
    return { kind: 'clarify', candidates, aspect: analysis.aspect };
  }
  // Within a conversation a refusal needs the message itself to be off-topic or an injection: a
  // detail ("原来的法定代表人要换成我") explains nothing alone but belongs to the topic.
  const inConversation =
    state.currentItemId !== undefined ||
    (state.pendingChoices?.length ?? 0) > 0 ||
    (state.context?.length ?? 0) > 0;
  const offTopicCue = Object.keys(analysis.cues).some(
    (cue) => cue.startsWith('offtopic:') || cue.startsWith('injection:'),
  );
  const refusesHere = refuses && (!inConversation || offTopicCue);
  // A reply to a clarifying question answers it when the ranker (which knows which candidates were
  // offered) puts one of the offered items first ("刚出生，从来没办过" after 申领 or 补换?).
  if (state.pendingChoices?.length && top && state.pendingChoices.includes(top.id) && !refusesHere) {
    return {
      kind: 'item',
      itemId: top.id,
      aspect: analysis.aspect ?? state.lastAspect ?? 'overview',
      alternatives: [],
      followUp: true,
    };
  }

  // A hard case (a dispute, a refusal, a situation no item covers, a special need): what can be
  // answered is answered, and a person is offered.
  if (escalates) {
    if (accepted && !refuses) {
      return {
        kind: 'item',
        itemId: top.id,
        aspect,
        alternatives: items.slice(1, 3),
        followUp: false,
        handOver: handOverCategory,
      };
    }
    return { kind: 'escalate', category: handOverCategory, itemId: state.currentItemId };
  }

  // A correction ("不对，我是个体户") names what replaces the corrected item, which is no longer a
  // candidate: the best remaining candidate is the one meant.
  if (analysis.correction && state.currentItemId && top && !refuses) {
    return { kind: 'item', itemId: top.id, aspect, alternatives: items.slice(1, 3), followUp: false };
  }

  // A reference back to an item discussed before the current one, unless the message itself names
  // the item it means ("刚才那个护照…"): the conversation's evidence points at the current item,
  // which is exactly what "刚才那个" sets aside.
  if (analysis.referenceBack && !(accepted && top && evidence.namesItem(top.id))) {
    const earlier = state.previousItemIds.find((id) => id !== state.currentItemId) ?? state.currentItemId;
    if (earlier) return { kind: 'item', itemId: earlier, aspect, alternatives: [], followUp: true };
  }

  // Whether the question's own words name the best item at all ("复印机在哪" names no item).
  const itemNamed = top !== undefined && evidence.namesItem(top.id);
  // Staff-written knowledge answers the question it was written for, in other words too: one of its
  // example questions is in the question and the entry explains most of it, or the entry explains the
  // whole question and nothing else (a named item, a hall fact) answers it. An item the question names
  // keeps the turn unless the entry explains at least as much of the question. A wrong confident answer
  // is the worst outcome, so a partial fit is never enough.
  const bestKnowledge = knowledge[0];
  const itemExplains = accepted && itemNamed ? top.features.questionCoverage : 0;
  const knowledgeFits =
    bestKnowledge &&
    ((bestKnowledge.headCoverage >= 0.6 &&
      bestKnowledge.queryCoverage >= 0.5 &&
      bestKnowledge.queryCoverage >= itemExplains) ||
      (bestKnowledge.queryCoverage >= 0.75 &&
        bestKnowledge.headCoverage >= 0.3 &&
        !evidence.hallAnswer &&
        (!accepted || !itemNamed)));
  if (bestKnowledge && knowledgeFits) {
    return { kind: 'knowledge', entryId: bestKnowledge.id, score: bestKnowledge.headCoverage };
  }

  const bestTheme = themes[0];
  // Questions about the hall itself (帮办代办, 停车, 几点上班) before themes and weak item matches.
  if (evidence.hallAnswer && !state.currentItemId && (!accepted || !itemNamed) && !analysis.themeName) {
    return { kind: 'hall' };
  }

  // A theme when the fitted theme model says the question is about the joint service itself, not
  // one of its items; within a conversation about an item only when it names the joint service.
  if (bestTheme && scores.theme >= model.theme.cutoff && (!state.currentItemId || analysis.themeName)) {
    return { kind: 'theme', themeId: bestTheme.id, score: scores.theme };
  }

  // A follow-up about the item under discussion ("那要带什么？", "几号窗口"). A detail that makes
  // another item of the same topic the best candidate ("就我一个人，地方不大") moves to that item.
  // The ranker weighs the conversation (earlier turns' evidence, the item under discussion), so a
  // candidate it puts first is taken instead of the current item when the evidence is enough to
  // answer it on its own (a topic switch needs the accept model's confidence).
  if (state.currentItemId && !refusesHere && !analysis.correction) {
    if (!top || top.id === state.currentItemId) {
      return { kind: 'item', itemId: state.currentItemId, aspect, alternatives: [], followUp: true };
    }
    return { kind: 'item', itemId: top.id, aspect, alternatives: items.slice(1, 3), followUp: true };
  }

  if (refusesHere && !accepted) return { kind: 'out_of_scope' };
  if (evidence.hallAnswer && !accepted) return { kind: 'hall' };

  const bestPassage = passages[0];
  const passageWins =
    bestPassage &&
    ((analysis.definition && bestPassage.relevance >= 0.2 && (top?.literalCoverage ?? 0) < 0.6) ||
      (bestPassage.relevance >= 0.3 && (bestPassage.headCoverage >= 0.5 || !accepted)) ||
      (bestPassage.relevance >= 0.18 && !suggestable && analysis.serviceDomain));

  if (accepted && !(passageWins && analysis.definition)) {
    // Two candidates the question names alike ("公积金提取": 租房 or 购房): ask which one.
    const [, second] = items;
    if (second && evidence.indistinguishable(top.id, second.id)) {
      const alike = items.filter((hit, index) => index === 0 || evidence.indistinguishable(top.id, hit.id));
      return { kind: 'clarify', candidates: alike.slice(0, 3), aspect: analysis.aspect };
    }
    return { kind: 'item', itemId: top.id, aspect, alternatives: items.slice(1, 3), followUp: false };
  }
  if (passageWins) return { kind: 'policy', passageId: bestPassage.id, score: bestPassage.relevance };
  if (evidence.hallAnswer) return { kind: 'hall' };
  if (state.currentItemId && analysis.aspect) {
    return { kind: 'item', itemId: state.currentItemId, aspect, alternatives: [], followUp: true };
  }
  if (suggestable && !refuses && !analysis.injection) {
    return { kind: 'clarify', candidates: items.slice(0, 3), aspect: analysis.aspect, uncertain: true };
  }
  if (refuses || analysis.injection || !analysis.serviceDomain) return { kind: 'out_of_scope' };
  return { kind: 'unknown' };
}
