/**
 * Decides whether a 情形 material applies to the citizen's situation: the situation text and the
 * material's `when` must share a meaningful word (character bigram), after a few everyday phrasings
 * are mapped to the catalog's ("帮我代办" → 委托他人代为办理).
 */
import { normalizeForMatch } from '../../knowledge/text/normalize.ts';

const SITUATION_SYNONYMS: Array<[RegExp, string]> = [
  [/代办|帮我办|替我办|帮忙办|别人办|找人办|让人办|亲属办|家人办/, '委托他人代为办理'],
  [/外地|外省|外市|非本地|异地/, '非本市户籍异地'],
  [/孩子|小孩|儿子|女儿/, '未成年子女'],
  [/老人|父母|爸妈/, '老年人'],
  [/公司|单位/, '企业单位'],
  [/丢了|丢失|弄丢|找不到/, '遗失'],
  [/坏了|破损|损坏/, '损毁'],
  [/贷款|按揭/, '贷款'],
  [/刷脸|人脸/, '人脸识别'],
];

/** Bigrams too common in situation phrases to signal anything on their own. */
const STOP_BIGRAMS = new Set([
  '办理',
  '申请',
  '需要',
  '提供',
  '材料',
  '相关',
  '规定',
  '情况',
  '情形',
  '的话',
  '如果',
  '属于',
  '或者',
  '以及',
  '证明',
  '本人',
  '人员',
  '有关',
  '应当',
  '其他',
  '代为',
  '他人',
  '通过',
  '核验',
]);

/** Bigrams with a function character ("理的", "我在") are accidents of phrasing, not subjects. */
const FUNCTION_CHARACTERS = /[的了是我在有和与及或等]/;
/** "不委托别人" must not select the 委托 materials: a negated phrase is dropped before matching. */
const NEGATED_PHRASE = /(不是|不需要|不用|不|没有|没|无需|无须)(?:\d+|\p{Script=Han}){1,4}/gu;

function hanBigramsOf(text: string): Set<string> {
  const han = normalizeForMatch(text).replace(/[^\p{Script=Han}]/gu, '');
  const bigrams = new Set<string>();
  for (let index = 0; index + 1 < han.length; index += 1) {
    const bigram = han.slice(index, index + 2);
    if (!STOP_BIGRAMS.has(bigram) && !FUNCTION_CHARACTERS.test(bigram)) bigrams.add(bigram);
  }
  return bigrams;
}

function expandSituation(situation: string): string {
  const affirmed = situation.replace(NEGATED_PHRASE, ' ');
  let expanded = affirmed;
  for (const [pattern, official] of SITUATION_SYNONYMS) {
    if (pattern.test(affirmed)) expanded += ` ${official}`;
  }
  return expanded;
}

/** True when the situation denies the condition ("不委托别人", "没有租房"). */
export function situationDenies(situation: string | undefined, when: string | undefined): boolean {
  if (!situation?.trim() || !when?.trim()) return false;
  const negated = [...situation.matchAll(NEGATED_PHRASE)].map((match) => match[0]).join(' ');
  if (!negated) return false;
  const wanted = hanBigramsOf(when);
  for (const bigram of hanBigramsOf(expandNegated(negated))) if (wanted.has(bigram)) return true;
  return false;
}

function expandNegated(negated: string): string {
  let expanded = negated.replace(/不是|不需要|不用|不|没有|没|无需|无须/g, ' ');
  for (const [pattern, official] of SITUATION_SYNONYMS) {
    if (pattern.test(expanded)) expanded += ` ${official}`;
  }
  return expanded;
}

export function situationApplies(situation: string | undefined, when: string | undefined): boolean {
  if (!situation?.trim() || !when?.trim()) return false;
  const wanted = hanBigramsOf(when);
  for (const bigram of hanBigramsOf(expandSituation(situation))) if (wanted.has(bigram)) return true;
  return false;
}
