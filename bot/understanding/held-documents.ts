/**
 * The documents a citizen says they already have ("我带了身份证和两张照片，还缺什么"): the words after
 * a verb of holding (knowledge/language/zh-CN/holdings.txt) up to the end of the clause or the question
 * about what is missing. Read only when the message also asks about materials, so that "我有个问题"
 * or "我有房子" in a story is never taken for a list of documents.
 */
import { defaultChineseCues } from '../../knowledge/language/chinese-cues.ts';

const CLAUSE_END = /[，。,.;；!?！？\n]/u;

/** The text naming the documents held, or undefined when the message names none. */
export function heldDocuments(text: string, asksAboutMaterials: boolean): string | undefined {
  if (!asksAboutMaterials) return undefined;
  const cues = defaultChineseCues();
  const holding = cues.holdings.holding.pattern.exec(text);
  if (!holding) return undefined;
  let span = text.slice(holding.index + holding[0].length);
  const end = CLAUSE_END.exec(span);
  if (end) span = span.slice(0, end.index);
  // "我带了身份证还缺啥": the materials question closes the list.
  const question = cues.aspects.materials.pattern.exec(span);
  if (question) span = span.slice(0, question.index);
  span = span.replace(/^(了|着)/u, '').trim();
  return [...span.replace(/[^\p{Script=Han}a-z0-9]/gu, '')].length >= 2 ? span : undefined;
}
