/**
 * HTML to document text with htmlparser2: script, style, nav and other page furniture are dropped;
 * block elements (p, div, li, tr, td, h1–h6 …) end a line, so the document keeps its paragraphs and
 * table cells as lines. Headings without Chinese numbering become Markdown headings for the chunker.
 */
import { Parser } from 'htmlparser2';
import type { DocumentMetadata } from '../../knowledge/documents/schema.ts';

const SKIPPED = new Set([
  'script',
  'style',
  'nav',
  'noscript',
  'template',
  'iframe',
  'svg',
  'button',
  'select',
  'head',
  'form',
  'header',
  'footer',
  'aside',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'thead',
  'tbody',
  'section',
  'article',
  'blockquote',
  'pre',
  'dl',
  'dt',
  'dd',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'main',
  'figure',
  'figcaption',
  'caption',
  'address',
  'center',
]);
const CHINESE_NUMBERING =
  /^(第[一二三四五六七八九十百零〇\d]+[章节条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、])/;

export function extractHtml(html: string): { text: string; metadata: DocumentMetadata } {
  const lines: string[] = [];
  let line = '';
  let skipDepth = 0;
  let inTitle = false;
  let pageTitle = '';
  let headingLevel = 0;

  const endLine = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text) {
      lines.push(
        headingLevel && !CHINESE_NUMBERING.test(text) ? `${'#'.repeat(headingLevel)} ${text}` : text,
      );
    }
    line = '';
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (SKIPPED.has(name)) skipDepth += 1;
        if (skipDepth > 0) return;
        if (BLOCKS.has(name)) endLine();
        const heading = /^h([1-6])$/.exec(name);
        if (heading) headingLevel = Number(heading[1]);
      },
      ontext(text) {
        if (inTitle) pageTitle += text;
        if (skipDepth === 0) line += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (BLOCKS.has(name)) endLine();
        if (/^h[1-6]$/.test(name)) headingLevel = 0;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endLine();
  // The <title> often carries the site name ("… - 某某政府网"); it is only a fallback for the title.
  const fallbackTitle = pageTitle.split(/\s[-_|—]\s/)[0].trim();
  const hasOwnTitle = lines.some((text) => /^#\s/.test(text));
  return { text: lines.join('\n'), metadata: !hasOwnTitle && fallbackTitle ? { title: fallbackTitle } : {} };
}
