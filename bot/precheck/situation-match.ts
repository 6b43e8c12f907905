/**
 * The words of a citizen's situation, as character bigrams comparable with a catalog condition's:
 * a few everyday phrasings are mapped to the catalog's first ("帮我代办" → 委托他人代为办理), and a
 * negated phrase ("不委托别人") is kept apart, so that it answers 否 instead of 是.
 */
import { normalizeForMatch } from '../../knowledge/text/normalize.ts';

const SITUATION_SYNONYMS: Array<[RegExp, string]> = [
  // Someone doing it for someone else: "帮我办", "替他办", "给老人申请", "找人跑一趟" (a parent
  // applying for a child is the guardian, not an agent: 孩子 is not among them).
  [
    /代办|代他|代她|(帮|替|给)(我|他|她|老人|父亲|母亲|爸|妈|家里人)?(办|申请|跑)|帮忙办|别人办|找人办|让人办|亲属办|家人办/,
    '委托他人代为办理',
  ],
  // Everyday words for limited mobility (general:mobility-words).
  [/瘫痪|卧床|坐轮椅|行动困难/, '行动不便'],
  [/外地|外省|外市|非本地|异地/, '非本市户籍异地'],
  [/孩子|小孩|儿子|女儿/, '未成年子女 未满周岁'],
  [/老人|父母|爸妈/, '老年人'],
  [/公司|单位/, '企业单位'],
  [/丢了|丢失|弄丢|找不到/, '遗失'],
  [/坏了|破损|损坏/, '损毁'],
  [/贷款|按揭/, '贷款'],
  [/刷脸|人脸/, '人脸识别'],
  [/租房|租的房|租住|房租/, '房屋租赁'],
  [/上班|工作|打工|就业/, '稳定就业'],
  [/上学|读书|念书|就读/, '连续就读'],
  [/公务员|国家工作人员|国企|事业单位/, '国家工作人员'],
  [/离过婚|离异|离婚/, '已离婚'],
  [/过期|到期|有效期不足/, '有效期不足到期'],
  [/送给|赠送|赠与/, '赠与'],
  [/遗产|继承/, '继承'],
  [/房产证|房本|产权证/, '不动产权证书'],
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

/** Bigrams with a function character ("理的", "我在") are accidents of phrasing, not subjects… */
const FUNCTION_CHARACTERS = /[的了是我在有和与及或等]/;
/** …except these words, which carry the subject ("因赠与办理", "有效期不足"). */
const KEPT_BIGRAMS = new Set(['赠与', '有效', '共有', '离婚']);
/** "不委托别人" must not select the 委托 materials: a negated phrase is matched apart ("不动产" is a word). */
const NEGATED_PHRASE = /(不是|不需要|不用|不(?!动产)|没有|没|无需|无须)(?:\d+|\p{Script=Han}){1,4}/gu;
const NEGATION = /不是|不需要|不用|不(?!动产)|没有|没|无需|无须/g;

export function hanBigramsOf(text: string): Set<string> {
  const han = normalizeForMatch(text).replace(/[^\p{Script=Han}]/gu, '');
  const bigrams = new Set<string>();
  for (let index = 0; index + 1 < han.length; index += 1) {
    const bigram = han.slice(index, index + 2);
    if (KEPT_BIGRAMS.has(bigram) || (!STOP_BIGRAMS.has(bigram) && !FUNCTION_CHARACTERS.test(bigram))) {
      bigrams.add(bigram);
    }
  }
  return bigrams;
}

function expand(text: string): string {
  let expanded = text;
  for (const [pattern, official] of SITUATION_SYNONYMS) {
    if (pattern.test(text)) expanded += ` ${official}`;
  }
  return expanded;
}

/**
 * Words that carry 不 without denying anything ("腿脚不便", "走不动", "下不了楼"): read as what they
 * say before negated phrases are set apart.
 */
const LEXICAL_NEGATIVES: Array<[RegExp, string]> = [
  [/走不动|走不了|腿脚不好|腿脚不便|下不了楼|出不了门|行动不便/g, '行动困难'],
];

/** The bigrams the situation affirms, and those it denies ("不委托别人" → 委托, 托别 …). */
export function situationBigrams(text: string): { affirmed: Set<string>; denied: Set<string> } {
  const situation = LEXICAL_NEGATIVES.reduce(
    (current, [pattern, plain]) => current.replace(pattern, plain),
    text,
  );
  const negated = [...situation.matchAll(NEGATED_PHRASE)].map((match) => match[0].replace(NEGATION, ' '));
  return {
    affirmed: hanBigramsOf(expand(situation.replace(NEGATED_PHRASE, ' '))),
    denied: negated.length > 0 ? hanBigramsOf(expand(negated.join(' '))) : new Set(),
  };
}

export function situationApplies(situation: string | undefined, when: string | undefined): boolean {
  if (!situation?.trim() || !when?.trim()) return false;
  const wanted = hanBigramsOf(when);
  for (const bigram of situationBigrams(situation).affirmed) if (wanted.has(bigram)) return true;
  return false;
}
