import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../../../../bot/precheck/documents/classify-document.ts';
import { cueMatch } from '../../../../../bot/precheck/documents/fuzzy-find.ts';

describe('cueMatch', () => {
  it('finds a caption as printed, with one wrong or missing character in four, and not with more', () => {
    expect(cueMatch('公民身份号码', '公民身份号码110105')).toBe(1);
    expect(cueMatch('公民身份号码', '公民身分号码110105')).toBeCloseTo(5 / 6);
    expect(cueMatch('统一社会信用代码', '统一社会信代码9111')).toBeCloseTo(7 / 8);
    expect(cueMatch('统一社会信用代码', '统社会信代码')).toBe(0.75);
    expect(cueMatch('统一社会信用代码', '统社会代码')).toBe(0);
  });

  it('requires short cues to be exact', () => {
    expect(cueMatch('户主', '户王')).toBe(0);
    expect(cueMatch('银联', '中国银联')).toBe(1);
  });
});

describe('classifyDocument', () => {
  const cases: [string, string[]][] = [
    [
      '居民身份证',
      [
        '姓名 王芳',
        '性别 女 民族 汉',
        '出生 1990年3月7日',
        '住址 北京市朝阳区建国路8号',
        '公民身份号码 110105199003074528',
      ],
    ],
    [
      '居民身份证',
      ['中华人民共和国', '居民身份证', '签发机关 北京市公安局朝阳分局', '有效期限 2016.05.01-2036.05.01'],
    ],
    [
      '营业执照',
      [
        '营业执照',
        '统一社会信用代码 91110105MA01C7LT3N',
        '名称 北京启明科技有限公司',
        '法定代表人 李强',
        '经营范围 技术开发',
      ],
    ],
    [
      '户口簿',
      [
        '常住人口登记卡',
        '姓名 张伟 户主或与户主关系 户主',
        '出生地 北京市',
        '籍贯 河北省',
        '公民身份号码 110105199003074528',
      ],
    ],
    [
      '结婚证',
      [
        '结婚证',
        '持证人 王芳',
        '登记日期 2021年05月20日',
        '结婚证字号 J110105-2021-001234',
        '申请结婚，经审查符合《中华人民共和国民法典》规定，予以登记，发给此证。',
      ],
    ],
    [
      '离婚证',
      [
        '离婚证',
        '持证人 王芳',
        '登记日期 2023年05月20日',
        '离婚证字号 L110105-2023-000456',
        '申请离婚，经审查符合《中华人民共和国民法典》关于双方自愿离婚的规定，准予登记，发给此证。',
      ],
    ],
    [
      '不动产权证书',
      [
        '不动产权证书',
        '京（2020）朝阳区不动产权第0012345号',
        '权利人 王芳',
        '共有情况 单独所有',
        '不动产单元号 110105001001GB00001F00010001',
      ],
    ],
    [
      '出生医学证明',
      ['出生医学证明', 'Medical Certificate of Birth', '新生儿姓名 王小明', '出生孕周 39周', '母亲姓名 李芳'],
    ],
    ['银行卡', ['中国工商银行', '借记卡', '6222 0212 3456 7890 128', '银联 UnionPay']],
  ];

  it.each(cases)('recognises %s from its printed captions', (type, lines) => {
    expect(classifyDocument(lines).type).toBe(type);
  });

  it('still recognises documents when OCR drops or confuses characters', () => {
    expect(
      classifyDocument(['姓名王芳', '住扯 北京市朝阳区', '公民身份号吗 110105199003074528', '性别女 民族汉'])
        .type,
    ).toBe('居民身份证');
    expect(
      classifyDocument(['营业执', '统一社会信代码 91110105MA01C7LT3N', '法定代人 李强', '经营范 技术开发'])
        .type,
    ).toBe('营业执照');
    expect(
      classifyDocument(['结婚', '持证人 王芳', '结婚证字 J110105-2021-001234', '申请结婚，经审查符合规定'])
        .type,
    ).toBe('结婚证');
    expect(
      classifyDocument(['离婚', '持证人 王芳', '离婚证字 L110105-2023-000456', '申请离婚，经审查符合规定'])
        .type,
    ).toBe('离婚证');
  });

  it('tells a marriage certificate from a divorce certificate by their own words, not the shared ones', () => {
    const shared = ['持证人 王芳', '登记日期 2023年05月20日', '婚姻登记员'];
    expect(classifyDocument(shared).type).toBeNull();
  });

  it('takes a Luhn-valid card number as a bank card, but not an ID number or a number with a wrong digit', () => {
    expect(classifyDocument(['6222021234567890128', '中国工商银行']).type).toBe('银行卡');
    expect(classifyDocument(['6222021234567890127', '中国工商银行']).type).toBeNull();
    expect(classifyDocument(['11010519510811759X', '公民身份号码']).type).toBe('居民身份证');
  });

  it('returns null for text that is no document, or too little to tell', () => {
    expect(classifyDocument([]).type).toBeNull();
    expect(classifyDocument(['欢迎光临', '今日菜单', '红烧肉 38元']).type).toBeNull();
    expect(classifyDocument(['姓名 王芳']).type).toBeNull();
    expect(classifyDocument(['中华人民共和国']).type).toBeNull();
  });

  it('returns null when two types are too close to call', () => {
    const result = classifyDocument(['营业执照', '居民身份证']);
    expect(result.type).toBeNull();
    expect(result.scores[0].score - result.scores[1].score).toBeLessThan(2);
  });
});
