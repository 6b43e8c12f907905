import { describe, expect, it } from 'vitest';
import { checkFacts } from '../../../../bot/llm/fact-guard.ts';

const WHERE = [
  '办理“企业设立登记”，请到一楼东区企业开办专区A01-A04号窗口。',
  '办理时间：周一至周五 9:00-12:00、13:30-17:30（法定节假日除外）。',
  '如需帮助，可以到一楼帮办代办窗口（Z02），工作人员可以为您帮办代办。',
].join('\n');

const MATERIALS = [
  '办理“个体工商户登记”需要的材料如下（一次性告知）：',
  '1. 个体工商户登记申请书：原件1份',
  '2. 经营者身份证明：免提交（通过身份核验获取，免提交）',
  '3. 经营场所使用证明：复印件1份；可容缺后补',
  '以上共3项材料，1项免提交，1项可容缺后补。这是本事项的完整材料清单，请按清单一次备齐。',
].join('\n');
const MATERIAL_NAMES = [
  '个体工商户登记申请书',
  '经营者身份证明',
  '经营场所使用证明',
  '居民户口簿',
  '营业执照',
];

const TIME =
  '“普通护照签发”是承诺件。\n承诺时限：7个工作日。\n法定时限：15个工作日。\n收费标准：普通护照每本120元。';

describe('checkFacts', () => {
  it('passes a reworded answer that keeps every fact', () => {
    const candidate =
      '您好！企业设立登记请到一楼东区的企业开办专区，A01至A04号窗口都可以办理。' +
      '窗口在周一至周五的9:00-12:00和13:30-17:30开放，法定节假日除外。需要帮助的话，一楼帮办代办窗口（Z02）的工作人员可以帮您代办。';
    expect(
      checkFacts({
        composed: WHERE,
        candidate,
        vocabulary: { names: ['企业开办专区', '社会民生专区', '东区', '西区'] },
      }),
    ).toEqual({ ok: true });
  });

  it('reads Chinese numerals before a unit as the same numbers', () => {
    const candidate = '普通护照签发属于承诺件，承诺七个工作日办结，法定时限是十五个工作日，费用为每本120元。';
    expect(checkFacts({ composed: TIME, candidate })).toEqual({ ok: true });
    expect(checkFacts({ composed: TIME, candidate: candidate.replace('十五', '二十') })).toMatchObject({
      ok: false,
    });
  });

  it('does not read idioms such as 一次性告知 or 快一点 as numbers', () => {
    const candidate = `${MATERIALS}\n请您一次性备齐，可以快一点办好。`;
    expect(checkFacts({ composed: MATERIALS, candidate, vocabulary: { materials: MATERIAL_NAMES } })).toEqual(
      { ok: true },
    );
  });

  it('accepts the same phone number written with or without separators, and full-width digits', () => {
    const composed = '咨询电话：0531-88886666。';
    expect(checkFacts({ composed, candidate: '您可以拨打０５３１８８８８６６６６咨询。' })).toEqual({
      ok: true,
    });
    expect(checkFacts({ composed, candidate: '您可以拨打0531-88886667咨询。' })).toMatchObject({ ok: false });
  });

  it('requires the one-time notice to stay complete and closed', () => {
    const vocabulary = { materials: MATERIAL_NAMES };
    const dropped = MATERIALS.replace('3. 经营场所使用证明：复印件1份；可容缺后补\n', '');
    expect(checkFacts({ composed: MATERIALS, candidate: dropped, vocabulary })).toEqual({
      ok: false,
      violations: ['dropped material "经营场所使用证明"'],
    });
    const added = `${MATERIALS}\n另外请带上营业执照。`;
    expect(checkFacts({ composed: MATERIALS, candidate: added, vocabulary })).toEqual({
      ok: false,
      violations: ['added material "营业执照"'],
    });
  });

  it('rejects changed clock times, new web addresses and new status terms', () => {
    const hours = checkFacts({ composed: WHERE, candidate: WHERE.replace('17:30', '18:00') });
    expect(hours).toMatchObject({
      ok: false,
      violations: expect.arrayContaining(['added or changed clock time "18:00"']),
    });
    const url = checkFacts({
      composed: TIME,
      candidate: `${TIME}\n也可以登录 https://example.gov.cn/apply 办理。`,
    });
    expect(url).toMatchObject({
      ok: false,
      violations: expect.arrayContaining(['added web address "https://example.gov.cn/apply"']),
    });
    const online = checkFacts({ composed: TIME, candidate: `${TIME}\n本事项可以全程网办。` });
    expect(online).toMatchObject({
      ok: false,
      violations: expect.arrayContaining(['added fact term "全程网办"']),
    });
    const deferrable = checkFacts({ composed: TIME, candidate: `${TIME}\n材料不全也可以容缺办理。` });
    expect(deferrable).toMatchObject({
      ok: false,
      violations: expect.arrayContaining(['added fact term "容缺"']),
    });
  });

  it('does not let a bare number appear that the composed text lacks', () => {
    expect(checkFacts({ composed: TIME, candidate: `${TIME}\n请拿好第8号小票。` })).toMatchObject({
      ok: false,
    });
    expect(checkFacts({ composed: TIME, candidate: `${TIME}\n预计还要等 30。` })).toMatchObject({
      ok: false,
      violations: ['added number "30"'],
    });
  });
});
