/**
 * A document described by who issued it ("派出所开的证明", "民政局发的那个本", "医院给的证明"): the issuer
 * narrows the catalog's materials to those whose own name carries a word of that issuer's field.
 *
 * Provenance: the issuing bodies of Chinese civil documents and what each issues
 * (general:issuing-bodies) — public security issues 户口/户籍/身份证, civil affairs 婚姻/低保,
 * hospitals 医学/诊断/病历 … The field words are words of material names, not of any one catalog.
 */
const ISSUERS: Array<{ words: string[]; field: string[] }> = [
  {
    words: ['派出所', '公安局', '公安', '户籍科', '户政'],
    field: ['户口', '户籍', '居民身份证', '居住证', '无犯罪'],
  },
  {
    words: ['民政局', '民政', '婚姻登记处', '婚姻登记'],
    field: ['婚姻', '结婚', '离婚', '低保', '特困', '救助'],
  },
  {
    words: ['医院', '卫生院', '妇幼', '诊所', '卫健委'],
    field: ['医学', '诊断', '病历', '出院', '转诊', '健康', '出生'],
  },
  { words: ['银行'], field: ['银行', '流水', '借记卡', '账户', '贷款'] },
  { words: ['税务局', '税务', '国税', '地税'], field: ['完税', '税', '发票'] },
  { words: ['残联'], field: ['残疾'] },
  { words: ['社保局', '人社局', '人社', '社保'], field: ['社会保障', '养老保险', '参保', '退休'] },
  { words: ['法院', '仲裁委', '仲裁'], field: ['法院', '判决', '调解', '法律文书', '仲裁'] },
  { words: ['公证处'], field: ['公证'] },
  { words: ['学校', '大学', '学院', '中学', '小学'], field: ['就读', '学历', '学位', '毕业'] },
  {
    words: ['居委会', '村委会', '社区', '街道', '村里'],
    field: ['居住', '家庭', '困难', '关系证明', '低保'],
  },
  { words: ['房管局', '不动产登记中心', '不动产中心', '房产局'], field: ['不动产', '房屋', '房产'] },
  { words: ['工商局', '工商', '市场监管局', '市场监管'], field: ['营业执照', '主体资格'] },
  { words: ['单位', '公司', '厂里', '老板'], field: ['收入', '劳动', '任职', '在职', '工作经历', '解除'] },
];

const ISSUED = /(打的|拉的|开的|开具的|出具的|出的|发的|给的|办的|盖章的|盖了章的|开了|开|的)/u;

/** Nouns that say "a document" without saying which: only the issuer tells. */
export const GENERIC_DOCUMENT = /^(证明|证|本|本子|材料|单子|东西|文件|手续|那个|证件|)$/u;

export interface IssuerCue {
  said: string;
  field: string[];
  /** What is left once the issuer phrase is taken away ("证明", "本", ""). */
  rest: string;
}

/** The issuer a phrase names, when it names one followed by a verb of issuing or directly by a noun. */
export function extractIssuer(text: string): IssuerCue | undefined {
  for (const issuer of ISSUERS) {
    for (const word of [...issuer.words].sort((a, b) => b.length - a.length)) {
      const at = text.indexOf(word);
      if (at < 0) continue;
      const after = text.slice(at + word.length);
      // Only "<issuer> 开的/发的/的 <document>" describes a document by its issuer; an issuer word
      // inside a name ("婚姻登记证", "委托银行划缴协议", "公司章程") is part of that name.
      const issued = ISSUED.exec(after);
      if (!issued || issued.index !== 0) continue;
      const rest = after.slice(issued[0].length).replace(/^(那个|那张|那本|一个|一张|的)+/u, '');
      if (!rest) continue;
      return { said: word, field: issuer.field, rest };
    }
  }
  return undefined;
}
