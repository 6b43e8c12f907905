/**
 * Material pre-check (自助预审): compares what a citizen says they have with the item's material list
 * and checks the numbers they typed. 必要 materials not provided are missing; 情形 materials only when
 * the citizen's situation names their situation; exempt (免提交) materials never are; 容缺 materials
 * are reported as missing but marked, and the notice lists them as 可容缺后补.
 */
import type { Catalog, Material } from '../../knowledge/catalog/schema.ts';
import { PrecheckInputError } from '../errors/precheck-input-error.ts';
import { findPrecheckItem } from './find-item.ts';
import { matchProvided } from './match-material.ts';
import { composePrecheckNotice } from './precheck-notice.ts';
import {
  precheckInputSchema,
  type MissingMaterial,
  type PrecheckInput,
  type PrecheckResult,
} from './precheck-types.ts';
import { situationApplies } from './situation-match.ts';
import { validateFields } from './validate-fields.ts';

export type { PrecheckInput, PrecheckResult, MissingMaterial, InvalidField } from './precheck-types.ts';

const toMissing = (material: Material): MissingMaterial => ({
  name: material.name,
  form: material.form,
  copies: material.copies,
  required: material.required,
  when: material.when,
});

export function precheck(input: PrecheckInput, catalog: Catalog): PrecheckResult {
  const parsed = precheckInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new PrecheckInputError(parsed.error.issues.map((issue) => issue.message).join('；'));
  }
  const request = parsed.data;
  const item = findPrecheckItem(catalog, request);

  const satisfied = new Set<Material>();
  const matched: PrecheckResult['matched'] = [];
  const unrecognised: string[] = [];
  for (const provided of request.provided.map((name) => name.trim()).filter(Boolean)) {
    const materials = matchProvided(provided, item.materials);
    if (materials.length === 0) unrecognised.push(provided);
    for (const material of materials) {
      satisfied.add(material);
      matched.push({ provided, material: material.name });
    }
  }

  const missing: MissingMaterial[] = [];
  const possibleSituational: MissingMaterial[] = [];
  for (const material of item.materials) {
    if (material.exempt || satisfied.has(material)) continue;
    if (material.required !== '情形') missing.push(toMissing(material));
    else if (situationApplies(request.situation, material.when)) missing.push(toMissing(material));
    else possibleSituational.push(toMissing(material));
  }

  const invalid = validateFields(request.fields, { item });
  return {
    item: { id: item.id, name: item.name },
    missing,
    invalid,
    notice: composePrecheckNotice({ item, missing, invalid, possibleSituational, unrecognised }),
    matched,
    unrecognised,
  };
}
