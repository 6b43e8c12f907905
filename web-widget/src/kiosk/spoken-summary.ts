/**
 * What the guide says aloud of an answer: its first sentence or two, while the full card
 * (materials, window, time) stays on screen to be read. Lists, links and markup are left to the card.
 */

/** Stop after the sentence that reaches this many characters. */
export const SUMMARY_CHARS = 60;
/** A second sentence only while the whole stays within this; never more, cut at a comma. */
export const SUMMARY_MAX_CHARS = 80;

const SENTENCE = /[^。！？!?\n]+[。！？!?]?/gu;

function clean(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[*_`#>]+/g, '')
    .replace(/^\s*(?:[-•·]|\d+[.、)])\s*/gm, '')
    .replace(/[ \t]+/g, ' ');
}

export function spokenSummary(text: string): string {
  const sentences = (clean(text).match(SENTENCE) ?? []).map((part) => part.trim()).filter(Boolean);
  let summary = '';
  for (const [index, sentence] of sentences.entries()) {
    if (summary && Array.from(summary + sentence).length > SUMMARY_MAX_CHARS) break;
    summary += sentence;
    if (index >= 1 || Array.from(summary).length >= SUMMARY_CHARS) break;
  }
  // An opening that announces a list ("共需4项材料：") points to the card that shows it.
  summary = summary.replace(/[：:]$/, '，详见屏幕上的清单。');
  const characters = Array.from(summary);
  if (characters.length <= SUMMARY_MAX_CHARS) return summary;
  const head = characters.slice(0, SUMMARY_MAX_CHARS).join('');
  const comma = Math.max(head.lastIndexOf('，'), head.lastIndexOf('、'), head.lastIndexOf(','));
  return `${comma > 0 ? head.slice(0, comma) : head}。`;
}
