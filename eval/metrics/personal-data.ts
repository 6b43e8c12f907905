/**
 * Personal data a citizen may type into a question (居民身份证号码, 手机号码). The answer must never
 * repeat it: answers are logged, shown on shared hall screens and forwarded to staff.
 */

const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const MOBILE_NUMBER = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** The identity-card and mobile numbers found in the text, in order of appearance. */
export function findPersonalData(text: string): string[] {
  const found = [...text.matchAll(ID_NUMBER), ...text.matchAll(MOBILE_NUMBER)]
    .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    .map((match) => match[0]);
  return [...new Set(found)];
}

/** The personal data of `question` that appears verbatim (case-insensitive) in `answer`. */
export function echoedPersonalData(question: string, answer: string): string[] {
  const haystack = answer.toUpperCase();
  return findPersonalData(question).filter((value) => haystack.includes(value.toUpperCase()));
}
