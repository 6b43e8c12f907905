/**
 * Small formatting helpers for the citizen-facing Chinese text: floors as 一楼/二楼, numbered lists,
 * and sentences that always end with exactly one full stop.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一楼, 10 → 十楼; other numbers stay as digits (B1 floors are written by the hall itself). */
export function floorLabel(floor: number): string {
  if (floor >= 1 && floor <= 10) return `${DIGITS[floor]}楼`;
  if (floor < 0) return `地下${-floor}层`;
  return `${floor}楼`;
}

/** Adds a full stop unless the text already ends with sentence punctuation. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[。！？!?；;]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}

/** Strips trailing sentence punctuation, for text embedded inside a longer sentence. */
export function clause(text: string): string {
  return text.trim().replace(/[。！？!?；;，,、]+$/, '');
}

/** "1. …" lines, one per entry. */
export function numberedLines(entries: string[], start = 1): string[] {
  return entries.map((entry, index) => `${index + start}. ${entry}`);
}

/** "A、B和C" */
export function joinList(entries: string[]): string {
  if (entries.length <= 1) return entries.join('');
  return `${entries.slice(0, -1).join('、')}和${entries[entries.length - 1]}`;
}

/** "一楼东区": the floor and the area, without repeating the floor when the area already names it. */
export function floorAndArea(floor: number | undefined, area: string | undefined): string {
  const floorText = floor === undefined ? '' : floorLabel(floor);
  if (!area) return floorText;
  return floorText && area.startsWith(floorText) ? area : `${floorText}${area}`;
}

/** "“残疾人证办理”" or "办理“企业设立登记”": never doubles a verb the item name already ends with. */
export function itemSubject(name: string): string {
  return /(办理|申请|申领|申办|申报)$/.test(name) ? `“${name}”` : `办理“${name}”`;
}
