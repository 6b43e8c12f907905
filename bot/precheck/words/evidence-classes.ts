/**
 * A material named by the fact it proves — "经营场所使用证明", "学历证明", "婚姻状况证明", "关系证明",
 * "体检证明" — is satisfied by a document that proves that fact: the deed or the lease proves the use
 * of premises, the diploma the education, the marriage certificate the marital status. A citizen names
 * the document they hold, never the fact, so the match goes through the fact.
 *
 * Provenance (general:proof-documents): what the registration rules accept as each proof —
 * 《市场主体登记管理条例实施细则》 (住所/经营场所使用证明: 不动产权属证书、租赁协议、购房合同等),
 * 《中华人民共和国学位条例》 and 《高等教育法》 (学历/学位证书: 毕业证书、学位证书),
 * 《婚姻登记工作规范》 (婚姻状况: 结婚证、离婚证), household registration practice (户口簿 and
 * 出生医学证明 prove kinship), and physical examinations (体检报告/体检表 are the 健康证明).
 * The patterns are word classes of material names and of citizens' names for documents, not phrases of
 * any one catalog or question.
 */

export interface EvidenceClass {
  /** The fact proven, for explanations and tests. */
  fact: string;
  /** A material name that asks for proof of this fact. */
  material: RegExp;
  /** A citizen's name (normalised, form words removed) for a document that proves it. */
  document: RegExp;
}

export const EVIDENCE_CLASSES: EvidenceClass[] = [
  {
    fact: 'the right to use premises',
    material:
      /(住所|场所|场地|房屋|用房|仓库|厂房|门面|店面|门店|店铺|商铺|办公室)[^或及和]{0,8}(使用权?|产权|权属)证明|使用权证明|产权证明/u,
    document:
      /(房产证|房本|房屋所有权证|不动产权证|不动产证|产权证|土地证|租赁合同|租房合同|租赁协议|租房协议|购房合同|买卖合同|房屋买卖)/u,
  },
  {
    fact: 'education',
    material: /(学历|学位)[^或及和]{0,4}(证书|证明)/u,
    document: /(毕业证|学位证|学历证|结业证|肄业证)/u,
  },
  {
    fact: 'marital status',
    material: /婚姻状况证明|婚姻关系证明|婚姻状况的证明/u,
    document: /(结婚证|离婚证|离婚判决书|离婚调解书)/u,
  },
  {
    fact: 'kinship',
    // Not a working or legal relation (劳动关系, 利害关系), which no family document proves.
    material: /(?<!劳动|利害|雇佣|隶属|劳务|债权|债务)关系(的)?证明/u,
    document: /(户口簿|户口本|户籍本|户口薄|出生医学证明|出生证|结婚证)/u,
  },
  {
    fact: 'health',
    material: /(体检|健康检查|健康体检|身体检查|健康)(证明|报告|表)/u,
    document: /(体检报告|体检单|体检表|体检结果|健康证明|健康证|体检证明)/u,
  },
  {
    fact: 'identity',
    // Identity, not a status ("优抚对象身份证明", "政策支持对象身份证明"), which only its own papers prove.
    material: /(?<!对象|人员|军人)身份证明/u,
    document: /(身份证|护照|通行证|居留证|台胞证|回乡证)/u,
  },
];

/** The facts a document name proves; [] for a document none of the classes knows. */
export function factsProvenBy(document: string): EvidenceClass[] {
  return EVIDENCE_CLASSES.filter((entry) => entry.document.test(document));
}

/** Whether a material asks for proof of the fact an evidence class names. */
export function asksFor(materialName: string, evidence: EvidenceClass): boolean {
  return evidence.material.test(materialName);
}
