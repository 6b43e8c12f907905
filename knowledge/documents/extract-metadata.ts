/**
 * Metadata from the text itself when the file carries none: the title (the first heading-like line
 * that names a kind of document, with the issuing body on the line before joined to it, as official
 * documents are set), the 文号 standing on its own line, and the 成文日期 or first date.
 */
import type { DocumentMetadata } from './schema.ts';

const DOCUMENT_KINDS =
  /(通知|方案|办法|规定|意见|决定|细则|条例|公告|通告|批复|通报|报告|规划|计划|指南|须知|标准|清单|规则|纲要|函|令|指引|目录|告知书)$/;
const ISSUER = /(办公室|办公厅|委员会|管委会|人民政府|政府|局|厅|部|中心|委|办|院|署|工委)$/;
const SENTENCE_PUNCTUATION = /[。，,；;：:！？!?]/;
const DOC_NUMBER = /^([\u4e00-\u9fa5]{1,16})\s*[〔［[（(【]\s*(\d{4})\s*[〕］\]）)】]\s*(\d{1,4})\s*号$/;
const DATE_CHINESE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const DATE_ISO = /(\d{4})-(\d{1,2})-(\d{1,2})/;

const stripHeadingMarks = (line: string): string => line.replace(/^#{1,6}\s*/, '').trim();

function isoDate(match: RegExpExecArray): string {
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
}

/** The 文号 in canonical form (〔〕 brackets), when the whole line is one. */
export function parseDocNumber(line: string): string | undefined {
  const match = DOC_NUMBER.exec(line.trim());
  return match ? `${match[1]}〔${match[2]}〕${match[3]}号` : undefined;
}

export function parseDate(text: string): string | undefined {
  const chinese = DATE_CHINESE.exec(text);
  const iso = DATE_ISO.exec(text);
  if (chinese && (!iso || chinese.index <= iso.index)) return isoDate(chinese);
  return iso ? isoDate(iso) : undefined;
}

export function findTitle(lines: string[]): string | undefined {
  const limit = Math.min(lines.length, 40);
  for (let index = 0; index < limit; index += 1) {
    const line = stripHeadingMarks(lines[index]);
    if (line.length < 4 || line.length > 100 || SENTENCE_PUNCTUATION.test(line.replace(/《[^》]*》/g, ''))) {
      continue;
    }
    if (!DOCUMENT_KINDS.test(line)) continue;
    if (/[>＞»›|]/.test(line)) continue;
    const previous = index > 0 ? stripHeadingMarks(lines[index - 1]) : '';
    const plain = (text: string) => text.length > 0 && text.length <= 40 && !SENTENCE_PUNCTUATION.test(text);
    // A title set over two lines (or wrapped in a PDF): "…关于优化政务服" + "务大厅…的通知".
    if (!/^关于/.test(line) && !/关于/.test(line) && plain(previous) && /关于/.test(previous)) {
      return `${previous}${line}`;
    }
    const joinIssuer =
      /^关于/.test(line) && previous.length <= 30 && ISSUER.test(previous) && plain(previous);
    return joinIssuer ? `${previous}${line}` : line;
  }
  // No line names a kind of document: the first short line that is not a sentence.
  for (let index = 0; index < limit; index += 1) {
    const line = stripHeadingMarks(lines[index]);
    if (line.length >= 2 && line.length <= 50 && !SENTENCE_PUNCTUATION.test(line) && !parseDate(line)) {
      return line;
    }
  }
  return undefined;
}

/** Metadata found in the text; values already known (front matter, web-page header) take precedence. */
export function extractMetadata(lines: string[], known: DocumentMetadata = {}): DocumentMetadata {
  const head = lines.slice(0, 40);
  const docNumber = known.docNumber ?? head.map(parseDocNumber).find(Boolean);
  const date =
    (known.date ? (parseDate(known.date) ?? known.date) : undefined) ??
    head.map((line) => (/成文日期|印发日期/.test(line) ? parseDate(line) : undefined)).find(Boolean) ??
    parseDate(lines.join('\n'));
  const title = known.title?.trim() || findTitle(lines);
  return {
    ...(title ? { title } : {}),
    ...(docNumber ? { docNumber } : {}),
    ...(date ? { date } : {}),
    ...(known.source ? { source: known.source } : {}),
  };
}
