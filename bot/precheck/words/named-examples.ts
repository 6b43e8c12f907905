/**
 * Documents a catalog names as examples or equivalents inside a material's name: "机动车来历证明
 * （购车发票等）", "优抚对象身份证明（烈士证明书、抚恤证等）", "购机发票等来历证明", "举办者资格证明
 * （身份证或营业执照）". Each example is a document the citizen may bring for that material, so a
 * citizen who names it names the material.
 *
 * Provenance: the writing convention of material lists in 政务服务事项实施清单 — an umbrella term
 * followed by its typical documents in brackets or before 等 (general:catalog-material-naming).
 * Brackets that qualify instead of exemplify ("（含产品数据表）", "（租期不少于2年）", "（已激活金融功能）",
 * "（抵押权）") name no document of their own, or say what is included, and are left alone.
 */
import { headNoun } from './head-noun.ts';

/** Bracket contents that qualify the material (what it includes, a limit, a state), not examples. */
const QUALIFIER =
  /^(含|包含|包括|内含|附|需|须|限|租期|期限|有效期|已|未|不少于|不超过|加盖|盖章|原件|复印件)/u;

function documentsIn(list: string): string[] {
  return list
    .replace(/^(如|例如|比如|即)/u, '')
    .replace(/等$/u, '')
    .split(/、|，|,|或者|或|及|和/u)
    .map((part) => part.trim())
    .filter((part) => [...part].length >= 2 && headNoun(part) !== undefined && headNoun(part) !== part);
}

/** The example or equivalent documents written inside a material name, in order; [] when none. */
export function namedExamples(name: string): string[] {
  const examples: string[] = [];
  for (const [, inside] of name.matchAll(/[（(]([^）)]*)[）)]/gu)) {
    if (QUALIFIER.test(inside.trim())) continue;
    examples.push(...documentsIn(inside.trim()));
  }
  // "购机发票等来历证明": the documents before 等 exemplify the umbrella term after it.
  const bare = name.replace(/[（(][^）)]*[）)]/gu, '');
  const at = bare.indexOf('等');
  if (at > 0 && headNoun(bare.slice(at + 1)) !== undefined) examples.push(...documentsIn(bare.slice(0, at)));
  return [...new Set(examples)];
}
