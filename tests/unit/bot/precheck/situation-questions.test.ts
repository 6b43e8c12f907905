import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCatalog } from '../../../../knowledge/catalog/validate.ts';
import { conditionalExemption } from '../../../../bot/precheck/exemption.ts';
import { precheck } from '../../../../bot/precheck/precheck.ts';
import { conditionClause, situationQuestions } from '../../../../bot/precheck/situation-questions.ts';
import { materialSchema, type Material } from '../../../../knowledge/catalog/schema.ts';

const file = path.resolve(import.meta.dirname, '../../../../knowledge/data/catalog.json');
const shipped = validateCatalog(JSON.parse(readFileSync(file, 'utf8')), { file }).catalog;

const material = (exempt: string): Material =>
  materialSchema.parse({ name: '居民身份证', form: '原件', copies: 1, required: '必要', exempt });

describe('conditional and unconditional 免提交', () => {
  it('treats data sharing and window photos as unconditional', () => {
    for (const note of [
      '通过电子证照共享核验，免提交',
      '户口簿信息通过公安数据共享核验的，免提交',
      '窗口可免费现场拍摄',
      '可调用公安部门制证照片，或在窗口免费现场拍摄',
      '本部门核发的，通过系统调取，免提交',
    ]) {
      expect(conditionalExemption(material(note)), note).toBeUndefined();
    }
  });

  it('treats face checks and the citizen’s own case as conditions', () => {
    expect(conditionalExemption(material('通过人脸识别核验身份的，免提交'))).toEqual({
      condition: '现场人脸识别核验通过',
      spares: '可不提交',
    });
    expect(conditionalExemption(material('居民身份证通过人脸识别实名核验，免提交复印件'))).toEqual({
      condition: '现场人脸识别核验通过',
      spares: '可不提交复印件',
    });
    expect(
      conditionalExemption(material('已领取营业执照的，通过电子营业执照或部门数据共享核验，免提交')),
    ).toEqual({
      condition: '已领取营业执照',
      spares: '可不提交',
    });
    expect(
      conditionalExemption(material('网上办理的通过公安户籍数据核验，免提交；新生儿户口页打印后邮寄送达'))
        ?.condition,
    ).toBe('网上办理');
  });
});

describe('situation questions of the shipped catalog', () => {
  it('reads the condition of a when phrase without its examples', () => {
    expect(conditionClause('未满16周岁的，须由监护人陪同')).toBe('未满16周岁');
    expect(conditionClause('一般注销的（人民法院裁定解散或宣告破产的，提交裁定文书）')).toBe('一般注销');
    expect(conditionClause('婚姻登记档案查找不到的（如单位或村（居）委会出具的证明）')).toBe(
      '婚姻登记档案查找不到',
    );
  });

  it('gives every item unique keys and asks about every 情形 material exactly once', () => {
    expect(shipped?.items.length).toBeGreaterThan(50);
    for (const item of shipped?.items ?? []) {
      const rules = situationQuestions(item);
      const keys = rules.map((rule) => rule.key);
      expect(new Set(keys).size, item.id).toBe(keys.length);
      for (const key of keys) expect(key, item.id).toMatch(/^[a-z][A-Za-z]*\d*$/);
      for (const entry of item.materials.filter(
        (candidate) => candidate.required === '情形' && candidate.when,
      )) {
        const asking = rules.filter((rule) => rule.kind === 'when' && rule.members.includes(entry));
        expect(asking, `${item.id} ${entry.name}`).toHaveLength(1);
      }
      for (const rule of rules) {
        expect(rule.text, item.id).toMatch(/？$/);
        expect(rule.options.length, item.id).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('derives the same keys every time', () => {
    const item = shipped?.items.find((entry) => entry.id === 'SHMS-008');
    expect(item).toBeDefined();
    const keys = situationQuestions(item!).map((rule) => rule.key);
    expect(keys).toEqual(['c1', 'nonLocal', 'agent', 'face']);
    expect(situationQuestions(structuredClone(item!)).map((rule) => rule.key)).toEqual(keys);
  });
});

describe('free-text situations on the shipped catalog', () => {
  const missing = (itemId: string, situation: string) =>
    precheck({ itemId, provided: [], situation }, shipped!).missing.map((entry) => entry.name);

  it('spares a material only when the certificate its exemption names is the one relied on', () => {
    expect(missing('SHMS-023', '我租房住')).toContain('合法稳定住所证明');
    const owner = precheck(
      { itemId: 'SHMS-023', provided: [], situation: '我有房子，有不动产权证书' },
      shipped!,
    );
    expect(owner.exempt.map((entry) => entry.name)).toContain('合法稳定住所证明');
  });

  it('picks the alternative the citizen describes', () => {
    expect(missing('SHMS-023', '我在本市上学')).toContain('就读证明');
    expect(missing('SHMS-023', '我在这边上班')).not.toContain('就读证明');
  });

  it('reads an age against 未满N周岁', () => {
    expect(missing('SHMS-001', '给孩子办，孩子10岁')).toContain('监护人居民身份证及监护关系证明');
    expect(missing('SHMS-001', '我今年35岁')).not.toContain('监护人居民身份证及监护关系证明');
  });

  it('does not take the item’s own words, or the general part of a specific case, as an answer', () => {
    expect(missing('QYKB-004', '简易注销')).toEqual(['企业注销登记申请书', '全体投资人承诺书']);
    expect(missing('SHMS-026', '孩子随父亲落户')).not.toContain('亲子鉴定证明');
  });
});
