/**
 * The citizen's answers to an item's situation questions: given as an object (`{ "agent": true,
 * "c1": "划拨" }`, checked against the item's keys and options) or read from free text with the
 * bigram matcher of situation-match.ts. A question the situation says nothing about stays
 * unanswered (undefined): the notice then lists its materials as "如属于…，还需…".
 */
import { PrecheckInputError } from '../errors/precheck-input-error.ts';
import type { SituationInput } from './precheck-types.ts';
import { hanBigramsOf, situationBigrams } from './situation-match.ts';
import type { QuestionRule } from './situation-questions.ts';

/** true / false for a 是/否 question, the option chosen for a choice. */
export type Answer = boolean | string;

const YES = new Set(['是', 'yes', 'true', '1', '有', '对']);
const NO = new Set(['否', 'no', 'false', '0', '无', '不是', '没有']);

function answerValue(question: QuestionRule, value: boolean | string): Answer {
  const isYesNo = question.options[0] === '是' && question.options.length === 2;
  if (isYesNo) {
    if (typeof value === 'boolean') return value;
    const word = value.trim().toLowerCase();
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
  } else if (typeof value === 'string' && question.options.includes(value.trim())) {
    return value.trim();
  }
  throw new PrecheckInputError(
    `situation.${question.key}（${question.text}）只能填${question.options.map((option) => `“${option}”`).join('或')}。`,
  );
}

function fromObject(rules: QuestionRule[], situation: Record<string, boolean | string>): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  for (const [key, value] of Object.entries(situation)) {
    const question = rules.find((rule) => rule.key === key);
    if (!question) {
      const known = rules.map((rule) => rule.key).join('、') || '（本事项没有情形问题）';
      throw new PrecheckInputError(`situation 中的“${key}”不是本事项的情形问题；可用的有：${known}。`);
    }
    answers.set(key, answerValue(question, value));
  }
  return answers;
}

const minus = (bigrams: Set<string>, removed: Set<string>): Set<string> =>
  new Set([...bigrams].filter((bigram) => !removed.has(bigram)));
const shared = (left: Set<string>, right: Set<string>): Set<string> =>
  new Set([...left].filter((bigram) => right.has(bigram)));
const within = (inner: Set<string>, outer: Set<string>): boolean =>
  [...inner].every((bigram) => outer.has(bigram));

/** "孩子10岁" answers "未满16周岁" by number, not by words. */
function ageAnswer(rule: QuestionRule, text: string): boolean | undefined {
  const limit = /未满(\d+)周岁/.exec(rule.phrase)?.[1];
  const age = /(\d{1,3})\s*(?:周岁|岁)/.exec(text)?.[1];
  return limit && age ? Number(age) < Number(limit) : undefined;
}

/** The bigrams of 委托他人代为办理 and 代办, which situation-match.ts adds for every way of saying it. */
const AGENT_WORDS = ['委托', '代为', '代办', '代理'];

/**
 * Free text: a question is answered 是 when the text shares a bigram with its phrase, 否 when only a
 * negated part does. The item's own name is in every phrase ("注销" in 企业注销登记), so its bigrams
 * decide nothing; and a text that only matches the general part of a more specific question
 * ("随父落户" against "非婚生育随父落户") answers the general one alone.
 */
function fromText(rules: QuestionRule[], text: string, itemName: string): Map<string, Answer> {
  const nameBigrams = hanBigramsOf(itemName);
  const { affirmed: rawAffirmed, denied: rawDenied } = situationBigrams(text);
  const affirmed = minus(rawAffirmed, nameBigrams);
  const denied = minus(rawDenied, nameBigrams);
  const phraseBigrams = new Map(rules.map((rule) => [rule, minus(hanBigramsOf(rule.phrase), nameBigrams)]));
  const answers = new Map<string, Answer>();
  for (const rule of rules) {
    if (rule.optionOf.size > 0) {
      const option = chosenOption(rule, affirmed, nameBigrams);
      if (option) answers.set(rule.key, option);
      continue;
    }
    const age = ageAnswer(rule, text);
    if (age !== undefined) {
      answers.set(rule.key, age);
      continue;
    }
    const own = phraseBigrams.get(rule) ?? new Set<string>();
    // A question about acting through someone else ("老年人行动不便，由家属代为办理的") is answered by
    // words of acting through someone else, not by its other words ("老人" names the applicant).
    const hits =
      /^agent/.test(rule.key) && !AGENT_WORDS.some((bigram) => affirmed.has(bigram))
        ? new Set<string>()
        : shared(affirmed, own);
    const subsumed = rules.some((other) => {
      const theirs = phraseBigrams.get(other);
      return (
        other !== rule &&
        theirs !== undefined &&
        theirs.size < own.size &&
        within(theirs, own) &&
        within(hits, theirs)
      );
    });
    if (hits.size > 0 && !subsumed) answers.set(rule.key, true);
    else if (hits.size === 0 && shared(denied, own).size > 0) answers.set(rule.key, false);
  }
  return answers;
}

/** The alternative whose own words the text uses most; none on a tie or no match. */
function chosenOption(
  rule: QuestionRule,
  affirmed: Set<string>,
  nameBigrams: Set<string>,
): string | undefined {
  const wordsOf = new Map<string, Set<string>>();
  for (const [material, option] of rule.optionOf) {
    const words = wordsOf.get(option) ?? new Set<string>();
    for (const bigram of hanBigramsOf(`${option} ${material.when ?? ''}`)) words.add(bigram);
    wordsOf.set(option, words);
  }
  // Words every alternative has ("申领", "落户") tell them apart no more than the item's name does.
  const common = [...wordsOf.values()].reduce((left, right) => shared(left, right));
  const scores = rule.options.map((option) => ({
    option,
    score: shared(affirmed, minus(minus(wordsOf.get(option) ?? new Set(), common), nameBigrams)).size,
  }));
  const best = Math.max(...scores.map((entry) => entry.score));
  const top = scores.filter((entry) => entry.score === best);
  return best > 0 && top.length === 1 ? top[0].option : undefined;
}

export function readAnswers(
  rules: QuestionRule[],
  situation: SituationInput | undefined,
  itemName = '',
): Map<string, Answer> {
  if (situation === undefined) return new Map();
  return typeof situation === 'string' ? fromText(rules, situation, itemName) : fromObject(rules, situation);
}
