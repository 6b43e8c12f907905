/**
 * The citizen's answers to an item's situation questions: given as an object (`{ "agent": true,
 * "c1": "划拨" }`, checked against the item's keys and options) or read from free text with the
 * bigram matcher of situation-match.ts. A question the situation says nothing about stays
 * unanswered (undefined): the notice then lists its materials as "如属于…，还需…".
 */
import { PrecheckInputError } from '../errors/precheck-input-error.ts';
import type { SituationInput } from './precheck-types.ts';
import { situationApplies, situationDenies } from './situation-match.ts';
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

function fromText(rules: QuestionRule[], text: string): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  for (const rule of rules) {
    if (rule.optionOf.size > 0) {
      const option = rule.options.find((candidate) => situationApplies(text, candidate));
      if (option) answers.set(rule.key, option);
      continue;
    }
    if (situationApplies(text, rule.condition)) answers.set(rule.key, true);
    else if (situationDenies(text, rule.condition)) answers.set(rule.key, false);
  }
  return answers;
}

export function readAnswers(
  rules: QuestionRule[],
  situation: SituationInput | undefined,
): Map<string, Answer> {
  if (situation === undefined) return new Map();
  return typeof situation === 'string' ? fromText(rules, situation) : fromObject(rules, situation);
}
