/**
 * Content the citizen says is *not* what they mean: "不对，我是有限公司，不是个体户", "先不说公司了".
 * A grammatical pattern, not a word list: a negating head followed by the words it governs, up to
 * the end of the clause or the next affirmative "是". Topic dismissals (先不说, 不说, 先别说) are
 * always negations; "不是 X" only in a correction, since elsewhere it often states a condition that
 * matters ("户口不是本地的"). Questions of the shape "是不是 X" are not negations.
 */

const DISMISSAL = /(?:先不说|先别说|(?<![说])不说)([^，。,.;；！!？?\n是]{1,12})(?:了|的)?/gu;
const CORRECTION_NEGATION = /(?:而不是|并不是|(?<![是])不是|并非)([^，。,.;；！!？?\n是]{1,12})(?:了|的)?/gu;

/** The text with negated spans removed (and a space where they were). */
export function withoutNegatedContent(text: string, correction: boolean): string {
  let result = text.replace(DISMISSAL, ' ');
  if (correction) result = result.replace(CORRECTION_NEGATION, ' ');
  return result.replace(/\s+/g, ' ').trim();
}

/** Whether the text sets a topic aside ("先不说护照了"): what came before no longer applies. */
export function dismissesTopic(text: string): boolean {
  DISMISSAL.lastIndex = 0;
  const found = DISMISSAL.test(text);
  DISMISSAL.lastIndex = 0;
  return found;
}
