/**
 * Splitting one 申请材料 cell into materials. Halls write the list in several ways: one material per
 * line, a numbered list on one line ("1.营业执照；2.身份证" or "（1）…（2）…"), items separated by ；
 * or ;, or a short list with 、. The first of these that gives more than one material is used:
 * line breaks, then numbering, then semicolons, then 、 — the last only when it cannot be a name
 * that holds 、 itself ("法定代表人、董事、监事和经理的任职文件"): a structured line (with `|`) is split on
 * ； or 、 only when every part is a structured line of its own.
 */

// "1." "1、" "1．" "（1）" "(1)" "①" at the start of a material.
// A bare "2." counts only after a separator, so "2.5寸照片" stays whole; a list must start with a mark.
const NUMBER_MARK = /(?:[（(]\d{1,2}[）)]|[①-⑳]|(?:^|(?<=[\s；;。，,]))\d{1,2}\s*[.．、](?!\d))\s*/gu;
const LEADING_MARK = /^(?:[（(]\d{1,2}[）)]|\d{1,2}\s*[.．、](?!\d)|[①-⑳])\s*/u;
const TRAILING_PUNCTUATION = /[；;。，,\s]+$/u;

const clean = (parts: string[]): string[] =>
  parts
    .map((part) => part.replace(LEADING_MARK, '').replace(TRAILING_PUNCTUATION, '').trim())
    .filter(Boolean);

function splitNumbered(text: string): string[] {
  const marks = [...text.matchAll(NUMBER_MARK)];
  if (marks.length < 2 || marks[0].index !== 0) return [text];
  const parts: string[] = [];
  let start = 0;
  for (const mark of marks) {
    if (mark.index === undefined) continue;
    parts.push(text.slice(start, mark.index));
    start = mark.index;
  }
  parts.push(text.slice(start));
  return parts;
}

const isStructured = (text: string): boolean => /[|｜]/u.test(text);

/** The materials of one cell, as lines in the `名称|形式|份数|必要性|情形|免提交|备注` format or plain names. */
export function splitMaterialCell(text: string): string[] {
  const lines = text
    .split('\n')
    .map((part) => part.trim())
    .filter(Boolean);
  if (lines.length !== 1) return clean(lines);
  const [line] = lines;
  // A structured line may hold ； or 、 in a name or a situation: split it only into structured lines.
  const usable = (parts: string[]): boolean =>
    parts.length > 1 && (!isStructured(line) || parts.every(isStructured));
  for (const parts of [clean(splitNumbered(line)), clean(line.split(/[；;]/u)), clean(line.split('、'))]) {
    if (usable(parts)) return parts;
  }
  return clean(lines);
}
