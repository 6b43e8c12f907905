/**
 * Approximate substring search (Sellers' algorithm): the fewest edits that turn a cue into some
 * stretch of the text. Recognised text drops, swaps or adds a character now and then ("公民身份号吗",
 * "统一社会信代码"), so a printed caption is still found when one character in four is wrong.
 */

/** The smallest edit distance between `needle` and any substring of `haystack`. */
export function bestSubstringDistance(needle: string, haystack: string): number {
  const pattern = [...needle];
  const text = [...haystack];
  if (pattern.length === 0) return 0;
  // previous[i]: distance between pattern[0..i) and the best substring ending at the current column.
  let previous = Array.from({ length: pattern.length + 1 }, (_, index) => index);
  let best = previous[pattern.length];
  for (const character of text) {
    const current = [0];
    for (let index = 1; index <= pattern.length; index += 1) {
      const substitution = previous[index - 1] + (pattern[index - 1] === character ? 0 : 1);
      current.push(Math.min(substitution, previous[index] + 1, current[index - 1] + 1));
    }
    best = Math.min(best, current[pattern.length]);
    previous = current;
  }
  return best;
}

/**
 * How well a cue is found in the text, from 0 to 1: 1 when it is there as printed, less for each
 * wrong character, 0 beyond one wrong character in four (short cues, up to three characters, must be
 * exact: one wrong character in "户主" is a different word).
 */
export function cueMatch(cue: string, text: string): number {
  const length = [...cue].length;
  const allowed = length <= 3 ? 0 : Math.floor(length / 4);
  const distance = bestSubstringDistance(cue, text);
  if (distance > allowed) return 0;
  return 1 - distance / length;
}
