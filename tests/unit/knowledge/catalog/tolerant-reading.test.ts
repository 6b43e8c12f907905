/** The item model reads the spellings halls really use, and keeps what it cannot read as written. */
import { describe, expect, it } from 'vitest';
import { consistencyFindings } from '../../../../knowledge/catalog/consistency-rules.ts';
import { itemSchema, materialSchema } from '../../../../knowledge/catalog/schema.ts';
import { readBoolean, readCount, readDays } from '../../../../knowledge/catalog/tolerant-values.ts';

const base = {
  id: 'T-1',
  name: '测试事项',
  type: '公共服务',
  department: '测试部门',
  zone: '综合服务',
  window: 'A01',
  kind: '承诺件',
  legalDays: 20,
  promisedDays: 5,
  visits: 1,
  online: '网上预审',
  fee: '不收费',
};

describe('tolerant values', () => {
  it('reads working days written as numbers, with units, in full width, and 即办 as 0', () => {
    expect(readDays(20)).toBe(20);
    expect(readDays('20')).toBe(20);
    expect(readDays('20个工作日')).toBe(20);
    expect(readDays('5 个工作日')).toBe(5);
    expect(readDays('5天')).toBe(5);
    expect(readDays('２０')).toBe(20);
    expect(readDays('１５个工作日')).toBe(15);
    expect(readDays('即办')).toBe(0);
    expect(readDays('即办件')).toBe(0);
    expect(readDays('当场办结')).toBe(0);
  });

  it('reads an empty, 无, dash or 无法定时限 limit as null, never as a number', () => {
    for (const empty of ['', '  ', '无', '—', '——', '-', '／', '无法定时限', '无承诺时限', 'null']) {
      expect(readDays(empty), JSON.stringify(empty)).toBeNull();
    }
    expect(readDays(null)).toBeNull();
    expect(readDays(undefined)).toBeUndefined();
  });

  it('keeps a limit it cannot read as written, for the validator to quote', () => {
    expect(readDays('三天')).toBe('三天');
    expect(readDays('20-30个工作日')).toBe('20-30个工作日');
    expect(readCount('一次')).toBe('一次');
    expect(readCount('1次')).toBe(1);
    expect(readCount('２份')).toBe(2);
  });

  it('reads 是/否, √/×, Y/N and true/false as booleans', () => {
    for (const yes of ['是', '√', '✓', 'Y', 'y', 'yes', 'TRUE', 'true', '1', '支持', '实行']) {
      expect(readBoolean(yes), yes).toBe(true);
    }
    for (const no of ['否', '×', 'N', 'n', 'no', 'FALSE', 'false', '0', '不支持', '不实行']) {
      expect(readBoolean(no), no).toBe(false);
    }
    expect(readBoolean('可能')).toBe('可能');
    expect(readBoolean('')).toBeUndefined();
  });
});

describe('免提交 in the material model', () => {
  const material = { name: '营业执照', form: '复印件', copies: 1, required: '必要' };

  it('reads the reason itself as exempt with its note', () => {
    expect(materialSchema.parse({ ...material, exempt: '通过电子证照库获取，免于提交' })).toEqual({
      ...material,
      exempt: true,
      exemptNote: '通过电子证照库获取，免于提交',
    });
  });

  it('reads booleans and 是/否 as the flag, and takes the note as the reason when exempt is true', () => {
    expect(materialSchema.parse({ ...material, exempt: true, note: '通过数据共享核验' })).toEqual({
      ...material,
      exempt: true,
      exemptNote: '通过数据共享核验',
    });
    expect(materialSchema.parse({ ...material, exempt: '是' })).toEqual({ ...material, exempt: true });
    expect(materialSchema.parse({ ...material, exempt: '否', note: '须原件' })).toEqual({
      ...material,
      exempt: false,
      note: '须原件',
    });
    expect(materialSchema.parse({ ...material, exempt: false })).toEqual({ ...material, exempt: false });
    // An explicit exemptNote wins over the note.
    expect(
      materialSchema.parse({ ...material, exempt: true, exemptNote: '人脸核验', note: '另附说明' }),
    ).toEqual({ ...material, exempt: true, exemptNote: '人脸核验', note: '另附说明' });
  });

  it('reads provincial necessity words and copies written with a unit', () => {
    expect(materialSchema.parse({ ...material, required: '必须', copies: '2份' })).toMatchObject({
      required: '必要',
      copies: 2,
    });
    expect(materialSchema.parse({ ...material, required: '非必要' }).required).toBe('情形');
    expect(materialSchema.parse({ ...material, required: '可容缺' }).required).toBe('容缺');
    expect(materialSchema.safeParse({ ...material, copies: '两份' }).success).toBe(false);
  });
});

