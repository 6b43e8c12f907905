/**
 * Documents that prove what a material asks to be proven, and documents a material names as its
 * examples. The materials below are written for these tests in the way catalogs write them; the
 * sentences are not taken from any evaluation set.
 */
import { describe, expect, it } from 'vitest';
import type { Material } from '../../../../knowledge/catalog/schema.ts';
import { readAllProvided } from '../../../../bot/precheck/match-material.ts';
import { namedExamples } from '../../../../bot/precheck/words/named-examples.ts';
import { factsProvenBy } from '../../../../bot/precheck/words/evidence-classes.ts';

const material = (name: string): Material => ({ name, form: '原件', copies: 1, required: '必要' });

function read(said: string[], names: string[]) {
  const reading = readAllProvided(said, names.map(material));
  return {
    matched: reading.matched.map((match) => `${match.said}→${match.material.name}`),
    via: reading.matched.map((match) => match.via),
    unrecognised: reading.unrecognised,
  };
}

describe('named examples inside a material name', () => {
  it('takes the documents in brackets and before 等 as examples', () => {
    expect(namedExamples('车辆来历证明（购车发票、二手车交易凭证等）')).toEqual([
      '购车发票',
      '二手车交易凭证',
    ]);
    expect(namedExamples('残疾人身份证明（如残疾人证）')).toEqual(['残疾人证']);
    expect(namedExamples('完税发票等纳税证明')).toEqual(['完税发票']);
  });

  it('leaves brackets that qualify the material alone', () => {
    expect(namedExamples('设计文件（含施工图、计算书）')).toEqual([]);
    expect(namedExamples('场地租赁合同（租期不少于1年）')).toEqual([]);
    expect(namedExamples('不动产登记证明（地役权）')).toEqual([]);
    expect(namedExamples('本人银行卡（已开通）')).toEqual([]);
  });

  it('lets a citizen who names an example have the material', () => {
    const reading = read(['二手车交易凭证'], ['车辆来历证明（购车发票、二手车交易凭证等）', '居民身份证']);
    expect(reading.matched).toEqual(['二手车交易凭证→车辆来历证明（购车发票、二手车交易凭证等）']);
  });
});

describe('documents that prove a fact', () => {
  it('takes a deed or a lease as the proof of using premises', () => {
    const names = ['门店使用证明', '营业执照', '居民身份证'];
    expect(read(['房屋所有权证'], names).matched).toEqual(['房屋所有权证→门店使用证明']);
    expect(read(['租赁协议'], names).via).toEqual(['evidence']);
    expect(read(['老房子的土地证'], ['仓库产权证明', '申请表']).matched).toHaveLength(1);
  });

  it('takes a diploma as the proof of education, a marriage certificate as marital status', () => {
    expect(read(['硕士学位证'], ['学历学位证明', '申请表']).matched).toEqual(['硕士学位证→学历学位证明']);
    expect(read(['离婚证'], ['申请人婚姻状况证明', '户口簿']).matched).toEqual(['离婚证→申请人婚姻状况证明']);
    expect(read(['体检表'], ['入职体检证明', '身份证']).matched).toEqual(['体检表→入职体检证明']);
  });

  it('takes a household register as the proof of kinship, never of a working or legal relation', () => {
    expect(read(['户口本'], ['与被继承人的亲属关系证明', '死亡证明']).matched).toEqual([
      '户口本→与被继承人的亲属关系证明',
    ]);
    expect(read(['户口本'], ['劳动关系证明', '工资流水']).unrecognised).toEqual(['户口本']);
    expect(read(['户口本'], ['存在利害关系的证明材料']).unrecognised).toEqual(['户口本']);
  });

  it('does not guess when several materials ask for the same fact', () => {
    const reading = read(['租房合同'], ['经营场所使用证明', '仓库使用证明']);
    expect(reading.matched).toEqual([]);
    expect(reading.unrecognised).toEqual(['租房合同']);
  });

  it('prefers an exact name over a proof', () => {
    expect(read(['房产证'], ['不动产权证书', '住所使用证明']).matched).toEqual(['房产证→不动产权证书']);
  });

  it('tells the facts a document proves, and none for an unknown document', () => {
    expect(factsProvenBy('结婚证').map((entry) => entry.fact)).toEqual(['marital status', 'kinship']);
    expect(factsProvenBy('购物小票')).toEqual([]);
  });
});
