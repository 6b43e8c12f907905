/**
 * Which aspects of an item a question asks about, recognised from the word classes of
 * knowledge/language/zh-CN/aspects.txt ("要带啥", "几号窗口", "多少钱"). The matched words are also
 * removed before item search, so that the item is found from what remains ("护照要带啥" → "护照").
 */
import { defaultChineseCues } from '../../knowledge/language/chinese-cues.ts';
import type { Aspect } from '../types.ts';

export type AskedAspect = Exclude<Aspect, 'overview'>;

export interface AspectReading {
  /** The first aspect mentioned. */
  aspect?: AskedAspect;
  /** Every aspect mentioned, in order of first mention ("在哪个窗口办，要钱不" → where, fee). */
  aspects: AskedAspect[];
  /** Matches per aspect. */
  counts: Partial<Record<AskedAspect, number>>;
  /** The text with the aspect words removed. */
  rest: string;
}

export function detectAspects(text: string): AspectReading {
  const classes = defaultChineseCues().aspects;
  const firstAt: Array<[AskedAspect, number]> = [];
  const counts: Partial<Record<AskedAspect, number>> = {};
  let rest = text;
  for (const name of Object.keys(classes) as AskedAspect[]) {
    const cueClass = classes[name];
    const matches = [...text.matchAll(cueClass.global)].filter((match) => match[0].length > 0);
    if (!matches.length) continue;
    counts[name] = matches.length;
    firstAt.push([name, matches[0].index ?? 0]);
    rest = rest.replace(cueClass.global, ' ');
  }
  const aspects = firstAt.sort((a, b) => a[1] - b[1]).map(([name]) => name);
  return { aspect: aspects[0], aspects, counts, rest };
}

/** The first aspect asked and the text without aspect words (kept for existing callers). */
export function detectAspect(text: string): { aspect?: AskedAspect; rest: string } {
  const { aspect, rest } = detectAspects(text);
  return { aspect, rest };
}
