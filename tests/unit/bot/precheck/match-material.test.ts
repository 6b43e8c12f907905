import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../knowledge/catalog/schema.ts';
import { matchProvided, readAllProvided, readProvided } from '../../../../bot/precheck/match-material.ts';
import { extractPerson } from '../../../../bot/precheck/words/person-words.ts';
import { headsCompatible } from '../../../../bot/precheck/words/head-noun.ts';
import { splitDocuments } from '../../../../bot/precheck/words/split-documents.ts';

// The shipped catalog: the matcher must work on the materials a hall really has.
const catalog = JSON.parse(readFileSync('knowledge/data/catalog.json', 'utf8')) as Catalog;
const materialsOf = (id: string) => {
  const item = catalog.items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item.materials;
};

/** What a citizen's words were taken as: "said → material" lines, and what stayed unrecognised. */
function read(itemId: string, said: string) {
  const reading = readProvided(said, materialsOf(itemId));
  return {
    matched: reading.matched.map((match) => `${match.said}→${match.material.name}`),
    unrecognised: reading.unrecognised,
  };
}

describe('citizens’ words → materials', () => {
  it('reads colloquial names through the synonyms and the lexicon', () => {
    // 户口迁入登记 writes "本人户口簿", 新生儿出生登记 "拟落户的户口簿": the short form is reached too.
    expect(read('SHMS-025', '户口本').matched).toEqual(['户口本→本人户口簿']);
    expect(read('SHMS-026', '户籍本').matched).toEqual(['户籍本→拟落户的户口簿']);
    expect(read('BDC-002', '房产证复印件').matched).toEqual(['房产证复印件→不动产权证书']);
    expect(read('SHMS-013', '大红本').matched).toEqual(['大红本→不动产权证书']);
    expect(read('SHMS-002', '旧的社保卡').matched).toEqual(['旧的社保卡→原社会保障卡']);
    expect(read('QYKB-005', '执照副本').matched).toEqual(['执照副本→营业执照正、副本']);
    expect(read('QYKB-005', '营业执照正、副本').matched).toEqual(['营业执照正、副本→营业执照正、副本']);
  });

  it('takes any one alternative a material offers (或 / 、) as that material', () => {
    expect(read('HYDJ-001', '离婚判决书').matched).toEqual(['离婚判决书→离婚证、离婚判决书或调解书']);
    expect(read('SHMS-014', '银行流水').matched).toEqual(['银行流水→收入证明或近期银行流水']);
    expect(read('SHMS-010', '诊断证明').matched).toEqual(['诊断证明→出院记录或诊断证明']);
    expect(read('SHMS-012', '无房证明').matched).toEqual(['无房证明→本人及配偶无自有住房证明']);
    // 及 joins documents that are all needed; "离婚协议书" is not an alternative of anything here.
    expect(read('HYDJ-001', '离婚协议书').unrecognised).toEqual(['离婚协议书']);
  });

  it('takes a bare kind of document for the item’s only document of that kind, and a typo in the tail', () => {
    expect(read('HYDJ-001', '声明书').matched).toHaveLength(1);
    expect(read('SHMS-025', '劳动合同书').matched).toEqual(['劳动合同书→劳动合同']);
    expect(read('SHMS-026', '出生医学证名').matched).toEqual(['出生医学证名→出生医学证明']);
  });

  it('uses the CC-CEDICT synonym graph for a wording no hand list has', () => {
    // 出生证 and 出生证明 share their English gloss in CC-CEDICT.
    const reading = readProvided('出生证明', materialsOf('SHMS-026'));
    expect(reading.matched.map((match) => match.material.name)).toEqual(['出生医学证明']);
    expect(reading.unrecognised).toEqual([]);
  });

  it('reads whose document it is without letting it block the match, and prefers the material naming them', () => {
    // 父母双方 is what 新生儿出生登记 says; "我爸妈的" is who the citizen means.
    expect(read('SHMS-026', '我爸妈的身份证').matched).toEqual(['我爸妈的身份证→父母双方居民身份证']);
    expect(read('SHMS-025', '媳妇的户口本').matched).toEqual(['媳妇的户口本→本人户口簿']);
    expect(read('SHMS-002', '我老公的社保卡').matched).toEqual(['我老公的社保卡→原社会保障卡']);
    expect(read('SHMS-026', '孩子他爸的身份证').matched).toEqual(['孩子他爸的身份证→父母双方居民身份证']);
    expect(read('SHMS-026', '宝宝的出生证').matched).toEqual(['宝宝的出生证→出生医学证明']);
    const spouse = readProvided('夫妻俩的身份证', materialsOf('HYDJ-002'));
    expect(spouse.matched).toMatchObject([{ material: { name: '居民身份证' }, person: '夫妻俩' }]);
    // The person selects the material that names them, and only then.
    expect(read('SHMS-018', '监护人的身份证').matched).toEqual([
      '监护人的身份证→监护人居民身份证及监护关系证明',
    ]);
    expect(read('SHMS-018', '孩子的身份证').matched).toEqual(['孩子的身份证→居民身份证']);
    expect(extractPerson('老伴儿的医保卡')).toMatchObject({ rest: '医保卡', person: { said: '老伴儿' } });
    expect(extractPerson('原社会保障卡').person).toBeUndefined();
  });

  it('takes a photo described by its background colour or size for the item’s photo', () => {
    expect(read('SHMS-001', '白底的一寸照').matched).toEqual(['白底的一寸照→近期免冠彩色证件照片']);
    expect(read('CRJ-001', '蓝底证件照').matched).toEqual(['蓝底证件照→出入境证件照片']);
    expect(read('HYDJ-001', '我们俩的红底合照').matched).toEqual([
      '我们俩的红底合照→近期2寸半身免冠双人合影彩色照片',
    ]);
    // A photo of one is not the photo of two the marriage registration asks for.
    expect(read('HYDJ-001', '单人的两寸照').unrecognised).toEqual(['单人的两寸照']);
    // An item that asks for no photo leaves the photo unrecognised.
    expect(read('BDC-007', '蓝底照片').unrecognised).toEqual(['蓝底照片']);
  });

  it('takes a document described by who issued it when only one material fits', () => {
    expect(read('SHMS-026', '妇幼医院出具的证明').matched).toEqual(['妇幼医院出具的证明→出生医学证明']);
    expect(read('BDC-002', '民政局给的证明').matched).toEqual(['民政局给的证明→婚姻状况证明']);
    expect(read('SHMS-014', '银行打的流水').matched).toEqual(['银行打的流水→收入证明或近期银行流水']);
    expect(read('HYDJ-001', '法院的判决书').matched).toEqual(['法院的判决书→离婚证、离婚判决书或调解书']);
    // Several hospital documents could be meant: not a confident match.
    expect(read('SHMS-010', '医院开的证明').unrecognised).toEqual(['医院开的证明']);
    // The bank issues a debit card, but "流水" is not one.
    expect(read('SHMS-013', '银行打的流水').unrecognised).toEqual(['银行打的流水']);
  });

  it('splits an utterance that names several documents and matches each on its own', () => {
    expect(read('SHMS-026', '身份证户口本结婚证都带来了')).toEqual({
      matched: ['身份证→父母双方居民身份证', '户口本→拟落户的户口簿', '结婚证→父母结婚证'],
      unrecognised: [],
    });
    expect(read('HYDJ-002', '户口本跟结婚证')).toEqual({
      matched: ['结婚证→本人结婚证'],
      unrecognised: ['户口本'],
    });
    expect(read('SHMS-013', '房本、结婚证，还有两口子的身份证')).toEqual({
      matched: ['房本→不动产权证书', '结婚证→结婚证', '两口子的身份证→居民身份证'],
      unrecognised: [],
    });
    // Chatter alone names no document but is still reported, not dropped.
    expect(read('SHMS-025', '都带齐了')).toEqual({ matched: [], unrecognised: ['都带齐了'] });
    // A form word after a conjunction belongs to the document before it.
    expect(read('SHMS-024', '户口本原件和复印件').matched).toEqual(['户口本原件复印件→户口簿']);
    // A catalog name with 和 inside is one document.
    expect(read('SHMS-015', '家庭收入和财产状况声明').matched).toHaveLength(1);
    // A form about a document is one document.
    expect(splitDocuments('社保卡申请表', () => false)).toEqual(['社保卡申请表']);
    expect(splitDocuments('社会保障卡银行卡', () => false)).toEqual(['社会保障卡', '银行卡']);
  });

  it('never matches a document to an unrelated material for a shared character', () => {
    // Each of these shares characters with a material of the item, and is none of them.
    expect(read('HYDJ-001', '结婚照').unrecognised).toEqual(['结婚照']);
    expect(read('HYDJ-001', '离婚协议').unrecognised).toEqual(['离婚协议']);
    expect(read('SHMS-024', '驾驶证').unrecognised).toEqual(['驾驶证']);
    expect(read('SHMS-024', '狗证').unrecognised).toEqual(['狗证']);
    expect(read('SHMS-001', '社保卡申请表').unrecognised).toEqual(['社保卡申请表']);
    expect(read('QYKB-004', '营业执照正本和副本').matched).toEqual([]);
    // 居住证申领 asks for no 居住证: sharing 居 and 证 with 居民身份证 is not enough.
    expect(read('SHMS-023', '居住证').unrecognised).toEqual(['居住证']);
    expect(read('SHMS-023', '房本').unrecognised).toEqual(['房本']);
    // A name that differs in its distinguishing first half is another document, not a typo.
    expect(read('GCJS-002', '建设工程规划许可申请表').unrecognised).toEqual(['建设工程规划许可申请表']);
    expect(read('QYKB-004', '个体工商户注销登记申请书').unrecognised).toEqual(['个体工商户注销登记申请书']);
    // 与 inside a word (赠与) is no conjunction; a bare kind of document names no document.
    expect(read('SHMS-025', '赠与合同').unrecognised).toEqual(['赠与合同']);
    expect(read('SHMS-010', '证明').unrecognised).toEqual(['证明']);
    // A person alone, or a modifier alone, is not a document of theirs.
    expect(read('SHMS-025', '本人').unrecognised).toEqual(['本人']);
    expect(read('GCJS-003', '规划').unrecognised).toEqual(['规划']);
    // "驾驶执照" says which 执照: never the 营业执照.
    expect(read('QYKB-007', '驾驶执照').unrecognised).toEqual(['驾驶执照']);
    expect(headsCompatible('照', '证')).toBe(false);
    expect(headsCompatible('证明', '证')).toBe(true);
  });

  it('reads every material of the shipped catalog, said as the catalog says it, as that material alone', () => {
    const misread = catalog.items.flatMap((item) =>
      item.materials.flatMap((material) => {
        const reading = readProvided(material.name, item.materials);
        const names = [...new Set(reading.matched.map((match) => match.material.name))];
        const right = names.length === 1 && names[0] === material.name && reading.unrecognised.length === 0;
        return right ? [] : [`${item.id} ${material.name} → ${names.join('；') || '—'}`];
      }),
    );
    expect(misread).toEqual([]);
  });

  it('lists every phrase it cannot place and keeps matchProvided as the list of materials', () => {
    const reading = readAllProvided(
      ['身份证', '', '一些乱七八糟的东西', '户口本和护照'],
      materialsOf('SHMS-025'),
    );
    expect(reading.matched.map((match) => match.said)).toEqual(['身份证', '户口本']);
    expect(reading.unrecognised).toEqual(['一些乱七八糟的东西', '护照']);
    expect(matchProvided('户口本和结婚证', materialsOf('SHMS-025')).map((material) => material.name)).toEqual(
      ['本人户口簿', '结婚证或亲属关系证明'],
    );
  });
});
