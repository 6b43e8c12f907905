import { describe, expect, it } from 'vitest';
import { composeItemAnswer } from '../../../../bot/compose/compose-item.ts';
import { conditionsSummary, visitsText } from '../../../../bot/compose/item-aspect-text.ts';
import { describeExemption, markedMaterialName } from '../../../../bot/compose/materials-list.ts';
import { itemSchema, type ServiceItem } from '../../../../knowledge/catalog/schema.ts';
import { companyItem, hall, socialCardItem } from './fixtures.ts';

const variant = (base: ServiceItem, changes: Record<string, unknown>): ServiceItem =>
  itemSchema.parse({ ...base, ...changes });

describe('item answer wording', () => {
  it('marks a conditionally exempt material as 可免提交 and leaves the condition to the card', () => {
    const material = {
      name: '合法稳定住所证明',
      form: '复印件',
      copies: 1,
      required: '情形' as const,
      when: '以合法稳定住所申领的',
      exempt: true,
      exemptNote: '不动产权证书通过电子证照核验的',
    };
    expect(markedMaterialName(material)).toBe('合法稳定住所证明（可免提交）');
    expect(describeExemption(material.exemptNote)).toEqual({
      label: '无需提交',
      reason: material.exemptNote,
    });
    // The record's own "…免提交" is not doubled in the reason.
    expect(describeExemption('不动产权证书通过电子证照核验的，免提交。')).toEqual({
      label: '无需提交',
      reason: '不动产权证书通过电子证照核验的',
    });
    const item = variant(socialCardItem, { materials: [...socialCardItem.materials, material] });
    const { answer, card } = composeItemAnswer({ item, aspect: 'materials', hall });
    expect(answer).toContain('以合法稳定住所申领的，还需合法稳定住所证明（可免提交）。');
    expect(answer).not.toContain(material.exemptNote);
    expect(answer).not.toMatch(/\d项免提交/);
    // The card keeps the record's data as it is.
    expect(card?.materials.at(-1)).toMatchObject({
      name: material.name,
      exempt: true,
      exemptNote: material.exemptNote,
    });
  });

  it('gives counts in the overview, and every condition in a brief when short, the first two when long', () => {
    const overview = composeItemAnswer({ item: companyItem, aspect: 'overview', hall }).answer;
    expect(overview).toContain('申请条件共2项');
    for (const condition of companyItem.conditions) expect(overview).not.toContain(condition);
    expect(overview).not.toContain('问我');
    const brief = composeItemAnswer({
      item: companyItem,
      aspect: 'where',
      aspects: ['where', 'conditions'],
      hall,
    });
    expect(brief.answer).toContain(
      '申请条件（共2项）：申请人为依法设立公司的股东或发起人；有符合规定的住所（经营场所）。',
    );
    const elderly = [
      '具有本区户籍。',
      '年满80周岁（发放年龄段和标准以济南市公布的为准）。',
      '未在其他地区重复领取高龄津贴。',
    ];
    expect(conditionsSummary(elderly)).toBe(
      '申请条件（共3项）：具有本区户籍；年满80周岁（发放年龄段和标准以济南市公布的为准）；未在其他地区重复领取高龄津贴。',
    );
    const long = ['甲'.repeat(50), '乙'.repeat(50), '丙'.repeat(30)];
    const summary = conditionsSummary(long);
    expect(summary).toBe(`申请条件（共3项）：${long[0]}；${long[1]}等，全部条件见下方卡片。`);
    expect(summary).not.toContain('丙');
    expect(summary).not.toContain('等等');
  });

  it('says 零跑动 instead of 最多跑0次', () => {
    expect(visitsText(0)).toBe('全程网办，不用跑现场（零跑动）');
    expect(visitsText(1)).toBe('最多跑1次');
    const overview = composeItemAnswer({ item: companyItem, aspect: 'overview', hall }).answer;
    expect(overview).toContain('网上办理：可以全程网上办理，不用跑现场（零跑动）。');
  });

  it('writes the fee with one colon and a free item plainly', () => {
    const passport = variant(socialCardItem, { name: '普通护照签发', fee: '普通护照每本120元' });
    expect(composeItemAnswer({ item: passport, aspect: 'fee', hall }).answer).toBe(
      '“普通护照签发”的收费标准：普通护照每本120元。',
    );
    expect(composeItemAnswer({ item: companyItem, aspect: 'fee', hall }).answer).toBe(
      '“企业设立登记”不收费。',
    );
  });

  it('does not double the verb when the item name already ends with 办理 or 申领', () => {
    const disability = variant(companyItem, { name: '残疾人证办理' });
    const answers = (['materials', 'where', 'conditions'] as const).map(
      (aspect) => composeItemAnswer({ item: disability, aspect, hall }).answer,
    );
    expect(answers[0]).toContain('“残疾人证办理”共需6项材料（一次性告知）：');
    expect(answers[1]).toContain('“残疾人证办理”，请到一楼东区');
    expect(answers[2]).toContain('“残疾人证办理”需要符合以下条件：');
    for (const answer of answers) expect(answer).not.toContain('办理“残疾人证办理”');
    expect(composeItemAnswer({ item: socialCardItem, aspect: 'materials', hall }).answer).toContain(
      '“社会保障卡申领”共需4项材料',
    );
    expect(composeItemAnswer({ item: companyItem, aspect: 'materials', hall }).answer).toContain(
      '办理“企业设立登记”共需6项材料',
    );
  });
});