describe('the item model', () => {
  it('keeps null limits null and reads limits, counts and booleans in their everyday spellings', () => {
    const item = itemSchema.parse({
      ...base,
      legalDays: '无法定时限',
      promisedDays: '',
      visits: '１次',
      commitment: '√',
      appointment: 'Y',
      delivery: '否',
    });
    expect(item).toMatchObject({
      legalDays: null,
      promisedDays: null,
      visits: 1,
      commitment: true,
      appointment: true,
      delivery: false,
    });
    expect(itemSchema.parse({ ...base, kind: '即办', promisedDays: '即办' })).toMatchObject({
      kind: '即办件',
      promisedDays: 0,
    });
  });

  it('refuses a limit that is left out of a JSON item, or that cannot be read', () => {
    const { legalDays: _omitted, ...withoutLegal } = base;
    expect(itemSchema.safeParse(withoutLegal).success).toBe(false);
    expect(itemSchema.safeParse({ ...base, promisedDays: '三天' }).success).toBe(false);
  });

  it('reads 是否收费 “否” as 不收费 and a plain-text 给付标准 as its amount', () => {
    const { fee: _fee, ...withoutFee } = base;
    expect(itemSchema.parse({ ...withoutFee, feeCharged: '否' }).fee).toBe('不收费');
    expect(itemSchema.parse({ ...base, fee: '否' }).fee).toBe('不收费');
    expect(itemSchema.safeParse({ ...withoutFee, feeCharged: '是' }).success).toBe(false);
    expect(itemSchema.parse({ ...base, benefit: '每人每月100元' }).benefit).toEqual({
      amount: '每人每月100元',
    });
  });

  it('keeps the optional fields of provincial exports', () => {
    const item = itemSchema.parse({
      ...base,
      baseCode: 'BASE-1',
      feeBasis: '《某某收费标准》',
      complaintChannel: '12345',
    });
    expect(item).toMatchObject({
      baseCode: 'BASE-1',
      feeBasis: '《某某收费标准》',
      complaintChannel: '12345',
    });
    expect(itemSchema.parse(base)).not.toHaveProperty('baseCode');
  });
});

describe('consistency rules', () => {
  const fields = (raw: Record<string, unknown>) => consistencyFindings(raw).map((finding) => finding.field);

  it('finds each broken rule and none on a consistent item', () => {
    expect(fields(base)).toEqual([]);
    expect(fields({ ...base, promisedDays: 30 })).toEqual(['promisedDays']);
    expect(fields({ ...base, online: '全程网办', visits: 1 })).toEqual(['visits']);
    expect(fields({ ...base, kind: '即办件', promisedDays: 3 })).toEqual(['promisedDays']);
    expect(fields({ ...base, promisedDays: 0 })).toEqual(['kind']);
    expect(fields({ ...base, fee: '每件80元' })).toEqual(['fee']);
  });

  it('accepts a fee whose basis is named, and compares nothing against a null limit', () => {
    expect(fields({ ...base, fee: '每件80元', feeBasis: '发改价格规〔2016〕2559号' })).toEqual([]);
    expect(fields({ ...base, fee: '每本120元（依据《某某通知》）' })).toEqual([]);
    expect(fields({ ...base, fee: '按规定收费' })).toEqual(['fee']);
    expect(fields({ ...base, legalDays: null, promisedDays: 30 })).toEqual([]);
    expect(consistencyFindings({ ...base, promisedDays: 30 })[0].reason).toBe(
      '承诺时限（30 个工作日）不能超过法定时限（20 个工作日）',
    );
  });
});
