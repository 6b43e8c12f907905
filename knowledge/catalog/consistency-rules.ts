/**
 * The consistency rules of the reform plan, checked on one item: 承诺时限 ≤ 法定时限, 全程网办 ⇒ 0
 * visits, 即办件 ⇔ 承诺时限 0, and a fee that is charged names its basis. They are findings, not
 * structural errors: a hall's export often breaks one of them for reasons of its own (an item done
 * online with one visit to collect the licence), so they are reported as warnings and the catalog is
 * still used, unless the operator asks for `--strict`. A rule with a null limit (无法定时限) is not
 * broken: there is nothing to compare.
 */

/** One broken rule: the field it points at and the reason, in Chinese. */
export interface RuleFinding {
  field: string;
  reason: string;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

// A fee is charged when it names an amount or says so; it names its basis with a document or 依据.
const CHARGED = /\d\s*(元|角)|^(是|收费|按规定收费|按标准收费|按国家规定收费)[。.]?$/u;
const FREE = /^(不收费|免费|无|无收费|0|0元|不收取费用|免收费用)[。.]?$/u;
const NAMES_BASIS = /依据|《|〔|\[\d{4}\]|号\s*[）)]/u;

function feeFinding(raw: Record<string, unknown>): RuleFinding | undefined {
  const { fee, feeBasis } = raw;
  if (typeof fee !== 'string' || FREE.test(fee.trim())) return undefined;
  if (typeof feeBasis === 'string' && feeBasis.trim() !== '') return undefined;
  if (!CHARGED.test(fee.trim()) || NAMES_BASIS.test(fee)) return undefined;
  return {
    field: 'fee',
    reason: `写明了收费（“${fee.trim()}”），但没有收费依据；请在「收费依据」列或收费标准中写明文件名称和文号`,
  };
}

/** Every rule the raw item breaks, in a fixed order. */
export function consistencyFindings(raw: Record<string, unknown>): RuleFinding[] {
  const { kind, promisedDays, legalDays, online, visits } = raw;
  const findings: RuleFinding[] = [];
  if (kind === '即办件' && isCount(promisedDays) && promisedDays !== 0) {
    findings.push({
      field: 'promisedDays',
      reason: `办件类型为“即办件”时应为 0，实际为“${promisedDays}”`,
    });
  }
  if (kind === '承诺件' && promisedDays === 0) {
    findings.push({ field: 'kind', reason: '承诺时限为 0 的事项应为“即办件”，实际为“承诺件”' });
  }
  if (isCount(promisedDays) && isCount(legalDays) && promisedDays > legalDays) {
    findings.push({
      field: 'promisedDays',
      reason: `承诺时限（${promisedDays} 个工作日）不能超过法定时限（${legalDays} 个工作日）`,
    });
  }
  if (online === '全程网办' && isCount(visits) && visits !== 0) {
    findings.push({ field: 'visits', reason: `网办深度为“全程网办”时应为 0，实际为“${visits}”` });
  }
  const fee = feeFinding(raw);
  if (fee) findings.push(fee);
  return findings;
}
