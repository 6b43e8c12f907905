/**
 * The situation questions of an item, derived from its catalog entry: one question per distinct
 * `when` of its 情形 materials, per condition of a conditional 免提交 ("通过人脸识别核验身份的"), and per
 * conditional clause of its 申请条件 ("申请简易注销的，…"). Each is a simple choice: 是/否, or the
 * alternatives when several materials differ only in one word ("以划拨方式取得土地的" /
 * "以出让方式取得土地的" → 划拨 / 出让). Keys come from condition-key.ts, so they are stable for an item
 * as long as its catalog entry is.
 */
import type { Material, ServiceItem } from '../../knowledge/catalog/schema.ts';
import { conditionKeys } from './condition-key.ts';
import { conditionalExemption } from './exemption.ts';

export const YES_NO = ['是', '否'] as const;

export interface SituationQuestion {
  key: string;
  text: string;
  options: string[];
  /** The materials the answer decides (required, or spared for an exemption question). */
  materials: string[];
}

export interface QuestionRule extends SituationQuestion {
  kind: 'when' | 'exemption' | 'condition';
  /** The condition as a plain clause ("委托他人代为办理"). */
  condition: string;
  /** The catalog's whole phrase, examples included, that free text is matched against. */
  phrase: string;
  /** For a choice: the option each material is needed under. */
  optionOf: Map<Material, string>;
  members: Material[];
}

/** "未满16周岁的，须由监护人陪同" → "未满16周岁"; "委托他人代为办理的（…）" → "委托他人代为办理". */
export function conditionClause(text: string): string {
  const plain = withoutBrackets(text);
  const first = plain.split(/[，,；;。]/)[0] ?? plain;
  return first.replace(/的$/, '').trim();
}

function withoutBrackets(text: string): string {
  let plain = text;
  // Innermost brackets first: "（如…村（居）委会出具的证明）" nests.
  for (let previous = ''; previous !== plain;) {
    previous = plain;
    plain = plain.replace(/[（(][^（()）]*[）)]/g, '');
  }
  return plain;
}

/** "以划拨方式取得土地的": the alternative (划拨), what kind it is (方式) and what it is for (取得土地). */
const ALTERNATIVE = /^以(.+?)(方式|身份)?(申领|落户|申请|取得土地|办理)的/;

interface Draft {
  kind: QuestionRule['kind'];
  condition: string;
  text: string;
  options: string[];
  members: Material[];
  optionOf: Map<Material, string>;
  classify: boolean;
  /** The text classified for the key: the whole phrase, so "…，由他人代为申请的" is `agent`. */
  phrase: string;
}

function whenDrafts(materials: Material[]): Draft[] {
  const drafts: Draft[] = [];
  const byCondition = new Map<string, Draft>();
  const choices = new Map<string, Draft>();
  const situational = materials.filter((material) => material.required === '情形' && material.when);
  // Alternatives that occur only once are plain yes/no questions.
  const suffixCount = new Map<string, number>();
  for (const material of situational) {
    const match = ALTERNATIVE.exec(material.when ?? '');
    if (match) suffixCount.set(match[3], (suffixCount.get(match[3]) ?? 0) + 1);
  }
  for (const material of situational) {
    const when = material.when ?? '';
    const match = ALTERNATIVE.exec(when);
    if (match && (suffixCount.get(match[3]) ?? 0) > 1) {
      const [, option, kind, purpose] = match;
      let draft = choices.get(purpose);
      if (!draft) {
        draft = {
          kind: 'when',
          condition: purpose,
          text: `以哪种${kind ?? '情形'}${purpose}？`,
          options: [],
          members: [],
          optionOf: new Map(),
          classify: false,
          phrase: purpose,
        };
        choices.set(purpose, draft);
        drafts.push(draft);
      }
      if (!draft.options.includes(option)) draft.options.push(option);
      draft.members.push(material);
      draft.optionOf.set(material, option);
      continue;
    }
    const condition = conditionClause(when);
    let draft = byCondition.get(condition);
    if (!draft) {
      draft = yesNo('when', condition, `是否${condition}？`, when);
      byCondition.set(condition, draft);
      drafts.push(draft);
    }
    draft.members.push(material);
  }
  return drafts;
}

function yesNo(kind: Draft['kind'], condition: string, text: string, phrase = condition): Draft {
  const options = [...YES_NO];
  return { kind, condition, text, options, members: [], optionOf: new Map(), classify: true, phrase };
}

function exemptionDrafts(materials: Material[]): Draft[] {
  const byCondition = new Map<string, Draft>();
  for (const material of materials) {
    const exemption = conditionalExemption(material);
    if (!exemption) continue;
    let draft = byCondition.get(exemption.condition);
    if (!draft) {
      const text =
        exemption.condition === '现场人脸识别核验通过'
          ? '是否在窗口通过人脸识别核验身份？'
          : `是否${exemption.condition}？`;
      draft = yesNo('exemption', exemption.condition, text);
      byCondition.set(exemption.condition, draft);
    }
    draft.members.push(material);
  }
  return [...byCondition.values()];
}

/** 申请条件 with a conditional clause ("申请简易注销的，未发生债权债务…") not already asked. */
function conditionDrafts(item: ServiceItem, asked: Draft[]): Draft[] {
  const drafts: Draft[] = [];
  for (const condition of item.conditions) {
    const unbracketed = withoutBrackets(condition);
    if (!/的[，,]/.test(unbracketed)) continue;
    const plain = conditionClause(unbracketed.replace(/的[，,].*$/, ''));
    if (plain.length < 2 || plain.length > 30) continue;
    // Already asked: the same situation, or one alternative of a choice ("以出让方式取得…的，").
    const known = [...asked, ...drafts].some(
      (draft) =>
        draft.condition.includes(plain) ||
        plain.includes(draft.condition) ||
        (draft.optionOf.size > 0 && draft.options.some((option) => plain.includes(option))),
    );
    if (!known) drafts.push(yesNo('condition', plain, `是否${plain}？`, condition));
  }
  return drafts;
}

export function situationQuestions(item: ServiceItem): QuestionRule[] {
  const drafts = [...whenDrafts(item.materials), ...exemptionDrafts(item.materials)];
  drafts.push(...conditionDrafts(item, drafts));
  const keys = conditionKeys(drafts.map((draft) => ({ text: draft.phrase, classify: draft.classify })));
  return drafts.map((draft, index) => ({
    key: keys[index],
    text: draft.text,
    options: draft.options,
    materials: [...new Set(draft.members.map((material) => material.name))],
    kind: draft.kind,
    condition: draft.condition,
    phrase: draft.phrase,
    optionOf: draft.optionOf,
    members: draft.members,
  }));
}

/** The public form of the questions (`GET /api/v1/items/:id/precheck-questions`). */
export function publicQuestions(rules: QuestionRule[]): SituationQuestion[] {
  return rules.map(({ key, text, options, materials }) => ({ key, text, options, materials }));
}
