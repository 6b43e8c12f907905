/**
 * The fact guard: decides whether a model's wording of an answer may replace the composed text. The
 * composed text is the only source of facts, so the model text may only rearrange what it says:
 * - every number with its unit (days, fees, copies, floors, counts), clock time, phone number and
 *   window number (A03) must appear on both sides — nothing added, changed or dropped;
 * - a bare number in the model text must occur somewhere in the composed text;
 * - every known name (window, zone, area, department, item) and every web address in the model text,
 *   and every fact term (即办件, 承诺件, 全程网办, 不收费, 告知承诺制 …), must be in the composed text;
 * - every material name in the composed text must still be in the model text (一次性告知 stays
 *   complete), and the model may name no material the composed text does not.
 * Chinese numerals before a unit ("五个工作日", "一楼", "两份") are read as digits, so a faithful
 * rewording in words still passes and "五" cannot stand in for "3".
 */

export interface FactVocabulary {
  /** Material names: the item's list, or every material of the catalog. */
  materials?: readonly string[];
  /** Names a model must not introduce: windows, zones, areas, departments, items, themes. */
  names?: readonly string[];
}

export type FactCheck = { ok: true } | { ok: false; violations: string[] };

export interface CheckFactsInput {
  composed: string;
  candidate: string;
  vocabulary?: FactVocabulary;
}

export function checkFacts({ composed, candidate, vocabulary = {} }: CheckFactsInput): FactCheck {
  const source = extractFacts(composed);
  const rewrite = extractFacts(candidate);
  const violations: string[] = [];
  const report = (what: string, values: Iterable<string>) => {
    for (const value of values) violations.push(`${what} "${value}"`);
  };

  report('added or changed number', missing(rewrite.quantities, source.quantities));
  report('dropped number', missing(source.quantities, rewrite.quantities));
  report('added number', missing(rewrite.bareNumbers, source.allValues));
  for (const kind of ['windows', 'times', 'phones'] as const) {
    report(`added or changed ${KIND_LABELS[kind]}`, missing(rewrite[kind], source[kind]));
    report(`dropped ${KIND_LABELS[kind]}`, missing(source[kind], rewrite[kind]));
  }
  report('added web address', missing(rewrite.urls, source.urls));

  const composedCompact = compact(composed);
  const candidateCompact = compact(candidate);
  for (const term of FACT_TERMS) {
    if (term.pattern.test(candidateCompact) && !term.pattern.test(composedCompact)) {
      violations.push(`added fact term "${term.name}"`);
    }
  }
  const names = known(vocabulary.names);
  report(
    'added name',
    names.filter((name) => candidateCompact.includes(name) && !composedCompact.includes(name)),
  );
  const materials = known(vocabulary.materials);
  report(
    'added material',
    materials.filter((name) => candidateCompact.includes(name) && !composedCompact.includes(name)),
  );
  report(
    'dropped material',
    materials.filter((name) => composedCompact.includes(name) && !candidateCompact.includes(name)),
  );

  return violations.length === 0 ? { ok: true } : { ok: false, violations: [...new Set(violations)] };
}

const KIND_LABELS = { windows: 'window number', times: 'clock time', phones: 'phone number' } as const;

/** Terms that state a fact by themselves, without a number; grouped by what they claim. */
const FACT_TERMS: Array<{ name: string; pattern: RegExp }> = [
  { name: '即办件', pattern: /即办件|即办事项|即来即办|当场办结|当场办理|当场办好|当场就能|立等可取/ },
  { name: '承诺件', pattern: /承诺件/ },
  { name: '当日办结', pattern: /当日|当天/ },
  { name: '全程网办', pattern: /全程网办|全程网上|全程在网上|全流程网办|全程线上/ },
  { name: '网上预审', pattern: /预审/ },
  {
    name: '可以网上办理',
    pattern: /(?<![不无])(?:可以?|能够?)(?:先|直接|通过|在|全程)*(?:网上|线上|网络|手机|掌上)/,
  },
  { name: '不能网上办理', pattern: /线下办理|(?:不能|无法|不可以|不可)(?:在|通过)?(?:网上|线上)/ },
  {
    name: '不收费',
    pattern: /不收费|免费|免收|不收取|无需缴费|不用缴费|不需要缴费|不用交钱|不用花钱|零收费/,
  },
  { name: '告知承诺制', pattern: /告知承诺/ },
  { name: '容缺', pattern: /容缺/ },
  {
    name: '免提交',
    pattern: /免提交|免于提交|无需提交|无须提交|不用提交|不需要提交|不必提交|不用带|无需携带|不需要带/,
  },
  { name: '不用到现场', pattern: /不用到现场|无需到现场|不用跑|零跑|跑零次|一次都不用跑/ },
  { name: '邮寄', pattern: /邮寄|快递|寄送/ },
  { name: '预约', pattern: /预约/ },
];

