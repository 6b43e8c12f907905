/**
 * Splits a spoken text into the sentences the guide says one after another, so the first can play
 * while the rest are synthesised: at 。！？； and line breaks, and a sentence longer than
 * `maxLength` characters at its last comma (or 、 or ：) before the limit, else at the limit.
 */

export const DEFAULT_SENTENCE_CHARS = 40;
/** The first sentence of a plan is kept short: the guide starts speaking once it is made. */
export const DEFAULT_FIRST_SENTENCE_CHARS = 16;

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

/** A sentence longer than `maxLength` cut once at its last pause before it; uncut without one. */
function cutAtPause(sentence: string, maxLength: number): string[] {
  const characters = Array.from(sentence);
  if (characters.length <= maxLength) return [sentence];
  for (let index = maxLength - 1; index >= SHORTEST_PIECE - 1; index -= 1) {
    if (PAUSES.has(characters[index])) {
      return [characters.slice(0, index + 1).join(''), characters.slice(index + 1).join('')];
    }
  }
  return [sentence];
}

/**
 * The sentences of a spoken text (see `spokenText`), none empty or only punctuation. With
 * `firstMaxLength` the first sentence is cut shorter at a pause, if it has one before that length.
 */
export function splitSentences(
  spoken: string,
  maxLength = DEFAULT_SENTENCE_CHARS,
  firstMaxLength = maxLength,
): string[] {
  const sentences: string[] = [];
  for (const match of spoken.matchAll(ENDS)) {
    const sentence = match[0].trim();
    if (!/[\p{Script=Han}A-Za-z0-9]/u.test(sentence)) continue;
    const pieces = sentences.length === 0 ? cutAtPause(sentence, firstMaxLength) : [sentence];
    for (const piece of pieces) sentences.push(...splitLong(piece, maxLength));
  }
  return sentences
    .map((sentence) => sentence.replace(/^[，、：\s]+/, '').replace(/[，、：]+$/, ''))
    .filter((sentence) => /[\p{Script=Han}A-Za-z0-9]/u.test(sentence));
}
