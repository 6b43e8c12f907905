/**
 * Splits a spoken text into the sentences the guide says one after another, so the first can play
 * while the rest are synthesised: at 。！？； and line breaks, and a sentence longer than
 * `maxLength` characters at its last comma (or 、 or ：) before the limit, else at the limit.
 */

export const DEFAULT_SENTENCE_CHARS = 40;

const ENDS = /[^。！？；\n]*(?:[。！？；]+|\n|$)/g;
const PAUSES = new Set(['，', '、', '：']);
/** A piece shorter than this is not cut off at a comma: it would sound clipped. */
const SHORTEST_PIECE = 6;

function splitLong(sentence: string, maxLength: number): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (Array.from(rest).length > maxLength) {
    const characters = Array.from(rest);
    let cut = -1;
    for (let index = maxLength - 1; index >= SHORTEST_PIECE - 1; index -= 1) {
      if (PAUSES.has(characters[index])) {
        cut = index + 1;
        break;
      }
    }
    if (cut < 0) cut = maxLength;
    pieces.push(characters.slice(0, cut).join(''));
    rest = characters.slice(cut).join('');
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/** The sentences of a spoken text (see `spokenText`), none empty or only punctuation. */
export function splitSentences(spoken: string, maxLength = DEFAULT_SENTENCE_CHARS): string[] {
  const sentences: string[] = [];
  for (const match of spoken.matchAll(ENDS)) {
    const sentence = match[0].trim();
    if (!/[\p{Script=Han}A-Za-z0-9]/u.test(sentence)) continue;
    sentences.push(...splitLong(sentence, maxLength));
  }
  return sentences
    .map((sentence) => sentence.replace(/^[，、：\s]+/, '').replace(/[，、：]+$/, ''))
    .filter((sentence) => /[\p{Script=Han}A-Za-z0-9]/u.test(sentence));
}