interface ExtractedFacts {
  /** Numbers with a canonical unit: "5工作日", "1楼", "2份", "0.5%". */
  quantities: Set<string>;
  bareNumbers: Set<string>;
  /** Every numeric value, with or without unit, for bare numbers to be looked up in. */
  allValues: Set<string>;
  windows: Set<string>;
  times: Set<string>;
  phones: Set<string>;
  urls: Set<string>;
}

// Longest spelling first, so "个工作日" wins over "日" and "万元" over "元".
const UNITS: Array<[string, string]> = [
  ['个工作日', '工作日'],
  ['工作日', '工作日'],
  ['个自然日', '自然日'],
  ['自然日', '自然日'],
  ['个小时', '小时'],
  ['小时', '小时'],
  ['分钟', '分钟'],
  ['个月', '月'],
  ['万元', '万元'],
  ['块钱', '元'],
  ['元', '元'],
  ['天', '日'],
  ['日', '日'],
  ['周', '周'],
  ['年', '年'],
  ['月', '月'],
  ['份', '份'],
  ['项', '项'],
  ['楼', '楼'],
  ['层', '楼'],
  ['次', '次'],
  ['号', '号'],
  ['张', '张'],
  ['页', '页'],
  ['岁', '岁'],
  ['个', '个'],
  ['名', '人'],
  ['人', '人'],
  ['户', '户'],
  ['点', '点'],
  ['%', '%'],
];
const UNIT_CANONICAL = new Map(UNITS);
const UNIT_ALTERNATION = UNITS.map(([spelling]) => spelling).join('|');
const QUANTITY = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(${UNIT_ALTERNATION})?`, 'gu');

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
// Bare "个" and "一点" are left alone: "一个窗口" and "快一点" state no fact, "一次性告知" is a name.
const CHINESE_QUANTITY = new RegExp(
  `([零〇一二两三四五六七八九十百千万]+)(?=${UNITS.map(([spelling]) => spelling)
    .filter((unit) => unit !== '个' && unit !== '%')
    .join('|')})`,
  'gu',
);

function chineseNumber(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const character of text) {
    if (character in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[character];
      continue;
    }
    const power = CHINESE_POWERS[character];
    if (power === undefined) return undefined;
    if (power === 10000) {
      total += (section + (digit ?? 0)) * power;
      section = 0;
    } else {
      section += (digit ?? 1) * power;
    }
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}

function toDigits(text: string): string {
  return text.replace(CHINESE_QUANTITY, (match, numeral: string, offset: number, whole: string) => {
    const after = whole.slice(offset + match.length);
    if (numeral === '一' && (after.startsWith('点') || after.startsWith('次性'))) return match;
    const value = chineseNumber(numeral);
    return value === undefined ? match : String(value);
  });
}

/** Width, case and separator differences that do not change a fact. */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/[“”"「」『』]/g, '');
}

function compact(text: string): string {
  return normalize(text).replace(/\s+/g, '');
}

function known(names: readonly string[] | undefined): string[] {
  return [...new Set((names ?? []).map(compact).filter((name) => name.length >= 2))];
}

function takeAll(
  text: string,
  pattern: RegExp,
  found: Set<string>,
  canonical: (match: string) => string,
): string {
  return text.replace(pattern, (match) => {
    found.add(canonical(match));
    return ' ';
  });
}

function extractFacts(raw: string): ExtractedFacts {
  const facts: ExtractedFacts = {
    quantities: new Set(),
    bareNumbers: new Set(),
    allValues: new Set(),
    windows: new Set(),
    times: new Set(),
    phones: new Set(),
    urls: new Set(),
  };
  let text = normalize(raw);
  text = takeAll(text, /https?:\/\/[^\s，。；、）)]+|www\.[^\s，。；、）)]+/giu, facts.urls, (url) =>
    url.toLowerCase().replace(/[./]+$/, ''),
  );
  text = takeAll(text, /(?<![A-Za-z0-9])[A-Za-z]\d{1,3}(?!\d)/gu, facts.windows, (code) =>
    code.toUpperCase(),
  );
  text = takeAll(text, /(?<!\d)\d{1,2}:\d{2}(?!\d)/gu, facts.times, (time) => time.replace(/^0(?=\d:)/, ''));
  text = takeAll(
    text,
    /(?<![\d.])(?:0\d{2,3}[-\s]?\d{7,8}|1[3-9]\d{9}|400[-\s]?\d{3}[-\s]?\d{4}|123\d{2})(?![\d.])/gu,
    facts.phones,
    (phone) => phone.replace(/[-\s]/g, ''),
  );
  text = toDigits(text);
  for (const match of text.matchAll(QUANTITY)) {
    const value = String(Number(match[1]));
    facts.allValues.add(value);
    const unit = match[2] ? UNIT_CANONICAL.get(match[2]) : undefined;
    if (unit) facts.quantities.add(`${value}${unit}`);
    else facts.bareNumbers.add(value);
  }
  return facts;
}

function missing(wanted: Set<string>, available: Set<string>): string[] {
  return [...wanted].filter((value) => !available.has(value));
}
