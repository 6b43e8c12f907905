/**
 * One material as halls write it, before the model checks it: 免提交 as a boolean, 是/否, or the reason
 * itself ("通过电子证照核验的，免提交"). All become `exempt` (a boolean) and `exemptNote` (the reason,
 * when there is one). With `exempt: true` and a `note` but no `exemptNote`, the note is the reason.
 * Copies as "1份" and necessity words used by provincial exports (必须, 非必要, 可容缺) are read too.
 */
import { booleanWord, readCount } from './tolerant-values.ts';

const NECESSITY: Record<string, string> = {
  必要: '必要',
  必须: '必要',
  必需: '必要',
  必交: '必要',
  必要材料: '必要',
  是: '必要',
  容缺: '容缺',
  可容缺: '容缺',
  容缺受理: '容缺',
  容缺后补: '容缺',
  情形: '情形',
  非必要: '情形',
  非必须: '情形',
  视情形: '情形',
  视情况: '情形',
  特定情形: '情形',
  按情形: '情形',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function readExemption(material: Record<string, unknown>): void {
  const { exempt } = material;
  if (exempt === undefined || exempt === null || exempt === '') {
    delete material.exempt;
    return;
  }
  if (typeof exempt === 'string') {
    const flag = booleanWord(exempt);
    if (flag === undefined) {
      // The reason itself: the material is exempt, and this is why.
      material.exempt = true;
      if (!filled(material.exemptNote)) material.exemptNote = exempt.trim();
      return;
    }
    material.exempt = flag;
  }
  if (material.exempt === true && !filled(material.exemptNote) && filled(material.note)) {
    material.exemptNote = material.note;
    delete material.note;
  }
}

/** A copy of the raw material with its variants normalised; values it cannot read stay as written. */
export function normaliseMaterialInput(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const material: Record<string, unknown> = { ...raw };
  readExemption(material);
  if (typeof material.copies === 'string') material.copies = readCount(material.copies);
  if (typeof material.required === 'string') {
    const key = material.required.replace(/\s+/g, '');
    material.required = NECESSITY[key] ?? material.required;
  }
  return material;
}
