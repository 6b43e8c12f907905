/**
 * The one-time notice (一次性告知) of a pre-check: everything the citizen still has to bring or fix,
 * in one message, so that a second trip is never caused by something we could have said first.
 */
import type { ServiceItem } from '../../knowledge/catalog/schema.ts';
import { formAndCopies } from '../compose/materials-list.ts';
import { clause } from '../compose/chinese-format.ts';
import type { InvalidField, MissingMaterial } from './precheck-types.ts';

export interface NoticeInput {
  item: ServiceItem;
  missing: MissingMaterial[];
  invalid: InvalidField[];
  /** 情形 materials not provided whose situation the citizen has not mentioned. */
  possibleSituational: MissingMaterial[];
  unrecognised: string[];
}

const FIELD_LABELS: Record<InvalidField['field'], string> = {
  idNumber: '身份证号码',
  creditCode: '统一社会信用代码',
  phone: '联系电话',
};

const describe = (material: MissingMaterial): string =>
  material.form
    ? `${material.name}（${formAndCopies({ form: material.form, copies: material.copies ?? 0 })}）`
    : material.name;

export function composePrecheckNotice({
  item,
  missing,
  invalid,
  possibleSituational,
  unrecognised,
}: NoticeInput): string {
  const exempt = item.materials.filter((material) => material.exempt);
  const blocking = missing.filter((material) => material.required !== '容缺');
  const deferrable = missing.filter((material) => material.required === '容缺');
  const lines = [`“${item.name}”材料预检结果（一次性告知）：`];
  if (blocking.length > 0) {
    lines.push(`还缺少${blocking.length}项材料：`);
    blocking.forEach((material, index) => {
      const when = material.required === '情形' && material.when ? `${clause(material.when)}：` : '';
      lines.push(`${index + 1}. ${when}${describe(material)}`);
    });
  } else {
    lines.push('必要材料已齐全。');
  }
  if (deferrable.length > 0) {
    lines.push(
      `以下${deferrable.length}项材料可容缺后补，不影响受理，请在规定时间内补交：${deferrable.map(describe).join('；')}。`,
    );
  }
  if (invalid.length > 0) {
    lines.push('以下信息需要核对：');
    for (const field of invalid) lines.push(`- ${FIELD_LABELS[field.field]}：${field.reason}`);
  }
  if (possibleSituational.length > 0) {
    lines.push('如果属于以下情形，还需提供：');
    for (const material of possibleSituational) {
      lines.push(`- ${clause(material.when ?? '特定情形下')}：${describe(material)}`);
    }
  }
  if (exempt.length > 0) {
    lines.push('以下材料在符合说明的情况下可免提交：');
    for (const material of exempt) lines.push(`- ${material.name}（${material.exemptNote ?? '可免提交'}）`);
  }
  if (unrecognised.length > 0) {
    lines.push(`您提到的“${unrecognised.join('”“')}”没有对应到本事项的材料清单，请以上面的清单为准。`);
  }
  const window = /窗口/.test(item.window) ? item.window : `${item.window}号窗口`;
  lines.push(
    blocking.length === 0 && invalid.length === 0
      ? `请带齐材料到${window}办理。以上为本事项的全部要求。`
      : `请一次备齐以上材料、核对有关信息后，再到${window}办理。以上为本事项的全部要求。`,
  );
  return lines.join('\n');
}
