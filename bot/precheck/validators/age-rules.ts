/**
 * Age rules an item states in its conditions ("年满60周岁", "男方年满22周岁、女方年满20周岁",
 * "未满18周岁", "18周岁以上", "16至60周岁"), read from the text so that no item is hard-coded, and
 * checked against the age an ID number gives. Only requirements on the applicant are read: a clause
 * naming alternatives (或), describing a case with its own handling ("未满16周岁的，由监护人代为申请"),
 * opening a case (如申请人未满18周岁), stating an obligation or permission ("年满16周岁的公民应当申领") or speaking of another person (子女,
 * 配偶) is not a rule the applicant must meet.
 */
import type { Sex } from './id-number-check.ts';
import type { CalendarDate } from './calendar-date.ts';
import { completedMonths, retirementAgeMonths, sayAgeInMonths } from './retirement-age.ts';

export interface AgeRule {
  /** The rule applies to this sex only, and the word the condition uses for it (男方, 女性 …). */
  sex?: { value: Sex; word: string };
  /** Age (周岁) at least this. */
  min?: number;
  /** Age below this (未满 N 周岁). */
  below?: number;
  /** Age at most this (N 周岁以下, 不超过 N 周岁). */
  max?: number;
  /** Not yet at the statutory retirement age (未达到法定退休年龄), see retirement-age.ts. */
  belowRetirement?: true;
}

const NUMBER = '(\\d{1,3}|[一二三四五六七八九十百]{1,4})';
const YEARS = '周?岁';
const PATTERNS: Array<{ pattern: RegExp; rule: (a: number, b: number) => AgeRule }> = [
  {
    pattern: new RegExp(`${NUMBER}(?:${YEARS})?(?:至|到|－|-|—|~|～)${NUMBER}${YEARS}`),
    rule: (a, b) => ({ min: a, max: b }),
  },
  { pattern: new RegExp(`(?:未满|不满|未达到|未达|不足)${NUMBER}${YEARS}`), rule: (a) => ({ below: a }) },
  { pattern: new RegExp(`(?:不超过|不大于)${NUMBER}${YEARS}`), rule: (a) => ({ max: a }) },
  {
    pattern: new RegExp(`(?<![未不])(?:年满|已满|满)${NUMBER}${YEARS}(?:及?以上)?`),
    rule: (a) => ({ min: a }),
  },
  { pattern: new RegExp(`${NUMBER}${YEARS}(?:及|或)?以上`), rule: (a) => ({ min: a }) },
  { pattern: new RegExp(`${NUMBER}${YEARS}(?:及|或)?以下`), rule: (a) => ({ max: a }) },
];

const SEX_WORD = /(男方|女方|男性|女性|男子|女子|男职工|女职工|(?<![子妇儿孙])[男女])/g;
const OTHER_PERSON =
  /子女|配偶|父母|父亲|母亲|孩子|儿童|婴儿|新生儿|被监护人|监护人|被赡养人|委托人|代理人|受托人|家属|亲属/;
/** Before the age: "如/若…" opens a case with its own handling, not a requirement. */
const CONDITIONAL_OPENING = /^(?:如果|假如|倘若|如|若)/;
/** After the age: "…的" ending the clause (a case with its own handling) or an obligation/permission. */
const NOT_A_REQUIREMENT = /^(?:的|者)$|应当|应该|可以|可|由/;

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "18", "十八", "二十二", "六十", "一百" as numbers. */
function toNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.includes('百')) {
    const [hundreds, rest] = text.split('百');
    return (hundreds ? DIGITS[hundreds] : 1) * 100 + (rest ? toNumber(rest.replace(/^零/, '')) : 0);
  }
  if (text.includes('十')) {
    const [tens, units] = text.split('十');
    return (tens ? DIGITS[tens] : 1) * 10 + (units ? DIGITS[units] : 0);
  }
  return DIGITS[text] ?? Number.NaN;
}

const BELOW_RETIREMENT = /(?:未达到|未达|未到|不到|尚未达到)法定退休年龄/;

function readPart(part: string): AgeRule | undefined {
  const retirement = BELOW_RETIREMENT.exec(part);
  if (retirement && !OTHER_PERSON.test(part.slice(0, retirement.index))) {
    if (!NOT_A_REQUIREMENT.test(part.slice(retirement.index + retirement[0].length))) {
      return { belowRetirement: true };
    }
  }
  for (const { pattern, rule } of PATTERNS) {
    const match = pattern.exec(part);
    if (!match) continue;
    const before = part.slice(0, match.index);
    const after = part.slice(match.index + match[0].length);
    if (OTHER_PERSON.test(before) || CONDITIONAL_OPENING.test(before) || NOT_A_REQUIREMENT.test(after)) {
      return undefined;
    }
    const numbers = match.slice(1).filter(Boolean).map(toNumber);
    if (numbers.some(Number.isNaN)) return undefined;
    const found: AgeRule = rule(numbers[0], numbers[1]);
    const sexWord = [...before.matchAll(SEX_WORD)].pop()?.[0];
    if (sexWord) found.sex = { value: sexWord.startsWith('男') ? '男' : '女', word: sexWord };
    return found;
  }
  return undefined;
}

/** The age rules in an item's conditions. */
export function parseAgeRules(conditions: readonly string[]): AgeRule[] {
  const rules: AgeRule[] = [];
  for (const condition of conditions) {
    const text = condition.normalize('NFKC').replace(/[（(][^（）()]*[）)]/g, '');
    for (const clause of text.split(/[，,；;。：:]/)) {
      if (/或/.test(clause.replace(/(?:及|或)以[上下]/g, ''))) continue;
      for (const part of clause.split(/、|并且|且|并/)) {
        const rule = readPart(part.trim());
        if (rule) rules.push(rule);
      }
    }
  }
  return rules;
}

/** Why an applicant born on `birth` does not meet the rules on `today`, or undefined when they do. */
export function ageRuleReason(
  rules: readonly AgeRule[],
  age: number,
  sex: Sex,
  dates?: { birth: CalendarDate; today: CalendarDate },
): string | undefined {
  const reasons: string[] = [];
  for (const rule of rules) {
    if (rule.sex && rule.sex.value !== sex) continue;
    if (rule.belowRetirement) {
      if (!dates) continue;
      const retirement = retirementAgeMonths(dates.birth, sex);
      if (completedMonths(dates.birth, dates.today) >= retirement) {
        reasons.push(
          `按规定申请人须未达到法定退休年龄；按身份证号计算，您的法定退休年龄为${sayAgeInMonths(retirement)}，现已达到。`,
        );
      }
      continue;
    }
    const who = rule.sex?.word ?? '申请人';
    const now = `按身份证号计算您现在${age}周岁`;
    if (rule.min !== undefined && age < rule.min) {
      const range = rule.max !== undefined ? `在${rule.min}至${rule.max}周岁之间` : `年满${rule.min}周岁`;
      reasons.push(`按规定${who}须${range}，${now}。`);
    } else if (rule.below !== undefined && age >= rule.below) {
      reasons.push(`按规定${who}须未满${rule.below}周岁，${now}。`);
    } else if (rule.max !== undefined && age > rule.max) {
      const range = rule.min !== undefined ? `在${rule.min}至${rule.max}周岁之间` : `在${rule.max}周岁以下`;
      reasons.push(`按规定${who}须${range}，${now}。`);
    }
  }
  return reasons.length > 0 ? reasons.join('') : undefined;
}
