/**
 * Matches the names citizens give their documents to the material names of a catalog item:
 * normalise (width, traditional characters, punctuation), strip the form (原件/复印件 …), expand
 * colloquial names (material-synonyms.ts, the project lexicon, the CC-CEDICT synonym graph), then
 * score by equality, containment and, as a last resort, character overlap above a threshold between
 * names whose head nouns agree — so "结婚证" never matches "离婚证" nor "结婚照".
 *
 * `readProvided` is the explained form: it splits an utterance that names several documents, reads
 * whose document it is (words/person-words.ts), a photo described by its colour (words/photo-words.ts)
 * and a document described by its issuer (words/issuer-words.ts), and returns each match with what
 * was said and how it was recognised, plus every phrase it could not place.
 */
import type { Material } from '../../knowledge/catalog/schema.ts';
import { loadDefaultLexicon, type Lexicon } from '../../knowledge/text/lexicon.ts';
import { normalizeForMatch, normalizeText } from '../../knowledge/text/normalize.ts';
import { contentWords } from '../../knowledge/text/segment.ts';
import { loadDefaultSynonymGraph, type SynonymGraph } from '../../knowledge/text/synonym-graph.ts';
import { MATERIAL_SYNONYMS } from './material-synonyms.ts';
import { headNoun, headsCompatible, materialHeads } from './words/head-noun.ts';
import { extractIssuer, GENERIC_DOCUMENT } from './words/issuer-words.ts';
import { extractPerson, isPersonWord, type PersonWord } from './words/person-words.ts';
import { isPhotoMaterial, isPhotoPhrase, photoKinds } from './words/photo-words.ts';
import { splitDocuments } from './words/split-documents.ts';
import { asksFor, factsProvenBy } from './words/evidence-classes.ts';
import { namedExamples } from './words/named-examples.ts';

/** A match must score at least this to count (containment ≥ 0.6; overlap fallback is capped lower). */
export const MATCH_THRESHOLD = 0.6;
/** Character overlap (Dice) needed by the fallback: 0.75 accepts "户口薄"→"户口簿", refuses "结婚照"→"结婚证". */
const OVERLAP_THRESHOLD = 0.7;

/**
 * Whether two names differ as a typo does: one character replaced, added or dropped, not in the first
 * half of the name — where Chinese document names carry what tells them apart (结婚证 / 离婚证,
 * 建设工程规划许可 / 建设用地规划许可).
 */
function typoOf(provided: string, material: string): boolean {
  const a = [...provided];
  const b = [...material];
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 3) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  return endA - start <= 1 && endB - start <= 1 && start >= Math.floor(Math.max(a.length, b.length) / 2);
}

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
    // "驾驶执照" already says which 执照: a modifier in front of the colloquial word keeps it.
    const at = base.indexOf(colloquial);
    if (
      official.endsWith(colloquial) &&
      at > 0 &&
      /\p{Script=Han}/u.test(base[at - 1]) &&
      // 的 ends a modifier; 旧/原 say which one of the same document ("旧身份证" → 原居民身份证).
      !'的旧原'.includes(base[at - 1])
    ) {
      continue;
    }
    variants.add(base.replace(colloquial, official));
    if (!alreadyOfficial(allApplied)) allApplied = allApplied.replace(colloquial, official);
  }
  variants.add(allApplied);
  return [...variants].filter((variant) => variant.length > 0);
}

/**
 * The alternatives of a material the catalog lets the citizen choose from ("离婚证、离婚判决书或调解书"
 * → 离婚证, 离婚判决书, 调解书): each one that is itself a document name is a name of the material.
 * 及/和 join documents that are all needed, so they do not split.
 */
