/**
 * The head noun of a document name — what kind of thing it is (证 / 证明 / 照片 / 卡 / 表 / 合同 …).
 * Two names with incompatible heads never match by character overlap alone: "结婚照" is no "结婚证",
 * "社保卡" no "社保证明".
 *
 * Provenance: Chinese noun compounds are head-final; the heads and their groups below are the generic
 * document nouns of Chinese administrative language (general:document-head-nouns).
 */
const GROUPS: string[][] = [
  ['证书', '执照', '证件', '证', '本', '簿', '本子'],
  ['证明', '证明书', '证明材料', '说明'],
  ['照片', '相片', '合影', '照'],
  ['卡', '折', '存折', '账户'],
  ['申请书', '申请表', '登记表', '审批表', '声明书', '声明', '承诺书', '表', '书'],
  ['合同', '合同书', '协议', '协议书'],
  ['发票', '票据', '收据', '凭证'],
  ['报告', '记录', '清单', '图', '图纸', '文件', '材料', '信息'],
];

const HEADS = GROUPS.flatMap((group, index) => group.map((head) => ({ head, index }))).sort(
  (a, b) => b.head.length - a.head.length,
);

/** The head of a name without brackets and form words, or undefined when it ends in none. */
export function headNoun(name: string): string | undefined {
  const bare = name.replace(/[（(][^）)]*[）)]/gu, '');
  return HEADS.find(({ head }) => bare.endsWith(head))?.head;
}

function groupOf(head: string | undefined): number | undefined {
  return head === undefined ? undefined : HEADS.find((entry) => entry.head === head)?.index;
}

/**
 * The heads of a material name, one per alternative ("出院记录或诊断证明" → 记录, 证明): a phrase
 * naming any one alternative names the material.
 */
export function materialHeads(name: string): Array<string | undefined> {
  const bare = name.replace(/[（(][^）)]*[）)]/gu, '');
  return bare.split(/或者|或|及|和|与|、|，|,/u).map(headNoun);
}

/** Whether two heads may name the same document (an unknown head is compatible with any). */
export function headsCompatible(a: string | undefined, b: string | undefined): boolean {
  const groupA = groupOf(a);
  const groupB = groupOf(b);
  if (groupA === undefined || groupB === undefined) return true;
  if (groupA === groupB) return true;
  // A 证明 may be a certificate ("身份证明" covers "居民身份证"), never a photo, card or form.
  const certificate = groupOf('证');
  const proof = groupOf('证明');
  return (groupA === certificate && groupB === proof) || (groupA === proof && groupB === certificate);
}

/** Characters a document word can end with: used to see where one document ends and the next begins. */
export const HEAD_END = /(证|本|簿|卡|照|书|表|明|同|议|票|据|折|片|告|影|账户)$/u;
