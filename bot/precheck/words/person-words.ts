/**
 * Whose document a citizen is talking about: "两口子的身份证", "老伴的社保卡", "孩子的出生证". The person
 * never blocks a match (the document is what matters); when the item lists a material that names that
 * person (配偶, 父母双方, 监护人 …), it is preferred over the general one.
 *
 * Provenance: general kinship and address terms of spoken Mandarin (general:kinship-terms), each mapped
 * to the words Chinese catalog material names use for the same person.
 */
export interface PersonWord {
  /** The word as the citizen said it ("老伴"). */
  said: string;
  /** Words a material name uses for that person ("配偶", "双方"). */
  catalogWords: string[];
}

const FAMILIES: Array<{ words: string[]; catalogWords: string[] }> = [
  // Both members of a couple.
  {
    words: ['两口子', '小两口', '夫妻俩', '夫妻', '夫妇', '我们俩', '我俩', '咱俩', '俩人', '两个人', '双方'],
    catalogWords: ['双方', '夫妻', '配偶', '双人'],
  },
  // The other member of a couple.
  {
    words: [
      '老伴儿',
      '老伴',
      '爱人',
      '老公',
      '老婆',
      '媳妇儿',
      '媳妇',
      '丈夫',
      '妻子',
      '对象',
      '先生',
      '太太',
      '配偶',
    ],
    catalogWords: ['配偶'],
  },
  // A child of the citizen: the child is usually the one the item is for, the citizen the guardian.
  {
    words: ['孩子', '小孩儿', '小孩', '儿子', '女儿', '闺女', '宝宝', '娃', '子女', '新生儿'],
    catalogWords: ['子女', '被监护人', '新生儿', '婴儿'],
  },
  // The citizen's parents, who are guardians in the catalog's words.
  {
    words: [
      '孩子他爸',
      '孩子他妈',
      '孩子爸爸',
      '孩子妈妈',
      '孩子爸',
      '孩子妈',
      '父母',
      '爸妈',
      '爸爸',
      '妈妈',
      '父亲',
      '母亲',
      '老爸',
      '老妈',
      '家长',
      '监护人',
    ],
    catalogWords: ['父母', '监护人'],
  },
  // Someone acting for the citizen.
  { words: ['代办人', '代理人', '经办人', '受托人'], catalogWords: ['代办人', '代理人', '经办人', '受托人'] },
  { words: ['法人', '老板', '法定代表人'], catalogWords: ['法定代表人', '负责人'] },
  // The citizen themself.
  { words: ['本人', '自己', '我自己', '我的', '我'], catalogWords: ['本人'] },
];

const LOOKUP = FAMILIES.flatMap((family) => family.words.map((word) => ({ word, family }))).sort(
  (a, b) => b.word.length - a.word.length,
);

/** Owner phrases: a person word, optionally followed by 的/俩的/两个的, at the start of a phrase. */
export function extractPerson(text: string): { person?: PersonWord; rest: string } {
  for (const { word, family } of LOOKUP) {
    const at = text.indexOf(word);
    if (at < 0) continue;
    // Only an owner at the start ("老伴的社保卡", "我爱人身份证"), not a word inside a document name
    // ("监护人居民身份证" stays whole when said as the catalog says it).
    const before = text.slice(0, at);
    if (before && !/^(我|我们|我家|咱|咱们|还有|和|跟)*$/u.test(before)) continue;
    const rest = text.slice(at + word.length).replace(/^(俩|两个|两人|双方|各自)?(的)?/u, '');
    if (!rest) continue;
    return { person: { said: word, catalogWords: family.catalogWords }, rest };
  }
  return { rest: text };
}

/** Whether a phrase is only a person word ("本人", "老伴", "夫妻双方"), naming no document. */
export function isPersonWord(text: string): boolean {
  const stripped = text.replace(/的$/u, '');
  return LOOKUP.some(({ word }) => stripped === word) || extractPerson(`${stripped}证`).rest === '证';
}
