/**
 * Everything in a message that is not the item itself, read with the cue classes of
 * knowledge/language/zh-CN/: hand-over wishes, complaints, hard cases, emotion, off-topic requests,
 * hidden instructions, small talk and discourse cues. This module holds only the mechanisms: how
 * matches are counted, when a match does not count (inside a question about a channel, or after a
 * hypothetical marker), and how counts become an escalation category and a hard-case class.
 *
 * Cue class names (the keys of `QuestionAnalysis.cues`; the value is the number of matches):
 *   aspect:<materials|time|fee|where|online|conditions|process|basis|contact>
 *   filler                        words with no item meaning (我想问一下, 俺, 咋整)
 *   greeting, thanks, goodbye     the whole message is small talk
 *   identity                      asks who or what the assistant is
 *   handover                      explicit wish for a person (转人工, 找工作人员, 办不成事窗口)
 *   complaint                     complaint or misconduct report (投诉, 态度差, 乱收费)
 *   channel                       asks about a channel (投诉电话是多少): the cues inside it do not count
 *   hard:dispute                  objection to a record or decision (不服, 有异议, 申请复议)
 *   hard:record_error             a record said to be wrong (登记错了要更正); often an ordinary
 *                                 correction item, so it does not escalate by itself
 *   hard:failure                  reported failure or refusal (退回好几次, 跑了三趟, 过了期限还没批)
 *   hard:uncovered                a situation no item covers (几十年前, 档案丢了, 人在国外回不来)
 *   hard:special_needs            mobility, hearing, sight, literacy, phones, needs company
 *   hard:ruling                   demands a binding ruling or guarantee (给个准话, 书面答复)
 *   emotion                       distress or anger (急死了); never a hard case by itself
 *   offtopic:<topic|advice|creative|task|harmful>
 *   injection:<instruction|role_play|secret|scripted_reply|markup>
 *   discourse:<reference_back|correction|definition|joint|theme_name|progress|hypothetical>
 *   domain                        words of public administration (办, 证, 社保 …)
 *   shape:<past_event|reported_speech|contrast|negative_outcome|duration|question_form>
 *                                 how the message is told: an account of what happened, or a question
 * Only classes with at least one match appear.
 */
import type { CueClass } from '../../knowledge/language/cue-file.ts';
import { defaultChineseCues } from '../../knowledge/language/chinese-cues.ts';
import type { EscalationCategory } from '../types.ts';

export type CueCounts = Record<string, number>;

/** Hard-case classes from strongest to weakest: the tie-break when two have as many matches. */
export const HARD_CASES = [
  'failure',
  'dispute',
  'uncovered',
  'special_needs',
  'ruling',
  'record_error',
] as const;
export type HardCase = (typeof HARD_CASES)[number];

interface Span {
  start: number;
  end: number;
}

/** How far before a cue a hypothetical marker still governs it ("万一[被驳回]", "怕[白跑一趟]"). */
const HYPOTHETICAL_REACH = 6;
const CLAUSE_BREAK = /[，。,.;；！!？?\n]/u;

function spans(cueClass: CueClass, text: string): Span[] {
  const found: Span[] = [];
  for (const match of text.matchAll(cueClass.global)) {
    if (!match[0]) continue;
    const start = match.index ?? 0;
    found.push({ start, end: start + match[0].length });
  }
  return found;
}

function count(cueClass: CueClass, text: string): number {
  return spans(cueClass, text).length;
}

/** A cue that reports something is not counted inside a channel question or after a hypothetical. */
function reported(cueClass: CueClass, text: string, channel: Span[], hypothetical: Span[]): number {
  return spans(cueClass, text).filter((span) => {
    if (channel.some((other) => span.start < other.end && other.start < span.end)) return false;
    return !hypothetical.some(
      (marker) =>
        marker.end <= span.start &&
        span.start - marker.end <= HYPOTHETICAL_REACH &&
        !CLAUSE_BREAK.test(text.slice(marker.end, span.start)),
    );
  }).length;
}

function add(counts: CueCounts, name: string, value: number): void {
  if (value > 0) counts[name] = (counts[name] ?? 0) + value;
}

/**
 * Counts the conversational cues of a message. `text` is the normalised message, `kept` the part
 * left once hidden instructions are dropped (topic cues are read there), `bare` the message without
 * spaces (small talk and message-initial cues).
 */
