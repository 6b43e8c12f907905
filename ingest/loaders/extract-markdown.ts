/**
 * Markdown to document text: optional `---` front matter (title, docNumber/文号, date/成文日期,
 * source/来源) becomes metadata; inline markup is stripped; headings keep their `#` marks so the
 * chunker can follow them.
 */
import type { DocumentMetadata } from '../../knowledge/documents/schema.ts';

const FRONT_MATTER_KEYS: Record<string, keyof DocumentMetadata> = {
  title: 'title',
  标题: 'title',
  docnumber: 'docNumber',
  文号: 'docNumber',
  date: 'date',
  成文日期: 'date',
  source: 'source',
  来源: 'source',
};

function readFrontMatter(text: string): { body: string; metadata: DocumentMetadata } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  if (!match) return { body: text, metadata: {} };
  const metadata: DocumentMetadata = {};
  for (const line of match[1].split(/\r?\n/)) {
    const pair = /^\s*([^:：#]+?)\s*[:：]\s*(.*)$/.exec(line);
    if (!pair) continue;
    const key = FRONT_MATTER_KEYS[pair[1].toLowerCase()] ?? FRONT_MATTER_KEYS[pair[1]];
    const value = pair[2].trim().replace(/^(['"])(.*)\1$/, '$2');
    if (key && value) metadata[key] = value;
  }
  return { body: text.slice(match[0].length), metadata };
}

function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*\w])[*_]([^*_\n]+)[*_](?=[^*\w]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/~~(.+?)~~/g, '$1');
}

export function extractMarkdown(text: string): { text: string; metadata: DocumentMetadata } {
  const { body, metadata } = readFrontMatter(text.replace(/^\uFEFF/, ''));
  const lines: string[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line) || /^([-*_]\s*){3,}$/.test(line)) continue;
    if (/^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(line)) continue;
    const heading = /^(#{1,6})\s*(.+?)\s*#*$/.exec(line);
    if (heading) {
      lines.push(`${heading[1]} ${stripInline(heading[2])}`);
      continue;
    }
    let content = line.replace(/^>\s?/, '').replace(/^[-*+]\s+/, '');
    if (content.startsWith('|')) {
      content = content
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim())
        .join(' ');
    }
    lines.push(stripInline(content));
  }
  return { text: lines.join('\n'), metadata };
}
