/**
 * What each document type prints, as the classifier looks for it: the captions and titles of the
 * issuing authority's template, each with a weight (how strongly it points to that type and no
 * other), and a few patterns (numbers whose form belongs to one document). Captions shared by several
 * documents ("公民身份号码" is on the ID card and on a household register page) carry a small weight
 * on each, so that only the captions proper to one template decide.
 */
import type { DocumentType } from './document-reader.ts';

export interface DocumentCue {
  /** Printed text, compared after NFKC and lower-casing, tolerant of a wrong character in four. */
  text: string;
  weight: number;
}

export interface DocumentPatternCue {
  pattern: RegExp;
  weight: number;
}

export interface DocumentCues {
  type: DocumentType;
  captions: readonly DocumentCue[];
  patterns?: readonly DocumentPatternCue[];
}

const cue = (text: string, weight: number): DocumentCue => ({ text, weight });

export const DOCUMENT_CUES: readonly DocumentCues[] = [
  {
    // 第二代居民身份证 (issued under the 居民身份证法 since 2004). Front (人像面): 姓名, 性别, 民族,
    // 出生, 住址, 公民身份号码 (the number of GB 11643). Back (国徽面): the title 中华人民共和国 /
    // 居民身份证, 签发机关 and 有效期限 ("2016.05.01-2036.05.01" or "…-长期").
    type: '居民身份证',
    captions: [
      cue('居民身份证', 3),
      cue('公民身份号码', 3),
      cue('签发机关', 2),
      cue('有效期限', 2),
      cue('住址', 1),
      cue('民族', 0.5),
      cue('性别', 0.5),
      cue('姓名', 0.5),
      cue('出生', 0.5),
      cue('中华人民共和国', 0.5),
    ],
    // The back's validity span, two dates joined by a dash, or a start date and 长期.
    patterns: [{ pattern: /\d{4}\.\d{2}\.\d{2}[-—–~至一]+(?:\d{4}\.\d{2}\.\d{2}|长期)/, weight: 1.5 }],
  },
  {
    // 营业执照 in the template of the State Administration for Market Regulation (2019 edition): title
    // 营业执照, 统一社会信用代码 (GB 32100-2015), 名称, 类型, 法定代表人 (or 经营者 / 负责人), 经营范围,
    // 注册资本, 成立日期, 营业期限, 住所, 登记机关, and the 国家企业信用信息公示系统 address at the foot.
    type: '营业执照',
    captions: [
      cue('营业执照', 3),
      cue('统一社会信用代码', 3),
      cue('法定代表人', 2),
      cue('经营范围', 2),
      cue('注册资本', 1),
      cue('成立日期', 1),
      cue('营业期限', 1),
      cue('登记机关', 1),
      cue('国家企业信用信息公示系统', 1),
    ],
  },
  {
    // 居民户口簿 printed by the Ministry of Public Security: the 户主 page (户别, 户主姓名, 户号, 住址)
    // and one 常住人口登记卡 per member (姓名, 户主或与户主关系, 曾用名, 出生地, 籍贯, 公民身份号码,
    // 文化程度, 婚姻状况, 兵役状况, 服务处所, 职业, 何时由何地迁来本址).
    type: '户口簿',
    captions: [
      cue('居民户口簿', 3),
      cue('常住人口登记卡', 3),
      cue('户主或与户主关系', 3),
      cue('户主姓名', 2),
      cue('户别', 1),
      cue('户号', 1),
      cue('曾用名', 1),
      cue('出生地', 1),
      cue('籍贯', 1),
      cue('文化程度', 1),
      cue('婚姻状况', 1),
      cue('兵役状况', 1),
      cue('服务处所', 1),
      cue('何时由何地迁来', 1),
      cue('公民身份号码', 1),
    ],
  },
  {
    // 结婚证 of the Ministry of Civil Affairs: title 结婚证, 持证人, 登记日期, 结婚证字号 (J + the
    // registry's six-digit area code + year + serial), the registration sentence "申请结婚，经审查符合
    // 《中华人民共和国民法典》规定，予以登记，发给此证。", then both parties' 姓名, 国籍, 身份证件号.
    type: '结婚证',
    captions: [
      cue('结婚证', 3),
      cue('结婚证字号', 3),
      cue('申请结婚', 2),
      cue('予以登记', 1),
      cue('持证人', 1),
      cue('登记日期', 1),
      cue('婚姻登记员', 1),
      cue('身份证件号', 0.5),
    ],
    patterns: [{ pattern: /j\d{6}-\d{4}-\d{4,6}/, weight: 2 }],
  },
  {
    // 离婚证 of the same ministry: title 离婚证, 离婚证字号 (L + area code + year + serial), "申请离婚，
    // 经审查符合《中华人民共和国民法典》关于双方自愿离婚的规定，准予登记，发给此证。".
    type: '离婚证',
    captions: [
      cue('离婚证', 3),
      cue('离婚证字号', 3),
      cue('申请离婚', 2),
      cue('自愿离婚', 2),
      cue('准予登记', 1),
      cue('持证人', 1),
      cue('登记日期', 1),
      cue('婚姻登记员', 1),
      cue('身份证件号', 0.5),
    ],
    patterns: [{ pattern: /l\d{6}-\d{4}-\d{4,6}/, weight: 2 }],
  },
  {
    // 不动产权证书 in the Ministry of Natural Resources' 2015 template: "中华人民共和国不动产权证书", the
    // number "京（2020）朝阳区不动产权第0012345号", and the register fields 权利人, 共有情况, 坐落,
    // 不动产单元号, 权利类型, 权利性质, 用途, 面积, 使用期限, 权利其他状况.
    type: '不动产权证书',
    captions: [
      cue('不动产权证书', 3),
      cue('不动产单元号', 3),
      cue('共有情况', 2),
      cue('不动产权第', 2),
      cue('权利人', 1),
      cue('权利类型', 1),
      cue('权利性质', 1),
      cue('坐落', 1),
      cue('权利其他状况', 1),
    ],
  },
  {
    // 出生医学证明 of the National Health Commission (seventh edition): title 出生医学证明 / Medical
    // Certificate of Birth, 新生儿姓名, 出生时间, 出生孕周, 出生体重, 出生身长, 出生地点, 医疗机构名称,
    // 母亲姓名 and 父亲姓名 with their 身份证件号码, 出生证编号.
    type: '出生医学证明',
    captions: [
      cue('出生医学证明', 3),
      cue('medical certificate of birth', 2),
      cue('新生儿', 2),
      cue('出生孕周', 1.5),
      cue('出生证编号', 1.5),
      cue('出生体重', 1),
      cue('出生身长', 1),
      cue('母亲姓名', 1),
      cue('父亲姓名', 1),
      cue('医疗机构名称', 1),
    ],
  },
  {
    // 银行卡 (ISO/IEC 7812 card numbers, 16–19 digits with a Luhn check digit; China UnionPay's mark
    // 银联 / UnionPay on cards issued in China). The number itself is handled in classify-document.ts.
    type: '银行卡',
    captions: [
      cue('银联', 2),
      cue('unionpay', 2),
      cue('借记卡', 1.5),
      cue('储蓄卡', 1),
      cue('信用卡', 1),
      cue('银行', 1),
      cue('valid thru', 1),
    ],
  },
];
