/**
 * First reading of a message: which aspects it asks (aspect), what remains to identify the item, and
 * the conversational signals around it (hand-over wish, hard case, emotion, greeting, reference
 * back, choice, off-topic, hidden instructions), both as flags and as cue counts the decision can
 * weigh. The language knowledge is data (knowledge/language/zh-CN/); this module applies it. Pure
 * and fast; no catalog needed.
 */
import { combineCueClasses, type CueClass } from '../../knowledge/language/cue-file.ts';
import { heldDocuments } from './held-documents.ts';
import { defaultChineseCues } from '../../knowledge/language/chinese-cues.ts';
import { normalizeText } from '../../knowledge/text/normalize.ts';
import type { EscalationCategory } from '../types.ts';
import { detectAspects, type AskedAspect } from './aspect-patterns.ts';
import {
  countConversationCues,
  detectOrdinal,
  escalationFromCues,
  strongestHardCase,
  type CueCounts,
  type HardCase,
} from './conversation-cues.ts';

export interface QuestionAnalysis {
  /** The normalised message (simplified, half-width, lower case). */
  text: string;
  /** The first aspect asked. */
  aspect?: AskedAspect;
  /** The documents the citizen says they have, with a materials question ("我带了身份证，还缺啥"). */
  held?: string;
  /** Every aspect asked, in order of mention ("在哪个窗口办，要钱不？" → where, fee). */
  aspects: AskedAspect[];
  /** What is left to identify the item once aspect words, filler and hidden instructions are removed. */
  itemQuery: string;
  /** Meaningful characters left in `itemQuery` (Han characters and latin letters). */
  contentLength: number;
  /** The hand-over category the cues call for (see escalationFromCues). */
  escalation?: EscalationCategory;
  /** The strongest hard-case class found (see strongestHardCase); the decision weighs it. */
  hardCase?: HardCase;
  /** Matches per cue class (class names: bot/understanding/conversation-cues.ts). */
  cues: CueCounts;
  greeting: boolean;
  thanks: boolean;
  goodbye: boolean;
  outOfScope: boolean;
  injection: boolean;
  serviceDomain: boolean;
  referenceBack: boolean;
  /** Asks what a term means (a policy question, not an item). */
  definition: boolean;
  /** Asks for several services done together (a 一件事 theme). */
  joint: boolean;
  /** Names the joint-service reform itself ("一件事"). */
  themeName: boolean;
  /** Corrects which item was meant ("不对，我是个体户"). */
  correction: boolean;
  /** Asks who or what the assistant is. */
  identity: boolean;
  /** Asks how far their own application has got. */
  progress: boolean;
  ordinal?: number;
}

const CLAUSE = /[，。,.;；！!？?\n]+/u;
/** Single characters that never identify an item by themselves. */
const LIGHT_CHARACTERS =
  /[那这呢吗吧啊呀哦嘛了的就都也还要想去来把被给让对从向为以其一不没很能会个我你他她们在是有可和与及或得该么带拿办]/gu;

let filler: CueClass | undefined;
let hiddenInstruction: CueClass | undefined;

function fillerClass(): CueClass {
  filler ??= combineCueClasses('filler', Object.values(defaultChineseCues().filler));
  return filler;
}

/** Every injection class except role labels, which are read on the whole message. */
function instructionClass(): CueClass {
  const { instruction, secret, scripted_reply: scriptedReply, markup } = defaultChineseCues().injection;
  hiddenInstruction ??= combineCueClasses('injection', [instruction, secret, scriptedReply, markup]);
  return hiddenInstruction;
}

export function analyzeQuestion(message: string): QuestionAnalysis {
  const text = normalizeText(message);
  const clauses = text.split(CLAUSE).filter((clause) => clause.trim());
  const rolePlay = defaultChineseCues().injection.role_play.pattern.test(text);
  const instruction = instructionClass().pattern;
  const injection = rolePlay || clauses.some((clause) => instruction.test(clause));
  // Hidden instructions are dropped whole; what remains is answered as any other question. A message
  // that scripts conversation roles is someone else's script from start to end: nothing is kept.
  const kept = rolePlay ? '' : clauses.filter((clause) => !instruction.test(clause)).join('，');
  const { aspect, aspects, counts: aspectCounts, rest } = detectAspects(kept);
  // The documents the citizen already has name what they bring, not the item they ask about.
  const held = heldDocuments(kept, aspects.includes('materials'));
  const asked = held ? rest.replace(held, ' ') : rest;
  const fillerMatches = asked.match(fillerClass().global)?.length ?? 0;
  const itemQuery = asked.replace(fillerClass().global, ' ').replace(/\s+/g, ' ').trim();
  const content = itemQuery.replace(LIGHT_CHARACTERS, '').replace(/[^\p{Script=Han}a-z0-9]/gu, '');
  const bare = text.replace(/\s+/g, '');

  const cues = countConversationCues(text, kept, bare);
  for (const [name, value] of Object.entries(aspectCounts)) cues[`aspect:${name}`] = value;
  if (fillerMatches) cues.filler = fillerMatches;
  const has = (prefix: string) => Object.keys(cues).some((name) => name.startsWith(prefix));

  return {
    text,
    aspect,
    aspects,
    ...(held ? { held } : {}),
    itemQuery,
    contentLength: [...content].length,
    escalation: escalationFromCues(cues),
    hardCase: strongestHardCase(cues),
    cues,
    greeting: Boolean(cues.greeting),
    thanks: Boolean(cues.thanks),
    goodbye: Boolean(cues.goodbye),
    outOfScope: has('offtopic:'),
    injection,
    serviceDomain: Boolean(cues.domain),
    referenceBack: Boolean(cues['discourse:reference_back']),
    definition: Boolean(cues['discourse:definition']),
    identity: Boolean(cues.identity),
    correction: Boolean(cues['discourse:correction']),
    joint: Boolean(cues['discourse:joint']),
    themeName: Boolean(cues['discourse:theme_name']),
    progress: Boolean(cues['discourse:progress']),
    ordinal: detectOrdinal(bare),
  };
}
