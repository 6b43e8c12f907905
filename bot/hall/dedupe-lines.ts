/**
 * Removes facts that a hall answer would otherwise state twice. hall.json often repeats one
 * arrangement in two places (the hours field and a note both say "工作日中午12:00-13:30综合咨询窗口值守"),
 * and an answer built from both must say it once. Lines are compared clause by clause (split at "；");
 * a clause already contained in an earlier line is dropped, the rest of its line is kept as written.
 */

const LABEL = /^([^：:，,。；;]{1,8})[：:]/;
// Clauses shorter than this ("免费") are too generic to be treated as a repetition.
const MIN_REPEATED_CHARS = 8;

const comparable = (text: string): string => text.replace(/[\s。！？!?；;，,]/g, '');

export function dedupeLines(lines: string[]): string[] {
  const kept: string[] = [];
  for (const line of lines) {
    const said = comparable(kept.join(''));
    const label = LABEL.exec(line)?.[0] ?? '';
    const clauses = line.slice(label.length).split(/(?<=[；;])/);
    const fresh = clauses.filter((entry) => {
      const text = comparable(entry);
      return text.length > 0 && !(text.length >= MIN_REPEATED_CHARS && said.includes(text));
    });
    if (fresh.length === 0) continue;
    kept.push(`${label}${fresh.join('').replace(/[；;]$/, '。')}`);
  }
  return kept;
}
