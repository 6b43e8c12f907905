/**
 * One item as halls write it, before the model checks it: time limits as "20个工作日", "即办" or
 * "无法定时限" (→ 20, 0, null), counts and booleans in their everyday spellings, 是否收费 "否" as
 * 不收费, a 给付标准 written as plain text. Used by the item model, so JSON, CSV and XLSX catalogs
 * all get the same reading; values it cannot read stay as written, for the validator to quote.
 */
import { booleanWord, readBoolean, readCount, readDays } from './tolerant-values.ts';

const KIND_WORDS: Record<string, string> = {
  即办: '即办件',
  即办件: '即办件',
  承诺: '承诺件',
  承诺件: '承诺件',
};

const BOOLEAN_FIELDS = ['commitment', 'feeCharged', 'appointment', 'delivery'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readFee(item: Record<string, unknown>): void {
  const { fee } = item;
  if (fee === false || (typeof fee === 'string' && booleanWord(fee) === false)) item.fee = '不收费';
  else if ((fee === undefined || fee === '') && item.feeCharged === false) item.fee = '不收费';
}

/** 给付标准 as plain text, and 给付依据 / 给付说明 in columns of their own, become one benefit record. */
function readBenefit(item: Record<string, unknown>): void {
  if (typeof item.benefit === 'string') {
    item.benefit = item.benefit.trim() === '' ? undefined : { amount: item.benefit.trim() };
  }
  const { benefitBasis: basis, benefitNote: note } = item;
  delete item.benefitBasis;
  delete item.benefitNote;
  if (basis === undefined && note === undefined) return;
  const benefit = isRecord(item.benefit) ? item.benefit : {};
  item.benefit = {
    ...benefit,
    ...(basis !== undefined ? { basis } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

const asText = (value: unknown): string =>
  typeof value === 'string'
    ? value.trim()
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/** Fields the model has no place for move to `extra` under their own name, as text. */
function keepOthers(item: Record<string, unknown>, known: ReadonlySet<string>): void {
  const extra: Record<string, string> = isRecord(item.extra)
    ? { ...(item.extra as Record<string, string>) }
    : {};
  for (const key of Object.keys(item)) {
    if (known.has(key)) continue;
    const value = item[key];
    delete item[key];
    if (value === undefined || value === null || asText(value) === '') continue;
    extra[key] = asText(value);
  }
  if (Object.keys(extra).length > 0) item.extra = extra;
}

/**
 * A copy of the raw item with its variants normalised; with `known` (the model's fields), any other
 * field is kept in `extra`.
 */
export function normaliseItemInput(raw: unknown, known?: ReadonlySet<string>): unknown {
  if (!isRecord(raw)) return raw;
  const item: Record<string, unknown> = { ...raw };
  if (typeof item.id === 'number') item.id = String(item.id);
  if (typeof item.baseCode === 'number') item.baseCode = String(item.baseCode);
  item.legalDays = readDays(item.legalDays);
  item.promisedDays = readDays(item.promisedDays);
  item.visits = readCount(item.visits);
  for (const field of BOOLEAN_FIELDS) {
    if (item[field] === undefined) continue;
    item[field] = readBoolean(item[field]);
    if (item[field] === undefined) delete item[field];
  }
  if (typeof item.kind === 'string') item.kind = KIND_WORDS[item.kind.replace(/\s+/g, '')] ?? item.kind;
  readFee(item);
  readBenefit(item);
  if (known) keepOthers(item, known);
  return item;
}
