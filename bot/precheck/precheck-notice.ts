/**
 * The one-time notice (一次性告知) of a pre-check: everything the citizen still has to bring or fix,
 * in one message, so that a second trip is never caused by something we could have said first.
 */
import type { Material, ServiceItem } from '../../knowledge/catalog/schema.ts';
import { formAndCopies } from '../compose/materials-list.ts';
import { clause } from '../compose/chinese-format.ts';
import type { InvalidField } from './precheck-types.ts';
import { conditionClause } from './situation-questions.ts';

export interface NoticeMissing {
  material: Material;
  /** "如现场人脸识别核验通过可不提交": a conditional exemption the citizen may still use. */
  exemptionHint?: string;
  /** The parts of a material of several documents that the citizen has not named yet. */
  partsLeft?: string[];
}

export interface NoticeInput {
  item: ServiceItem;
  missing: NoticeMissing[];
  invalid: InvalidField[];
  deferrable: Material[];
  exempt: Array<{ name: string; note: string }>;
  /** 情形 materials not provided whose situation the citizen has not answered. */
  possibleSituational: Material[];
  unrecognised: string[];
}

const FIELD_LABELS: Record<InvalidField['field'], string> = {
  idNumber: '身份证号码',
  creditCode: '统一社会信用代码',
  phone: '联系电话',
};

const formOf = (material: Material): string =>
  material.form ? `（${formAndCopies({ form: material.form, copies: material.copies })}）` : '';

const describe = (material: Material): string => `${material.name}${formOf(material)}`;

function missingLine({ material, exemptionHint, partsLeft }: NoticeMissing, index: number): string {
  const when = material.required === '情形' && material.when ? `${clause(material.when)}：` : '';
  if (partsLeft) return `${index + 1}. ${when}${describe(material)}：还需${partsLeft.join('、')}`;
  if (exemptionHint) {
    return `${index + 1}. ${when}${material.name}：需要；${exemptionHint}${formOf(material)}`;
  }
  return `${index + 1}. ${when}${describe(material)}`;
}

export function composePrecheckNotice(input: NoticeInput): string {
  const { item, missing, invalid, deferrable, exempt, possibleSituational, unrecognised } = input;
  const lines = [`“${item.name}”材料预检结果（一次性告知）：`];
  if (missing.length > 0) {
    lines.push(`还需要准备${missing.length}项材料：`);
    missing.forEach((entry, index) => lines.push(missingLine(entry, index)));
  } else {
    lines.push('必要材料已齐全。');
  }
  if (deferrable.length > 0) {
    lines.push(
      `以下${deferrable.length}项材料可容缺受理（告知承诺制），不影响受理，请在承诺期限内补交：${deferrable.map(describe).join('；')}。`,
    );
  }
  if (invalid.length > 0) {
    lines.push('以下信息需要核对：');
    for (const field of invalid) lines.push(`- ${FIELD_LABELS[field.field]}：${field.reason}`);
  }
  if (possibleSituational.length > 0) {
    lines.push('如属于以下情形，还需提供：');
    for (const material of possibleSituational) {
      lines.push(`- 如属于${conditionClause(material.when ?? '特定情形')}的情形，还需${describe(material)}`);
    }
  }
  if (exempt.length > 0) {
    lines.push('以下材料免提交：');
    for (const entry of exempt) lines.push(`- ${entry.name}（${entry.note}）`);
  }
  if (unrecognised.length > 0) {
    lines.push(`您提到的“${unrecognised.join('”“')}”没有对应到本事项的材料清单，请以上面的清单为准。`);
  }
  const window = /窗口/.test(item.window) ? item.window : `${item.window}号窗口`;
  lines.push(
    missing.length === 0 && invalid.length === 0
      ? `请带齐材料到${window}办理。以上为本事项的全部要求。`
      : `请一次备齐以上材料、核对有关信息后，再到${window}办理。以上为本事项的全部要求。`,
  );
  return lines.join('\n');
}
