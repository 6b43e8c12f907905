/**
 * Sentence splitting for Chinese policy text. A long section is cut only where a sentence or clause
 * ends (。；！？ and their ASCII forms, with any closing quote or bracket kept on the sentence), never
 * inside a clause, so every piece can be cited and read on its own.
 */

const SENTENCE = /[^。；;！!？?]*[。；;！!？?]+[”’」』）)]*|[^。；;！!？?]+$/g;

export function splitSentences(text: string): string[] {
  return (text.match(SENTENCE) ?? []).map((sentence) => sentence.trim()).filter(Boolean);
}

/**
 * Pack lines into pieces of at most maxChars: whole lines where they fit, a long line cut into its
 * sentences. A single sentence longer than maxChars stays whole rather than being cut mid-clause.
 */
export function packLines(lines: string[], maxChars: number): string[] {
  const pieces: string[] = [];
  let current = '';
  const push = (unit: string, separator: string) => {
    if (current && current.length + separator.length + unit.length > maxChars) {
      pieces.push(current);
      current = unit;
    } else current = current ? current + separator + unit : unit;
  };
  for (const line of lines) {
    if (line.length <= maxChars) {
      push(line, '\n');
      continue;
    }
    splitSentences(line).forEach((sentence, index) => push(sentence, index === 0 ? '\n' : ''));
  }
  if (current) pieces.push(current);
  return pieces;
}
