/**
 * The numbering of Chinese official documents and Markdown headings, recognised on a line. Ranks
 * order the levels (lower is outer): Markdown # … ######, 第X章, 第X节, 第X条, 一、, （一）, 1., （1）.
 * Markers are normalised for locators — half-width brackets become （）, 1．/1、 become 1. — so that
 * the same clause gets the same locator whatever the source format.
 */

export interface HeadingMatch {
  rank: number;
  /** Normalised marker used in locators: 三、 （二） 7. 第十二条; empty for Markdown headings. */
  marker: string;
  /** Short title after the marker (up to the first sentence end), possibly empty. */
  title: string;
  /** The text of a Markdown heading, used as its locator. */
  markdown?: string;
}

const NUMERAL = '[一二三四五六七八九十百零〇两]+';
const ARTICLE_NUMBER = `(?:${NUMERAL}|\\d+)`;

interface Pattern {
  rank: number;
  regex: RegExp;
  marker: (match: RegExpExecArray) => string;
}

const PATTERNS: Pattern[] = [
  { rank: 10, regex: new RegExp(`^(第${ARTICLE_NUMBER}章)\\s*(.*)$`), marker: (m) => m[1] },
  { rank: 11, regex: new RegExp(`^(第${ARTICLE_NUMBER}节)\\s*(.*)$`), marker: (m) => m[1] },
  { rank: 12, regex: new RegExp(`^(第${ARTICLE_NUMBER}条)(?![款项])\\s*(.*)$`), marker: (m) => m[1] },
  { rank: 20, regex: new RegExp(`^(${NUMERAL})[、．.]\\s*(.*)$`), marker: (m) => `${m[1]}、` },
  { rank: 21, regex: new RegExp(`^[（(](${NUMERAL})[）)]\\s*(.*)$`), marker: (m) => `（${m[1]}）` },
  { rank: 22, regex: /^(\d{1,2})[.．、](?!\d)\s*(.*)$/, marker: (m) => `${m[1]}.` },
  { rank: 23, regex: /^[（(](\d{1,2})[）)]\s*(.*)$/, marker: (m) => `（${m[1]}）` },
];

const TITLE_END = /[。；;！!？?：:]/;
const MAX_TITLE = 40;

/** The heading's title: the words before the first sentence end, when short enough to be one. */
function titleOf(rest: string): string {
  const end = rest.search(TITLE_END);
  const candidate = end === -1 ? rest : rest.slice(0, end);
  return candidate.length <= MAX_TITLE ? candidate.trim() : '';
}

/**
 * The heading a line starts with, if any. `maxRank` limits which levels count (inside an appendix
 * the inner numbering belongs to flattened tables, not to the document's structure).
 */
export function matchHeading(line: string, maxRank = Number.POSITIVE_INFINITY): HeadingMatch | undefined {
  const markdown = /^(#{1,6})\s*(.+)$/.exec(line);
  const text = markdown ? markdown[2].trim() : line;
  for (const pattern of PATTERNS) {
    if (pattern.rank > maxRank) continue;
    const match = pattern.regex.exec(text);
    if (match) return { rank: pattern.rank, marker: pattern.marker(match), title: titleOf(match[2] ?? '') };
  }
  if (markdown) return { rank: markdown[1].length, marker: '', title: text, markdown: text };
  return undefined;
}

/** 附件, 附件1, 附件一：… — the start of an appendix, when the line is no more than its heading. */
export function matchAppendix(line: string): string | undefined {
  const match = /^#{0,6}\s*(附件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?)\s*(?:[:：]\s*(.{0,60}))?$/.exec(
    line,
  );
  return match ? match[1].replace(/\s+/g, '') : undefined;
}