export function countConversationCues(text: string, kept: string, bare: string): CueCounts {
  const cues = defaultChineseCues();
  const counts: CueCounts = {};
  const channel = spans(cues.handover.channel, text);
  const hypothetical = spans(cues.discourse.hypothetical, text);
  add(counts, 'channel', channel.length);
  add(counts, 'handover', reported(cues.handover.handover, text, channel, []));
  add(counts, 'complaint', reported(cues.handover.complaint, text, channel, hypothetical));
  for (const name of HARD_CASES) {
    add(counts, `hard:${name}`, reported(cues.hardCases[name], text, channel, hypothetical));
  }
  add(counts, 'emotion', count(cues.hardCases.emotion, text));
  for (const [name, cueClass] of Object.entries(cues.narrative)) {
    // How the message is told; an account inside a channel question or after 万一 reports nothing.
    const account = name !== 'question_form';
    add(
      counts,
      `shape:${name}`,
      reported(cueClass, text, account ? channel : [], account ? hypothetical : []),
    );
  }
  for (const [name, cueClass] of Object.entries(cues.offTopic)) {
    add(counts, `offtopic:${name}`, count(cueClass, kept));
  }
  for (const [name, cueClass] of Object.entries(cues.injection)) {
    add(counts, `injection:${name}`, count(cueClass, text));
  }
  for (const name of ['greeting', 'thanks', 'goodbye'] as const) {
    if (wholeMessage(cues.smallTalk[name], bare)) add(counts, name, 1);
  }
  add(counts, 'identity', count(cues.smallTalk.identity, bare));
  for (const name of [
    'reference_back',
    'definition',
    'joint',
    'theme_name',
    'progress',
    'hypothetical',
  ] as const) {
    add(counts, `discourse:${name}`, count(cues.discourse[name], text));
  }
  add(counts, 'discourse:correction', count(cues.discourse.correction, bare));
  add(counts, 'domain', count(cues.domain.service, kept));
  return counts;
}

const SMALL_TALK_SEPARATOR = String.raw`[\s\p{P}~]*`;
const wholeMessagePatterns = new Map<CueClass, RegExp>();

/** The message is nothing but cues of the class, punctuation aside ("你好，在吗？"). */
function wholeMessage(cueClass: CueClass, bare: string): boolean {
  let pattern = wholeMessagePatterns.get(cueClass);
  if (!pattern) {
    pattern = new RegExp(
      `^${SMALL_TALK_SEPARATOR}(?:(?:${cueClass.pattern.source})${SMALL_TALK_SEPARATOR})+$`,
      'iu',
    );
    wholeMessagePatterns.set(cueClass, pattern);
  }
  return pattern.test(bare);
}

/**
 * The hand-over category the counts call for: a complaint goes to 投诉, a reported failure or a
 * dispute of a decision to 办不成事反映, an explicit wish for a person or a need for someone beside
 * them to 咨询转人工. Emotion, uncovered situations and demands for a ruling never decide it alone;
 * they are features for the decision.
 */
export function escalationFromCues(counts: CueCounts): EscalationCategory | undefined {
  if (counts.complaint) return '投诉';
  if (counts['hard:failure'] || counts['hard:dispute']) return '办不成事反映';
  if (counts.handover) return '咨询转人工';
  return undefined;
}

/** The hard-case class with the most matches (ties: the order of HARD_CASES). */
export function strongestHardCase(counts: CueCounts): HardCase | undefined {
  let best: HardCase | undefined;
  for (const name of HARD_CASES) {
    const value = counts[`hard:${name}`] ?? 0;
    if (value > 0 && (!best || value > (counts[`hard:${best}`] ?? 0))) best = name;
  }
  return best;
}

/** "第二个", "2", "后面那个" — a choice among offered candidates (-1: the last one). */
export function detectOrdinal(text: string): number | undefined {
  const trimmed = text.trim();
  const match = /^(?:选|要|是)?第?([一二三四1234])(?:个|项|种)?(?:吧|吧。|。)?$/u.exec(trimmed);
  if (!match) return defaultChineseCues().discourse.choice_last.pattern.test(trimmed) ? -1 : undefined;
  const value = '一二三四'.indexOf(match[1]);
  return value >= 0 ? value + 1 : Number(match[1]);
}
