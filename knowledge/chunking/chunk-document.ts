/**
 * Chunking a policy document along its own structure (一、 （一） 1. 第X条, Markdown headings). Each
 * chunk is one section — or, when a section is longer than maxChars, a run of whole sentences of it —
 * and starts with the path of the headings above it, so a passage makes sense when shown alone. Its
 * locator ("三、（二）7.", "第十二条") is what a citation prints.
 *
 * Inside an appendix (附件), the numbering usually belongs to a table flattened into one cell per line;
 * there only the outer levels (一、 and above) count, and the rest is packed into few chunks.
 */
import type { Chunk } from '../contracts.ts';
import type { PolicyDocument } from '../documents/schema.ts';
import { contentHash } from './content-hash.ts';
import { matchAppendix, matchHeading, type HeadingMatch } from './heading-patterns.ts';
import { packLines } from './split-sentences.ts';

export interface ChunkDocumentOptions {
  /** Largest chunk body in characters (heading path excluded); sentences are never cut. */
  maxChars?: number;
}

const DEFAULT_MAX_CHARS = 600;
const PATH_SEPARATOR = ' › ';
/** Levels that still count inside an appendix: Markdown, 章, 节, 条 and 一、. */
const APPENDIX_MAX_RANK = 20;
const ARTICLE_RANK = 12;

/** "一、指导思想" is only a heading; "（一）离婚登记需提交结婚证。" is a heading that is also a clause. */
function isBareHeading(line: string, heading: HeadingMatch): boolean {
  const rest = line.slice(line.indexOf(heading.title) + heading.title.length).trim();
  return heading.title !== '' && rest === '' && !/[。；;！!？?：:]$/.test(line);
}

interface OpenHeading extends HeadingMatch {
  /** The heading as it reads in the path: marker + title, or the Markdown text. */
  label: string;
}

interface Section {
  headings: OpenHeading[];
  lines: string[];
  /** The section's own heading line carries nothing beyond the heading itself. */
  headingOnly: boolean;
}

function labelOf(heading: HeadingMatch): string {
  return heading.markdown ?? `${heading.marker}${heading.title}`;
}

/** The locator: from the innermost article (第X条) or the outermost numbering, markers joined. */
export function locatorOf(headings: OpenHeading[]): string | undefined {
  const numbered = headings.filter((heading) => !heading.markdown);
  const articleIndex = numbered.map((heading) => heading.rank).lastIndexOf(12);
  const fromArticle =
    articleIndex >= 0 ? numbered.slice(articleIndex) : numbered.filter((h) => h.rank > 11 || h.rank < 10);
  const chapters = articleIndex >= 0 ? [] : numbered.filter((h) => h.rank === 10 || h.rank === 11);
  const markers = [...chapters, ...fromArticle].map((heading) => heading.marker).join('');
  if (markers) return markers;
  const markdown = headings.filter((heading) => heading.markdown);
  return markdown.length > 0 ? markdown[markdown.length - 1].label : undefined;
}

function splitIntoSections(text: string): Section[] {
  const sections: Section[] = [];
  let stack: OpenHeading[] = [];
  let current: Section = { headings: [], lines: [], headingOnly: false };
  let inAppendix = false;
  const open = (heading: OpenHeading, line: string, headingOnly: boolean) => {
    // A new array each time: earlier sections keep the path they had.
    const outer = stack.findIndex((entry) => entry.rank >= heading.rank);
    stack = [...(outer === -1 ? stack : stack.slice(0, outer)), heading];
    current = { headings: stack, lines: [line], headingOnly };
    sections.push(current);
  };
  sections.push(current);
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const appendix = matchAppendix(line);
    if (appendix) {
      inAppendix = true;
      stack = [];
      // Rank -1: an appendix closes every open level of the main text.
      open({ rank: -1, marker: appendix, title: '', label: line.replace(/^#+\s*/, '') }, line, false);
      continue;
    }
    // An article's own items ((一), 1.) are part of the article: 第X条 is the unit a citation names.
    const inArticle = stack.some((entry) => entry.rank === ARTICLE_RANK);
    const maxRank = inAppendix ? APPENDIX_MAX_RANK : inArticle ? ARTICLE_RANK : undefined;
    const heading = matchHeading(line, maxRank);
    if (heading) {
      if (
        heading.markdown !== undefined &&
        heading.rank === 1 &&
        sections.length === 1 &&
        current.lines.length === 0
      ) {
        // A leading "# title" is the document's title, already in source.title: not a path element.
        current.lines.push(line.replace(/^#\s*/, ''));
        continue;
      }
      const cleanLine = line.replace(/^#{1,6}\s*/, '');
      open(
        { ...heading, label: labelOf(heading) },
        cleanLine,
        heading.markdown !== undefined || isBareHeading(cleanLine, heading),
      );
      continue;
    }
    current.lines.push(line);
  }
  return sections;
}

export function chunkDocument(document: PolicyDocument, options: ChunkDocumentOptions = {}): Chunk[] {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const chunks: Chunk[] = [];
  for (const section of splitIntoSections(document.text)) {
    // A heading with nothing under it before the next heading lives on in its children's path.
    if (section.lines.length === 0 || (section.headingOnly && section.lines.length === 1)) continue;
    // A preamble that is only the title (set over one or two lines) adds nothing to source.title.
    if (section.headings.length === 0 && document.title.includes(section.lines.join(''))) continue;
    const own = section.headings[section.headings.length - 1];
    const ancestors = section.headings.slice(0, -1).map((heading) => heading.label);
    const locator = locatorOf(section.headings);
    const lines = own?.markdown ? section.lines.slice(1) : section.lines;
    if (own?.markdown) ancestors.push(own.label);
    packLines(lines, maxChars).forEach((piece, index) => {
      const path = index > 0 && own && !own.markdown ? [...ancestors, own.label] : ancestors;
      const text = path.length > 0 ? `${path.join(PATH_SEPARATOR)}\n${piece}` : piece;
      chunks.push({
        id: `doc:${document.id}:${chunks.length + 1}`,
        field: 'clause',
        text,
        source: { kind: 'policy', id: document.id, title: document.title, ...(locator ? { locator } : {}) },
        hash: contentHash(text),
      });
    });
  }
  return chunks;
}
