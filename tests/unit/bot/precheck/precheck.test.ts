import { describe, expect, it } from 'vitest';
import { precheck } from '../../../../bot/precheck/precheck.ts';
import { creditCodeCheckCharacter, creditCodeProblem } from '../../../../bot/precheck/credit-code.ts';
import { scoreMaterial } from '../../../../bot/precheck/match-material.ts';
import { idNumberCheckCharacter } from '../../../../bot/privacy/id-number.ts';
import { catalog } from '../compose/fixtures.ts';

const missingNames = (result: ReturnType<typeof precheck>) => result.missing.map((material) => material.name);

describe('precheck', () => {
  it('matches what citizens say to material names (synonyms, forms stripped, typos)', () => {
    expect(scoreMaterial('户口本', '居民户口簿')).toBeGreaterThanOrEqual(0.9);
    expect(scoreMaterial('户口本复印件', '居民户口簿')).toBeGreaterThanOrEqual(0.9);
    expect(scoreMaterial('房本', '不动产权证书')).toBe(1);
    expect(scoreMaterial('身份证', '居民身份证')).toBe(1);
    expect(scoreMaterial('結婚證複印件', '结婚证')).toBe(1);
    expect(scoreMaterial('户口薄', '户口簿')).toBeGreaterThanOrEqual(0.6);
    expect(scoreMaterial('结婚证', '离婚证')).toBeLessThan(0.6);
    expect(scoreMaterial('照片', '公司章程')).toBe(0);
  });

  it('reports the 必要 materials not provided; 容缺 ones as deferrable; a conditional 免提交 as needed unless it holds', () => {
    const result = precheck({ itemId: 'QYKB-001', provided: ['申请书', '章程'] }, catalog);
    expect(result.item).toEqual({ id: 'QYKB-001', name: '企业设立登记' });
    expect(result.missing).toEqual([{ name: '股东的主体资格证明', note: '如股东为自然人可不提交' }]);
    expect(result.deferrable).toEqual([{ name: '住所（经营场所）使用证明' }]);
    expect(result.exempt).toEqual([]);
    expect(result.notice).toContain('股东的主体资格证明：需要；如股东为自然人可不提交');
    expect(result.notice).toContain('可容缺受理（告知承诺制）');
    expect(result.notice).toMatch(
      /如属于以下情形，还需提供：\n- 如属于委托他人代为办理的情形，还需委托代理人身份证明及授权委托书/,
    );

    const natural = precheck(
      { itemId: 'QYKB-001', provided: ['申请书', '章程'], situation: { c2: true } },
      catalog,
    );
    expect(natural.missing).toEqual([]);
    expect(natural.exempt).toEqual([
      { name: '股东的主体资格证明', note: '股东为自然人的，通过身份核验获取，免提交' },
    ]);
    expect(natural.notice).toContain('必要材料已齐全');
  });

  it('adds 情形 materials only when the situation says their condition holds', () => {
    const base = {
      itemName: '注册公司',
      provided: ['公司登记申请书', '公司章程', '住所使用证明', '股东的主体资格证明'],
    };
    expect(missingNames(precheck(base, catalog))).toEqual([]);
    const delegated = precheck({ ...base, situation: '我让朋友帮我代办' }, catalog);
    expect(delegated.missing).toEqual([
      { name: '委托代理人身份证明及授权委托书', note: '委托他人代为办理的' },
    ]);
    expect(missingNames(precheck({ ...base, situation: '委托他人办理' }, catalog))).toEqual([
      '委托代理人身份证明及授权委托书',
    ]);
    expect(missingNames(precheck({ ...base, situation: { agent: true } }, catalog))).toEqual([
      '委托代理人身份证明及授权委托书',
    ]);
    const own = precheck({ ...base, situation: '我本人办理，不委托别人' }, catalog);
    expect(own.missing).toEqual([]);
    expect(own.notice).not.toContain('委托代理人身份证明');
    expect(precheck({ ...base, situation: { agent: '否' } }, catalog).notice).not.toContain('委托代理人');
  });

  it('finds the item by name or alias and counts a citizen-worded list as complete', () => {
    const result = precheck(
      { itemName: '社会保障卡申领', provided: ['身份证', '户口本复印件', '照片'] },
      catalog,
    );
    expect(result.missing).toEqual([]);
    expect(result.matched).toContainEqual({ said: '户口本复印件', material: '居民户口簿' });
    expect(
      precheck({ itemName: '办社保卡', provided: ['身份证'], situation: '随配偶迁入' }, catalog).missing.map(
        (m) => m.name,
      ),
    ).toEqual(['居民户口簿', '近期免冠彩色证件照片', '结婚证']);
  });

  it('validates the ID number, credit code and phone', () => {
    const body = '11010119900307123';
    const goodId = body + idNumberCheckCharacter(body);
    const codeBody = '91370100MA3C5L2X0';
    const goodCode = codeBody + creditCodeCheckCharacter(codeBody);
    expect(creditCodeProblem(goodCode)).toBeUndefined();
    const ok = precheck(
      {
        itemId: 'SHMS-001',
        provided: [],
        fields: { idNumber: goodId, creditCode: goodCode, phone: '138 1234 5678' },
      },
      catalog,
    );
    expect(ok.invalid).toEqual([]);
    const wrongCode = codeBody + (creditCodeCheckCharacter(codeBody) === '0' ? '1' : '0');
    const bad = precheck(
      {
        itemId: 'SHMS-001',
        provided: [],
        fields: { idNumber: '110101199013071234', creditCode: wrongCode, phone: '1381234567' },
      },
      catalog,
    );
    expect(bad.invalid.map((field) => field.field)).toEqual(['idNumber', 'creditCode', 'phone']);
    expect(bad.invalid[0].reason).toContain('出生日期');
    expect(bad.invalid[1].reason).toContain('校验码');
    expect(bad.notice).toContain('以下信息需要核对');
    expect(creditCodeProblem('91370100MA3C5L2XO1')).toBe('characters');
  });

  it('throws typed errors for an unknown item and a request without one', () => {
    expect(() => precheck({ itemName: '申请月球护照', provided: [] }, catalog)).toThrow(
      expect.objectContaining({ code: 'ITEM_NOT_FOUND' }),
    );
    expect(() => precheck({ itemId: 'NOPE-1', provided: [] }, catalog)).toThrow(
      expect.objectContaining({ code: 'ITEM_NOT_FOUND' }),
    );
    expect(() => precheck({ provided: [] }, catalog)).toThrow(
      expect.objectContaining({ code: 'PRECHECK_INPUT_INVALID' }),
    );
  });
});