function alternatives(name: string): string[] {
  const choices = name.split(/或者|或/u);
  // Each 或 choice is a whole document ("近期银行流水"); a 、 item only when it ends in its own head
  // noun — otherwise it is a modifier sharing the last item's head ("法定代表人、董事…的身份证明").
  const listed = choices.flatMap((choice) => {
    const items = choice.split('、');
    return items.length < 2
      ? []
      : items.filter((item) => {
          const head = headNoun(item);
          return head !== undefined && item.length > head.length;
        });
  });
  const chosen =
    choices.length > 1 ? choices.filter((choice) => choice.length >= 3 && headNoun(choice) !== choice) : [];
  return [...chosen, ...listed];
}

function materialVariants(name: string): string[] {
  const bare = name.replace(/[（(][^）)]*[）)]/g, '');
  const names = [name, bare, ...alternatives(bare), ...namedExamples(name)].map(normalizeMaterialName);
  return [...new Set(names)].filter((variant) => variant.length > 0);
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

/** Whether the provided wording is the same kind of thing as some alternative of the material. */
function sameKind(provided: string, material: string): boolean {
  const head = headNoun(provided);
  return materialHeads(material).some((materialHead) => headsCompatible(head, materialHead));
}

function scoreVariant(provided: string, material: string): number {
  if (provided === material) return 1;
  // "社保卡" is no "社保卡申请表", "结婚照" no "结婚证": containment and overlap need the same kind.
  if (!sameKind(provided, material)) return 0;
  // A bare head noun ("说明", "合同", "证明") says what kind of document, not which one.
  if (headNoun(provided) === provided) return 0;
  // Without a head noun, a fragment must be most of the name: "户口" for 户口簿, not "规划" for
  // 建设工程规划许可申请表.
  const fragment = headNoun(provided) === undefined && provided.length * 2 <= material.length;
  if (provided.length >= 2 && material.includes(provided) && !fragment) {
    return 0.6 + (0.35 * provided.length) / material.length;
  }
  // Head-final: "我的居民身份证" names 居民身份证, "居民身份证明" does not.
  if (material.length >= 2 && provided.endsWith(material)) return 0.9;
  if (!typoOf(provided, material)) return 0;
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

/** How a phrase was recognised, for staff and for tests. */
export type MatchCue = 'name' | 'lexicon' | 'synonym-graph' | 'photo' | 'issuer' | 'evidence';

export interface ProvidedMatch {
  /** The phrase as the citizen said it (one document of a possibly longer utterance). */
  said: string;
  material: Material;
  via: MatchCue;
  /** Whose document it is, when the citizen said so ("老伴"). */
  person?: string;
}

export interface ProvidedReading {
  matched: ProvidedMatch[];
  /** Phrases that name no material of the item (or could name several different ones). */
  unrecognised: string[];
}

export interface MatchResources {
  lexicon?: Lexicon;
  synonymGraph?: SynonymGraph;
}

/** Neighbours in the CC-CEDICT graph weaker than this are too polysemous to stand for a document. */
const GRAPH_MIN_WEIGHT = 0.5;

interface Variant {
  text: string;
  via: MatchCue;
}

function phraseVariants(phrase: string, resources: Required<MatchResources>): Variant[] {
  const variants: Variant[] = expandProvided(phrase).map((text) => ({ text, via: 'name' }));
  const base = normalizeMaterialName(phrase);
  for (const { key, expansions } of resources.lexicon.match(base)) {
    for (const expansion of expansions) {
      // One expansion, not a chain of them: "驾驶证" → "驾驶执照" must not go on to 营业执照.
      variants.push({ text: normalizeMaterialName(base.replace(key, expansion)), via: 'lexicon' });
    }
  }
  for (const word of contentWords(base)) {
    if ([...word].length < 2) continue;
    for (const { word: neighbour, weight } of resources.synonymGraph.neighbours(word)) {
      if (weight < GRAPH_MIN_WEIGHT) continue;
      variants.push({ text: normalizeMaterialName(base.replace(word, neighbour)), via: 'synonym-graph' });
    }
  }
  return variants;
}

/** The single best material, or the tied ones when they are the same document listed twice. */
function pickBest<T extends { material: Material; score: number }>(scored: T[], threshold: number): T[] {
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  if (best < threshold) return [];
  return scored.filter((entry) => entry.score >= best - 1e-9);
}

function sameDocument(materials: Material[]): boolean {
  return new Set(materials.map((material) => normalizeMaterialName(material.name))).size <= 1;
}

function namesPerson(material: Material, person: PersonWord | undefined): boolean {
  return !!person && person.catalogWords.some((word) => material.name.includes(word));
}

function matchByName(
  phrase: string,
  materials: Material[],
  person: PersonWord | undefined,
  resources: Required<MatchResources>,
): Array<{ material: Material; via: MatchCue }> {
  const bare = normalizeMaterialName(phrase);
  // "本人", "配偶" alone say whose, not what.
  if (isPersonWord(bare)) return [];
  // (A head that is itself a colloquial name, "执照" for 营业执照, is read as that name.)
  const expanded = expandProvided(bare);
  if (expanded.length > 0 && expanded.every((variant) => headNoun(variant) === variant)) {
    // "申请书" alone names the item's only 申请书, and nothing when it has several.
    const ofKind = materials.filter((material) =>
      materialVariants(material.name).some((name) => expanded.some((head) => name.endsWith(head))),
    );
    return sameDocument(ofKind) ? ofKind.map((material) => ({ material, via: 'name' as MatchCue })) : [];
  }
  const variants = phraseVariants(phrase, resources);
  const scored = materials.map((material) => {
    let best = { score: 0, via: 'name' as MatchCue };
    for (const variant of variants) {
      // A lexicon or graph expansion may name an item ("企业设立登记"), not a document: it only
      // counts when it still ends in a document noun.
      if (variant.via !== 'name' && headNoun(variant.text) === undefined) continue;
      for (const name of materialVariants(material.name)) {
        const score = scoreVariant(variant.text, name);
        if (score > best.score) best = { score, via: variant.via };
      }
    }
    return { material, score: best.score, via: best.via };
  });
  // Whose document it is selects among the materials the document could be ("老伴的身份证" →
  // 配偶居民身份证 over 居民身份证), and never removes the match when no material names that person.
  const fitting = scored.filter((entry) => entry.score >= MATCH_THRESHOLD);
  const naming = fitting.filter((entry) => namesPerson(entry.material, person));
  return pickBest(naming.length > 0 ? naming : fitting, MATCH_THRESHOLD);
}

function matchPhoto(phrase: string, materials: Material[]): Material[] {
  const photos = materials.filter((material) => isPhotoMaterial(material.name));
  const kinds = photoKinds(phrase);
  const scored = photos.map((material) => {
    const shared = kinds.filter((kind) => material.name.includes(kind)).length;
    // A photo of two is not a photo of one, and the other way round.
    const clash =
      (kinds.includes('单人') && /双人|合影/u.test(material.name)) ||
      (kinds.includes('双人') && /单人/u.test(material.name));
    return { material, score: clash ? 0 : 1 + shared };
  });
  const best = pickBest(scored, 1).map((entry) => entry.material);
  return sameDocument(best) ? best : [];
}

function matchIssuer(phrase: string, materials: Material[]): Material[] {
  const cue = extractIssuer(phrase);
  if (!cue) return [];
  const rest = normalizeMaterialName(cue.rest);
  const head = headNoun(rest);
  // "银行开的流水": a specific noun the issuer's field does not settle must be in the name itself.
  const specific = !GENERIC_DOCUMENT.test(rest) && head === undefined;
  const candidates = materials.filter(
    (material) =>
      cue.field.some((word) => material.name.includes(word)) &&
      materialHeads(material.name).some((materialHead) => headsCompatible(head, materialHead)) &&
      (!specific || material.name.includes(rest)),
  );
  // An issuer that could stand for several different materials is not a confident match.
  return candidates.length > 0 && sameDocument(candidates) ? candidates : [];
}

/**
 * A document that proves what a material asks to be proven ("房产证" for 经营场所使用证明): only when
 * exactly one material (or one document listed twice) asks for a fact the document proves.
 */
function matchEvidence(phrase: string, materials: Material[], person: PersonWord | undefined): Material[] {
  const document = expandProvided(phrase).join('|');
  const facts = factsProvenBy(document);
  if (facts.length === 0) return [];
  const candidates = materials.filter((material) => facts.some((fact) => asksFor(material.name, fact)));
  const naming = candidates.filter((material) => namesPerson(material, person));
  const chosen = naming.length > 0 ? naming : candidates;
  return chosen.length > 0 && sameDocument(chosen) ? chosen : [];
}

function matchPhrase(
  said: string,
  materials: Material[],
  resources: Required<MatchResources>,
): ProvidedMatch[] {
  const { person, rest } = extractPerson(normalizeForMatch(said));
  const withPerson = (material: Material, via: MatchCue): ProvidedMatch =>
    person ? { said, material, via, person: person.said } : { said, material, via };
  const byName = matchByName(rest, materials, person, resources);
  if (byName.length > 0) return byName.map(({ material, via }) => withPerson(material, via));
  const byEvidence = matchEvidence(rest, materials, person);
  if (byEvidence.length > 0) return byEvidence.map((material) => withPerson(material, 'evidence'));
  if (isPhotoPhrase(rest)) {
    return matchPhoto(person ? `${person.said}${rest}` : rest, materials).map((m) => withPerson(m, 'photo'));
  }
  return matchIssuer(rest, materials).map((material) => withPerson(material, 'issuer'));
}

/** Whether a phrase already is (part of) one material's name, so that it is not split. */
function isOneMaterialName(phrase: string, materials: Material[]): boolean {
  const text = normalizeMaterialName(phrase);
  if ([...text].length < 2) return false;
  return materials.some((material) => materialVariants(material.name).some((name) => name.includes(text)));
}

function fullResources(resources: MatchResources): Required<MatchResources> {
  return {
    lexicon: resources.lexicon ?? loadDefaultLexicon(),
    synonymGraph: resources.synonymGraph ?? loadDefaultSynonymGraph(),
  };
}

/**
 * What one thing a citizen said stands for: each document it names, matched to the item's materials
 * with how it was recognised, and each document phrase that could not be placed — nothing dropped.
 */
export function readProvided(
  provided: string,
  materials: Material[],
  resources: MatchResources = {},
): ProvidedReading {
  const full = fullResources(resources);
  const reading: ProvidedReading = { matched: [], unrecognised: [] };
  const phrases = splitDocuments(normalizeText(provided), (phrase) => isOneMaterialName(phrase, materials));
  if (phrases.length === 0 && provided.trim()) reading.unrecognised.push(provided.trim());
  for (const phrase of phrases) {
    const matches = matchPhrase(phrase, materials, full);
    if (matches.length === 0) reading.unrecognised.push(phrase);
    reading.matched.push(...matches);
  }
  return reading;
}

/** `readProvided` over a list of things said, in order. */
export function readAllProvided(
  provided: string[],
  materials: Material[],
  resources: MatchResources = {},
): ProvidedReading {
  const readings = provided
    .map((said) => said.trim())
    .filter(Boolean)
    .map((said) => readProvided(said, materials, resources));
  return {
    matched: readings.flatMap((reading) => reading.matched),
    unrecognised: readings.flatMap((reading) => reading.unrecognised),
  };
}

/**
 * The materials a provided name stands for (every document it names, see `readProvided`). Ties are all
 * kept, so a catalog that lists the same document twice (原件 and 复印件) is satisfied by one mention.
 */
export function matchProvided(provided: string, materials: Material[]): Material[] {
  return [...new Set(readProvided(provided, materials).matched.map((match) => match.material))];
}
