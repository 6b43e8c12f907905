/**
 * Matches the names citizens give their documents to the material names of a catalog item:
 * normalise (width, traditional characters, punctuation), strip the form (原件/复印件 …), expand
 * colloquial names (material-synonyms.ts), then score by equality, containment and, as a last resort,
 * character overlap above a threshold — so "结婚证" never matches "离婚证".
 */
import type { Material } from '../../knowledge/catalog/schema.ts';
import { normalizeForMatch } from '../../knowledge/text/normalize.ts';
import { MATERIAL_SYNONYMS } from './material-synonyms.ts';

/** A match must score at least this to count (containment ≥ 0.6; overlap fallback is capped lower). */
export const MATCH_THRESHOLD = 0.6;
/** Character overlap (Dice) needed by the fallback: 0.75 accepts "户口薄"→"户口簿", refuses "结婚照"→"结婚证". */
const OVERLAP_THRESHOLD = 0.7;

const FORM_WORDS =
  /原件及复印件|原件和复印件|原件与复印件|原件或复印件|复印件|原件|影印件|扫描件|复印|电子版|电子件|正本|副本|\d+份|[一二两三四五]份|各一份/g;
const LEADING_WORDS = /^(我有|我带了|带了|已有|已经有|提供了|提供|有|带)/;

/** Normalised material wording without form, quantity or surrounding chatter. */
export function normalizeMaterialName(name: string): string {
  return normalizeForMatch(name)
    .replace(/\s+/g, '')
    .replace(FORM_WORDS, '')
    .replace(LEADING_WORDS, '')
    .replace(/的$/, '');
}

function expandProvided(name: string): string[] {
  const base = normalizeMaterialName(name);
  const variants = new Set([base]);
  let allApplied = base;
  for (const [colloquial, official] of MATERIAL_SYNONYMS) {
    // "居民身份证" already says what "身份证" would expand to; "声明书" → "声明" shortens instead.
    const alreadyOfficial = (text: string) => text.includes(official) && !colloquial.includes(official);
    if (!base.includes(colloquial) || alreadyOfficial(base)) continue;
    variants.add(base.replace(colloquial, official));
    if (!alreadyOfficial(allApplied)) allApplied = allApplied.replace(colloquial, official);
  }
  variants.add(allApplied);
  return [...variants].filter((variant) => variant.length > 0);
}

function materialVariants(name: string): string[] {
  const base = normalizeMaterialName(name);
  const withoutBrackets = normalizeMaterialName(name.replace(/[（(][^）)]*[）)]/g, ''));
  return [...new Set([base, withoutBrackets])].filter((variant) => variant.length > 0);
}

function characterDice(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const character of a) counts.set(character, (counts.get(character) ?? 0) + 1);
  let shared = 0;
  for (const character of b) {
    const count = counts.get(character) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(character, count - 1);
    }
  }
  return (2 * shared) / ([...a].length + [...b].length);
}

function scoreVariant(provided: string, material: string): number {
  if (provided === material) return 1;
  if (provided.length >= 2 && material.includes(provided)) {
    return 0.6 + (0.35 * provided.length) / material.length;
  }
  if (material.length >= 2 && provided.includes(material)) return 0.9;
  const dice = characterDice(provided, material);
  return dice >= OVERLAP_THRESHOLD ? dice * 0.8 : 0;
}

/** How well a citizen's wording names a material, from 0 (not at all) to 1 (exactly). */
export function scoreMaterial(provided: string, materialName: string): number {
  let best = 0;
  for (const candidate of expandProvided(provided)) {
    for (const material of materialVariants(materialName)) {
      best = Math.max(best, scoreVariant(candidate, material));
    }
  }
  return best;
}

/**
 * The materials a provided name stands for: the best-scoring one(s) above the threshold. Ties are all
 * kept, so a catalog that lists the same document twice (原件 and 复印件) is satisfied by one mention.
 */
export function matchProvided(provided: string, materials: Material[]): Material[] {
  const scored = materials.map((material) => ({ material, score: scoreMaterial(provided, material.name) }));
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  if (best < MATCH_THRESHOLD) return [];
  return scored.filter((entry) => entry.score >= best - 1e-9).map((entry) => entry.material);
}
