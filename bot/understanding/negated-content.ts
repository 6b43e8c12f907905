/**
 * Content the citizen says is *not* what they mean: "不对，我是有限公司，不是个体户", "先不说公司了".
 * A grammatical pattern, not a word list: a negating head followed by the words it governs, up to
 * the end of the clause or the next affirmative "是". Topic dismissals (先不说, 不说, 先别说) are
 * always negations; "不是 X" only in a correction, since elsewhere it often states a condition that
 * matters ("户口不是本地的"). Questions of the shape "是不是 X" are not negations.
 */

const DISMISSAL = /(?:先不说|先别说|(?<![说])不说)([^，。,.;；！!？?\n是]{1,12})(?:了|的)?/gu;
const CORRECTION_NEGATION = /(?:而不是|并不是|(?<![是])不是|并非)([^，。,.;；！!？?\n是]{1,12})(?:了|的)?/gu;

/**
 * The contrastive shape "不是 X，(而)是 Y" / "不是 X，我是 Y": X is set against Y, so X is negated
 * whether or not the turn otherwise reads as a correction ("我们不是城里的，是农村的").
 */
const CONTRAST_NEGATION =
  /(?:(?<![是])不是|并不是|并非)([^，。,.;；！!？?\n是]{1,12}?)(?:了|的)?[，,、\s]*(?:而|我|我们|我家|他|她|人家)?(?:是|就是|属于)(?!不是)/gu;

/** The reverse contrast "是 Y，不是 X" / "是 Y 而不是 X". */
const REVERSE_CONTRAST_NEGATION =
  /(?<![不])是(?!不是)[^，。,.;；！!？?\n]{1,12}?[，,、\s]*(?:而|并|可)?不是([^，。,.;；！!？?\n是]{1,12})/gu;

/** The text with negated spans removed (and a space where they were). */
export function withoutNegatedContent(text: string, correction: boolean): string {
  let result = text.replace(DISMISSAL, ' ');
  result = correction ? result.replace(CORRECTION_NEGATION, ' ') : removeContrasted(result);
  return result.replace(/\s+/g, ' ').trim();
}

/**
 * The words the citizen says they do not mean, as written (the negated spans of dismissals, of
 * contrasts and, in a correction, of every "不是 X"): what a candidate's name should not contain.
 */
export function negatedContent(text: string, correction: boolean): string[] {
  const spans = [
    ...[...text.matchAll(DISMISSAL)].map((match) => match[1]),
    ...(correction
      ? [...text.matchAll(CORRECTION_NEGATION)]
      : [...text.matchAll(CONTRAST_NEGATION), ...text.matchAll(REVERSE_CONTRAST_NEGATION)]
    ).map((match) => match[1]),
  ];
  const words = spans.map((span) => span.trim().replace(/[了的啊呀呢吧]+$/u, ''));
  return [...new Set(words.filter((word) => [...word].length >= 2))];
}

/** Removes the X of each "不是 X，是 Y", keeping the affirmative part. */
function removeContrasted(text: string): string {
  const remove = (whole: string, negated: string): string => {
    const at = whole.lastIndexOf(negated);
    return `${whole.slice(0, at)} ${whole.slice(at + negated.length)}`;
  };
  return text.replace(CONTRAST_NEGATION, remove).replace(REVERSE_CONTRAST_NEGATION, remove);
}

/** Whether the text sets a topic aside ("先不说护照了"): what came before no longer applies. */
export function dismissesTopic(text: string): boolean {
  DISMISSAL.lastIndex = 0;
  const found = DISMISSAL.test(text);
  DISMISSAL.lastIndex = 0;
  return found;
}
