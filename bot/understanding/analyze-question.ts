/**
 * First reading of a message: what it asks (aspect), what remains to identify the item, and the
 * conversational signals around it (hand-over wish, greeting, reference back, choice, off-topic,
 * hidden instructions). Pure and fast; no catalog needed.
 */
import { normalizeText } from '../../knowledge/text/normalize.ts';
import type { Aspect, EscalationCategory } from '../types.ts';
import { detectAspect } from './aspect-patterns.ts';
import {
  FILLER,
  GOODBYE,
  GREETING,
  DEFINITION,
  CORRECTION,
  IDENTITY,
  JOINT,
  PROGRESS,
  INJECTION,
  ROLE_PLAY,
  OUT_OF_SCOPE,
  REFERENCE_BACK,
  SERVICE_DOMAIN,
  THANKS,
  detectEscalation,
  detectOrdinal,
} from './conversation-patterns.ts';

export interface QuestionAnalysis {
  /** The normalised message (simplified, half-width, lower case). */
  text: string;
  aspect?: Exclude<Aspect, 'overview'>;
  /** What is left to identify the item once aspect words, filler and hidden instructions are removed. */
  itemQuery: string;
  /** Meaningful characters left in `itemQuery` (Han characters and latin letters). */
  contentLength: number;
  escalation?: EscalationCategory;
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

export function analyzeQuestion(message: string): QuestionAnalysis {
  const text = normalizeText(message);
  const clauses = text.split(CLAUSE).filter((clause) => clause.trim());
  const rolePlay = ROLE_PLAY.test(text);
  const injection = rolePlay || clauses.some((clause) => INJECTION.test(clause));
  // Hidden instructions are dropped whole; what remains is answered as any other question. A message
  // that scripts conversation roles is someone else's script from start to end: nothing is kept.
  const kept = rolePlay ? '' : clauses.filter((clause) => !INJECTION.test(clause)).join('，');
  const { aspect, rest } = detectAspect(kept);
  const itemQuery = rest.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  const content = itemQuery.replace(LIGHT_CHARACTERS, '').replace(/[^\p{Script=Han}a-z0-9]/gu, '');
  const bare = text.replace(/\s+/g, '');
  return {
    text,
    aspect,
    itemQuery,
    contentLength: [...content].length,
    escalation: detectEscalation(text),
    greeting: GREETING.test(bare),
    thanks: THANKS.test(bare),
    goodbye: GOODBYE.test(bare),
    outOfScope: OUT_OF_SCOPE.test(kept),
    injection,
    serviceDomain: SERVICE_DOMAIN.test(kept),
    referenceBack: REFERENCE_BACK.test(text),
    definition: DEFINITION.test(text),
    identity: IDENTITY.test(bare),
    correction: CORRECTION.test(bare),
    joint: JOINT.test(text),
    progress: PROGRESS.test(text),
    ordinal: detectOrdinal(bare),
  };
}
