import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageRuleReason, parseAgeRules } from '../../../../../bot/precheck/validators/age-rules.ts';
import { completedYears } from '../../../../../bot/precheck/validators/calendar-date.ts';

interface CatalogItem {
  id: string;
  conditions?: string[];
}
const catalogPath = path.resolve(import.meta.dirname, '../../../../../knowledge/data/catalog.json');
const items = (JSON.parse(readFileSync(catalogPath, 'utf8')) as { items: CatalogItem[] }).items;
const conditionsOf = (id: string) => {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no item ${id} in the shipped catalog`);
  return item.conditions ?? [];
};

describe('age rules read from an item’s conditions', () => {
  it('reads the rules of the shipped catalog’s items, and only those that bind the applicant', () => {
    const found = Object.fromEntries(
      items
        .map((item) => [item.id, parseAgeRules(item.conditions ?? [])] as const)
        .filter(([, rules]) => rules.length > 0),
    );
    expect(found).toEqual({
      'SHMS-003': [{ min: 16 }], // 年满16周岁（不含在校学生），具有本市户籍
      'SHMS-004': [{ min: 60 }], // 参加城乡居民基本养老保险，年满60周岁
      'SHMS-007': [{ min: 16 }, { belowRetirement: true }], // 年满16周岁且未达到法定退休年龄
      'SHMS-020': [{ min: 80 }], // 年满80周岁（发放年龄段……）
      'HYDJ-001': [
        { min: 22, sex: { value: '男', word: '男方' } },
        { min: 20, sex: { value: '女', word: '女方' } },
      ],
    });
    // Not rules: alternatives (老年人、残疾人或未满18周岁的未成年人), a case with its own handling
    // (未满16周岁或无民事行为能力的，由监护人代为申请), an obligation and a permission (居民身份证).
    expect(parseAgeRules(conditionsOf('SHMS-016'))).toEqual([]);
    expect(parseAgeRules(conditionsOf('SHMS-018'))).toEqual([]);
    expect(parseAgeRules(conditionsOf('SHMS-024'))).toEqual([]);
  });

  it('reads other wordings: 以上/以下, 未满, ranges, Chinese numerals, rules per sex', () => {
    expect(parseAgeRules(['申请人须年满18周岁，具有完全民事行为能力'])).toEqual([{ min: 18 }]);
    expect(parseAgeRules(['申请人年龄在60周岁以上'])).toEqual([{ min: 60 }]);
    expect(parseAgeRules(['六十周岁及以上的本市户籍老年人'])).toEqual([{ min: 60 }]);
    expect(parseAgeRules(['申请对象为未满十八周岁的儿童'])).toEqual([{ below: 18 }]);
    expect(parseAgeRules(['年龄在16至35周岁之间'])).toEqual([{ min: 16, max: 35 }]);
    expect(parseAgeRules(['申请人年龄不超过45周岁'])).toEqual([{ max: 45 }]);
    expect(parseAgeRules(['男性年满六十周岁、女性年满五十五周岁'])).toEqual([
      { min: 60, sex: { value: '男', word: '男性' } },
      { min: 55, sex: { value: '女', word: '女性' } },
    ]);
    // About someone else, or a case with its own handling: not the applicant's rule.
    expect(parseAgeRules(['子女年满18周岁'])).toEqual([]);
    expect(parseAgeRules(['申请人年满70周岁的，可免于体检'])).toEqual([]);
    expect(parseAgeRules(['年满70周岁或患有重大疾病'])).toEqual([]);
    expect(parseAgeRules(['如申请人未满18周岁，需监护人陪同办理'])).toEqual([]);
    expect(parseAgeRules(['未满18周岁的，须由监护人陪同办理'])).toEqual([]);
  });

  it('says which rule is not met, with the age the ID number gives', () => {
    const marriage = parseAgeRules(conditionsOf('HYDJ-001'));
    expect(ageRuleReason(marriage, 21, '男')).toBe('按规定男方须年满22周岁，按身份证号计算您现在21周岁。');
    expect(ageRuleReason(marriage, 22, '男')).toBeUndefined();
    expect(ageRuleReason(marriage, 21, '女')).toBeUndefined();
    expect(ageRuleReason(marriage, 19, '女')).toBe('按规定女方须年满20周岁，按身份证号计算您现在19周岁。');
    const pension = parseAgeRules(conditionsOf('SHMS-004'));
    expect(ageRuleReason(pension, 59, '女')).toBe('按规定申请人须年满60周岁，按身份证号计算您现在59周岁。');
    expect(ageRuleReason(pension, 60, '女')).toBeUndefined();
    expect(ageRuleReason([{ below: 18 }], 18, '男')).toBe(
      '按规定申请人须未满18周岁，按身份证号计算您现在18周岁。',
    );
    expect(ageRuleReason([{ min: 16, max: 35 }], 36, '男')).toBe(
      '按规定申请人须在16至35周岁之间，按身份证号计算您现在36周岁。',
    );
  });

  it('counts completed years: the birthday completes the year, 29 February in common years on 1 March', () => {
    const birth = { year: 2004, month: 12, day: 2 };
    expect(completedYears(birth, { year: 2026, month: 12, day: 1 })).toBe(21);
    expect(completedYears(birth, { year: 2026, month: 12, day: 2 })).toBe(22);
    const leap = { year: 2004, month: 2, day: 29 };
    expect(completedYears(leap, { year: 2026, month: 2, day: 28 })).toBe(21);
    expect(completedYears(leap, { year: 2026, month: 3, day: 1 })).toBe(22);
    expect(completedYears(leap, { year: 2028, month: 2, day: 29 })).toBe(24);
  });
});
