/**
 * The pre-check (自助预审) as the browser sees it: the item's situation questions and checklist
 * (`GET /api/v1/items/:id/precheck-questions`), the result of `POST /api/v1/precheck`, an upload's
 * reading, all parsed defensively (a field the server does not send yet is simply absent), and which
 * materials apply once the citizen has answered the questions.
 */
import { materialExemption } from '../../../bot/compose/materials-list.ts';

export interface PrecheckQuestion {
  key: string;
  text: string;
  options: string[];
  /** The materials the answer decides. */
  materials: string[];
}

export interface ChecklistMaterial {
  name: string;
  required: '必要' | '容缺' | '情形';
  when?: string;
  /** Why it need not be brought (the catalog's 免提交 note). */
  exempt?: string;
}

export interface PrecheckQuestions {
  item: { id: string; name: string };
  questions: PrecheckQuestion[];
  materials: ChecklistMaterial[];
}

export interface PrecheckWhere {
  zone?: string;
  window?: string;
  ticketCategory?: string;
  hours?: string;
  address?: string;
}

export interface PrecheckResult {
  item: { id: string; name: string };
  missing: Array<{ name: string; note?: string }>;
  invalid: Array<{ field: string; reason: string }>;
  deferrable: Array<{ name: string }>;
  exempt: Array<{ name: string; note: string }>;
  unrecognised: string[];
  notice: string;
  precheckNo?: string;
  noticeKey?: string;
  noticeUrl?: string;
  /** The console's page of this pre-check, for the window clerk's scanner. */
  consoleUrl?: string;
  where?: PrecheckWhere;
}

export interface UploadReading {
  id: string;
  /** The file's own name, as the citizen picked it (shown only on this device). */
  fileName: string;
  documentType: string | null;
  /** The numbers read from it, as the server masks them ("1101********1234"), by field. */
  fields: Record<string, string>;
  problem?: string;
}

/** The answers so far: the key of a question → the option chosen ("是", "否", "划拨"). */
export type Answers = Map<string, string>;

export const YES = '是';
export const NO = '否';

/** What the citizen types, with the server's field names. */
export interface PrecheckFields {
  idNumber?: string;
  phone?: string;
}

export const FIELD_LABELS: Record<string, string> = {
  idNumber: '身份证号码',
  phone: '手机号码',
  creditCode: '统一社会信用代码',
  idExpiry: '身份证有效期',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];

function itemOf(value: unknown): { id: string; name: string } | undefined {
  if (!isRecord(value)) return undefined;
  const id = text(value.id);
  const name = text(value.name);
  return id && name ? { id, name } : undefined;
}

const REQUIRED = new Set(['必要', '容缺', '情形']);

export function parseQuestions(value: unknown): PrecheckQuestions | undefined {
  if (!isRecord(value)) return undefined;
  const item = itemOf(value.item);
  if (!item) return undefined;
  const questions = records(value.questions).flatMap((entry): PrecheckQuestion[] => {
    const key = text(entry.key);
    const question = text(entry.text);
    const options = texts(entry.options);
    if (!key || !question || options.length === 0) return [];
    return [{ key, text: question, options, materials: texts(entry.materials) }];
  });
  const materials = records(value.materials).flatMap((entry): ChecklistMaterial[] => {
    const name = text(entry.name);
    const required = text(entry.required);
    if (!name) return [];
    return [
      {
        name,
        required: (required && REQUIRED.has(required) ? required : '必要') as ChecklistMaterial['required'],
        when: text(entry.when),
        exempt: text(entry.exempt),
      },
    ];
  });
  return { item, questions, materials };
}

function parseWhere(value: unknown): PrecheckWhere | undefined {
  if (!isRecord(value)) return undefined;
  const where: PrecheckWhere = {
    zone: text(value.zone),
    window: text(value.window),
    ticketCategory: text(value.ticketCategory),
    hours: text(value.hours),
    address: text(value.address),
  };
  return Object.values(where).some(Boolean) ? where : undefined;
}

export function parseResult(value: unknown): PrecheckResult | undefined {
  if (!isRecord(value)) return undefined;
  const item = itemOf(value.item);
  if (!item) return undefined;
  const named = (entry: Record<string, unknown>) => text(entry.name);
  return {
    item,
    missing: records(value.missing).flatMap((entry) => {
      const name = named(entry);
      return name ? [{ name, note: text(entry.note) }] : [];
    }),
    invalid: records(value.invalid).flatMap((entry) => {
      const field = text(entry.field);
      const reason = text(entry.reason);
      return field && reason ? [{ field, reason }] : [];
    }),
    deferrable: records(value.deferrable).flatMap((entry) => {
      const name = named(entry);
      return name ? [{ name }] : [];
    }),
    exempt: records(value.exempt).flatMap((entry) => {
      const name = named(entry);
      return name ? [{ name, note: text(entry.note) ?? '' }] : [];
    }),
    unrecognised: texts(value.unrecognised),
    notice: text(value.notice) ?? '',
    precheckNo: text(value.precheckNo),
    noticeKey: text(value.noticeKey),
    noticeUrl: text(value.noticeUrl),
    consoleUrl: text(value.consoleUrl),
    where: parseWhere(value.where),
  };
}

