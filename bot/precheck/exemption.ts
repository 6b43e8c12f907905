/**
 * Reads a material's 免提交 note. Fetched by data sharing ("通过电子证照共享核验，免提交") or taken at
 * the window ("窗口可免费现场拍摄") is unconditional: the citizen never needs to bring it. A note that
 * depends on the citizen's case ("已领取营业执照的，…免提交") or on a check that may fail at the window
 * ("通过人脸识别核验身份的，免提交") is conditional: the material stays required unless the condition
 * is known to hold.
 */
import type { Material } from '../../knowledge/catalog/schema.ts';

export interface ConditionalExemption {
  /** The condition as a plain clause ("现场人脸识别核验通过", "房屋已办理不动产登记"). */
  condition: string;
  /** What the condition spares: "可不提交" or "可不提交复印件". */
  spares: string;
}

/** The leading "X的，" (or "X的通过…") clause of a note: the case the exemption is written for. */
const LEADING_CLAUSE = /^([^，,；;。]+?)的(?:[，,]|(?=通过))/;

export function conditionalExemption(material: Material): ConditionalExemption | undefined {
  if (!material.exempt) return undefined;
  const note = material.exemptNote ?? '';
  const spared = /免提交([^，,；;。]*)/.exec(note)?.[1]?.trim() ?? '';
  const spares = `可不提交${spared}`;
  if (/人脸识别/.test(note)) return { condition: '现场人脸识别核验通过', spares };
  // "不动产权证书通过电子证照核验的" on 合法稳定住所证明 (or on "残疾人证或重病诊断证明") spares the
  // material only when that certificate is the one the citizen relies on.
  const document = /^([^，,；;。、]{2,12}?(?:证书|证))(?:信息)?可?通过/.exec(note)?.[1];
  const alternatives = material.name.split(/或/);
  if (document && !(alternatives.length === 1 && material.name.includes(document))) {
    return { condition: `持有${document}`, spares };
  }
  const clause = LEADING_CLAUSE.exec(note)?.[1]?.trim();
  // "户口簿信息通过公安数据共享核验的" describes the hall's own data sharing, not the citizen's case.
  if (!clause || /通过|本部门/.test(clause)) return undefined;
  return { condition: clause, spares };
}

/**
 * An unconditional 免提交 that spares one part of a combined material ("监护人居民身份证及监护关系证明"
 * with "…免提交监护关系证明"): the rest is still to be brought, so the material stays required and the
 * note says which part is spared.
 */
export function sparesOnlyPart(material: Material): boolean {
  const spared = /免提交([^，,；;。]+)/.exec(material.exemptNote ?? '')?.[1]?.trim();
  if (!spared || spared.length < 2) return false;
  const parts = material.name.split(/及|和|、/);
  return (
    parts.length > 1 &&
    parts.some((part) => part.includes(spared)) &&
    !parts.every((part) => part.includes(spared))
  );
}
