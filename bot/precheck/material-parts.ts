/**
 * A material that joins separate documents with 及 ("代办人居民身份证及授权委托书", "房屋租赁合同及
 * 租赁登记备案证明") needs every one of them: naming one part is not the whole material, and the
 * one-time notice must say which part is still to be brought.
 *
 * A name splits only where both sides are documents of their own (each ends in a document head noun)
 * and the whole is not one form about two things ("往来港澳通行证及签注申请表" is one form).
 */
import { normalizeForMatch } from '../../knowledge/text/normalize.ts';
import { headNoun } from './words/head-noun.ts';
import { extractPerson } from './words/person-words.ts';
import { scoreMaterial, MATCH_THRESHOLD } from './match-material.ts';

const FORM_END = /(申请表|申请书|登记表|审批表|备案表|信息表)$/u;

/** The separate documents of a material name, or just the name when it is one document. */
export function materialParts(name: string): string[] {
  // Split outside brackets and book-title marks only.
  const masked = name.replace(/[（(《][^）)》]*[）)》]/gu, (inner) => '□'.repeat(inner.length));
  const at = masked.indexOf('及');
  if (at <= 0 || masked.indexOf('及', at + 1) >= 0) return [name];
  const left = name.slice(0, at);
  const right = name.slice(at + 1);
  const isDocument = (part: string) =>
    [...part].length >= 3 && headNoun(part) !== undefined && headNoun(part) !== part;
  if (!isDocument(left) || !isDocument(right)) return [name];
  if (FORM_END.test(right) && !/[表书]$/u.test(left)) return [name];
  return [left, right];
}

/**
 * The parts of a material that nothing the citizen said names. A phrase that was matched to the
 * material without naming any part by itself (by its issuer, its colour, what it proves) is taken
 * as the whole material, as before parts were read.
 */
export function partsNotNamed(materialName: string, said: string[]): string[] {
  const parts = materialParts(materialName);
  if (parts.length < 2) return [];
  const named = new Set<string>();
  for (const phrase of said) {
    // The material's own name (a ticked checklist row) names every part of it.
    if (scoreMaterial(phrase, materialName) >= 0.95) return [];
    // Whose document it is was read when the phrase was matched; the parts are told by the document.
    const document = extractPerson(normalizeForMatch(phrase)).rest;
    const covered = parts.filter((part) => scoreMaterial(document, part) >= MATCH_THRESHOLD);
    if (covered.length === 0) return [];
    for (const part of covered) named.add(part);
  }
  return parts.filter((part) => !named.has(part));
}