/** `{ upload: { id }, reading: { documentType, problem? } }` of `POST /api/v1/precheck/uploads`. */
export function parseUpload(value: unknown, fileName: string): UploadReading | undefined {
  if (!isRecord(value) || !isRecord(value.upload)) return undefined;
  const id = text(value.upload.id);
  if (!id) return undefined;
  const reading = isRecord(value.reading) ? value.reading : {};
  const fields: Record<string, string> = {};
  if (isRecord(reading.fields)) {
    for (const [field, masked] of Object.entries(reading.fields)) {
      if (typeof masked === 'string' && masked) fields[field] = masked;
    }
  }
  return {
    id,
    fileName,
    documentType: text(reading.documentType) ?? null,
    fields,
    problem: text(reading.problem),
  };
}

const isYesNo = (question: PrecheckQuestion): boolean =>
  question.options.length === 2 && question.options.includes(YES) && question.options.includes(NO);

/** "申领人未满16周岁或为无民事行为能力人的（…）" → "申领人未满16周岁或为无民事行为能力人". */
function plainCondition(when: string): string {
  return when
    .replace(/[（(][^（()）]*[）)]/g, '')
    .split(/[，,；;。]/)[0]
    .replace(/的$/, '')
    .trim();
}

/**
 * The question that decides whether a situational material applies at all: a choice among
 * alternatives ("以哪种方式取得土地？"), or the 是/否 question asked about its `when`.
 */
function whenQuestion(
  material: ChecklistMaterial,
  questions: PrecheckQuestion[],
): PrecheckQuestion | undefined {
  if (!material.when) return undefined;
  const condition = plainCondition(material.when);
  const asking = questions.filter((question) => question.materials.includes(material.name));
  return (
    asking.find((question) => !isYesNo(question)) ??
    asking.find((question) => {
      const asked = question.text.replace(/^是否/, '').replace(/[？?]$/, '');
      return asked.length > 0 && (condition.startsWith(asked) || asked.startsWith(condition));
    })
  );
}

/** The question whose 是 spares the material ("是否在窗口通过人脸识别核验身份？"). */
function exemptionQuestion(
  material: ChecklistMaterial,
  questions: PrecheckQuestion[],
): PrecheckQuestion | undefined {
  if (!material.exempt) return undefined;
  const decidesWhen = whenQuestion(material, questions);
  return questions.find(
    (question) => question !== decidesWhen && isYesNo(question) && question.materials.includes(material.name),
  );
}

export interface ChecklistEntry {
  material: ChecklistMaterial;
  /** Need not be brought, and why (免提交): shown as not needed, with no box to tick. */
  notNeeded?: string;
}

/**
 * The materials that apply after the answers: one whose situation was answered 否 (or another
 * alternative chosen) goes; one spared by a 是 (人脸识别, data sharing) is listed as not needed.
 * An unanswered situation keeps its materials on the list, marked with when they apply.
 */
export function applicableMaterials(data: PrecheckQuestions, answers: Answers): ChecklistEntry[] {
  const entries: ChecklistEntry[] = [];
  for (const material of data.materials) {
    const deciding = whenQuestion(material, data.questions);
    const answer = deciding ? answers.get(deciding.key) : undefined;
    if (deciding && answer !== undefined) {
      const applies = isYesNo(deciding) ? answer === YES : (material.when ?? '').includes(answer);
      if (!applies) continue;
    }
    const sparing = exemptionQuestion(material, data.questions);
    if (sparing) {
      entries.push(
        answers.get(sparing.key) === YES ? { material, notNeeded: material.exempt } : { material },
      );
      continue;
    }
    // An exemption asked about nothing is unconditional (data sharing, taken at the window), unless it
    // spares only a part of the material ("…，免提交监护关系证明").
    const exemption = material.exempt
      ? materialExemption({ exempt: true, exemptNote: material.exempt })
      : undefined;
    const whole = exemption && (exemption.label === '无需提交' || exemption.label === '无需自带');
    entries.push(whole ? { material, notNeeded: material.exempt } : { material });
  }
  return entries;
}

/** The answers as the server takes them: 是/否 as true/false, a choice as its option. */
export function situationOf(data: PrecheckQuestions, answers: Answers): Record<string, boolean | string> {
  const situation: Record<string, boolean | string> = {};
  for (const question of data.questions) {
    const answer = answers.get(question.key);
    if (answer === undefined) continue;
    situation[question.key] = isYesNo(question) ? answer === YES : answer;
  }
  return situation;
}

/** The address a phone opens to see the same result again (`/?precheck=NO&key=KEY`). */
export function precheckFollowUrl(origin: string, number: string, key?: string): string {
  const query = new URLSearchParams({ precheck: number });
  if (key) query.set('key', key);
  return `${origin}/?${query.toString()}`;
}
