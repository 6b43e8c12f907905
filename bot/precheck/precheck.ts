/**
 * Material pre-check (自助预审): compares what a citizen says they have with the item's material list
 * and checks the numbers they typed. A 必要 material not provided is missing; a 情形 material only when
 * the citizen's situation says its condition holds (unanswered: listed in the notice as "如属于…");
 * a 容缺 material is deferrable (告知承诺制). An unconditional 免提交 is never required; a conditional
 * one ("通过人脸识别核验身份的，免提交") is, unless the situation says the condition holds.
 */
import type { z } from 'zod';
import type { Catalog, Material, ServiceItem } from '../../knowledge/catalog/schema.ts';
import { PrecheckInputError } from '../errors/precheck-input-error.ts';
import { conditionalExemption, sparesOnlyPart } from './exemption.ts';
import { findPrecheckItem } from './find-item.ts';
import { readAllProvided } from './match-material.ts';
import { partsNotNamed } from './material-parts.ts';
import { composePrecheckNotice, type NoticeMissing } from './precheck-notice.ts';
import { precheckInputSchema, type PrecheckInput, type PrecheckResult } from './precheck-types.ts';
import { readAnswers, type Answer } from './situation-answers.ts';
import { situationQuestions, type QuestionRule } from './situation-questions.ts';
import { validateFields } from './validate-fields.ts';
import {
  fieldsWithDocuments,
  readUploadedDocuments,
  type PrecheckDocument,
} from './uploads/uploaded-documents.ts';

export type { PrecheckInput, PrecheckResult, MissingMaterial, InvalidField } from './precheck-types.ts';

type Applies = 'yes' | 'no' | 'unknown';

function appliesTo(material: Material, rules: QuestionRule[], answers: Map<string, Answer>): Applies {
  if (material.required !== '情形') return 'yes';
  const rule = rules.find((candidate) => candidate.kind === 'when' && candidate.members.includes(material));
  if (!rule) return 'unknown';
  const answer = answers.get(rule.key);
  if (answer === undefined) return 'unknown';
  const option = rule.optionOf.get(material);
  if (option !== undefined) return answer === option ? 'yes' : 'no';
  return answer === true ? 'yes' : 'no';
}

function exemptionAnswer(material: Material, rules: QuestionRule[], answers: Map<string, Answer>): boolean {
  const rule = rules.find(
    (candidate) => candidate.kind === 'exemption' && candidate.members.includes(material),
  );
  return rule !== undefined && answers.get(rule.key) === true;
}

/** What the caller resolved for the request (never read from the request itself). */
export interface PrecheckContext {
  /** The readings of the citizen's uploads: each recognised document counts as provided. */
  documents?: PrecheckDocument[];
}

export function precheck(
  input: PrecheckInput,
  catalog: Catalog,
  context: PrecheckContext = {},
): PrecheckResult {
  const parsed = precheckInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new PrecheckInputError(
      parsed.error.issues
        .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}：${issue.message}` : issue.message))
        .join('；'),
    );
  }
  const request = parsed.data;
  return precheckItem(findPrecheckItem(catalog, request), request, context);
}

/** The pre-check of one item the caller has already found, on a request already checked. */
export function precheckItem(
  item: ServiceItem,
  request: Pick<z.output<typeof precheckInputSchema>, 'situation' | 'provided' | 'fields'>,
  context: PrecheckContext = {},
): PrecheckResult {
  const rules = situationQuestions(item);
  const answers = readAnswers(rules, request.situation, item.name);

  // Each document the citizen names, recognised with how; whatever is not recognised is listed.
  const reading = readAllProvided(request.provided, item.materials);
  const documents = context.documents ?? [];
  const uploaded = readUploadedDocuments(documents, item.materials);
  // A material of several documents joined by 及 is satisfied only when each is named.
  const saidFor = new Map<Material, string[]>();
  for (const { said, material } of [...reading.matched, ...uploaded.matched]) {
    saidFor.set(material, [...(saidFor.get(material) ?? []), said]);
  }
  const stillNeeded = new Map<Material, string[]>();
  const satisfied = new Set<Material>();
  for (const [material, said] of saidFor) {
    const left = partsNotNamed(material.name, said);
    if (left.length === 0) satisfied.add(material);
    else stillNeeded.set(material, left);
  }
  const matched: PrecheckResult['matched'] = [
    ...reading.matched.map(({ said, material }) => ({ said, material: material.name })),
    ...uploaded.matched.map(({ label, material }) => ({ said: label, material: material.name })),
  ];
  const unrecognised = [...reading.unrecognised, ...uploaded.unrecognised];

  const missing: PrecheckResult['missing'] = [];
  const noticeMissing: NoticeMissing[] = [];
  const deferrable: Material[] = [];
  const exempt: PrecheckResult['exempt'] = [];
  const possibleSituational: Material[] = [];
  for (const material of item.materials) {
    const applies = appliesTo(material, rules, answers);
    if (applies === 'no' || satisfied.has(material)) continue;
    const exemption = conditionalExemption(material);
    const partial = material.exempt && !exemption && sparesOnlyPart(material);
    if (material.exempt && !partial && (!exemption || exemptionAnswer(material, rules, answers))) {
      if (applies === 'yes') exempt.push({ name: material.name, note: material.exemptNote ?? '免提交' });
      continue;
    }
    if (applies === 'unknown') {
      possibleSituational.push(material);
      continue;
    }
    if (material.required === '容缺') {
      deferrable.push(material);
      continue;
    }
    const exemptionHint = exemption ? `如${exemption.condition}${exemption.spares}` : undefined;
    const partsLeft = stillNeeded.get(material);
    const note =
      (partsLeft ? `已有部分材料，还需${partsLeft.join('、')}` : undefined) ??
      exemptionHint ??
      (partial ? material.exemptNote : material.required === '情形' ? material.when : undefined);
    missing.push(note ? { name: material.name, note } : { name: material.name });
    noticeMissing.push({ material, exemptionHint, partsLeft });
  }

  const invalid = validateFields(fieldsWithDocuments(request.fields, documents), { item });
  return {
    item: { id: item.id, name: item.name },
    missing,
    invalid,
    deferrable: deferrable.map((material) => ({ name: material.name })),
    exempt,
    matched,
    unrecognised,
    notice: composePrecheckNotice({
      item,
      missing: noticeMissing,
      invalid,
      deferrable,
      exempt,
      possibleSituational,
      unrecognised,
    }),
  };
}
