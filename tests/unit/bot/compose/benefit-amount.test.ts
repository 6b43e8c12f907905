import { describe, expect, it } from 'vitest';
import { composeItemAnswer } from '../../../../bot/compose/compose-item.ts';
import { isBenefitItem } from '../../../../bot/compose/item-aspect-text.ts';
import { itemSchema, type ServiceItem } from '../../../../knowledge/catalog/schema.ts';
import { allowanceItem, companyItem, hall } from './fixtures.ts';

const variant = (base: ServiceItem, changes: Record<string, unknown>): ServiceItem =>
  itemSchema.parse({ ...base, ...changes });

const withAmount = variant(allowanceItem, {
  benefit: {
    amount: '80至89周岁每人每月100元，90周岁以上每人每月300元',
    basis: '《测试区高龄津贴发放办法》',
    note: '按申请人年龄段核定，次月起发放',
  },
  phone: '0531-22223333',
});

describe('"多少钱" about a benefit item', () => {
  it('says the catalog gives no amount, that it depends on the person, and where to ask', () => {
    const { answer, citations } = composeItemAnswer({ item: allowanceItem, aspect: 'fee', hall });
    const lines = answer.split('\n');
    expect(lines[0]).toBe('事项清单中没有列出“高龄津贴申领”能领取的具体金额。');
    expect(answer).toContain('由相关政策规定');
    expect(answer).toContain('根据您本人的情况核定');
    // No phone of its own: the hall's, said as such, and the item's window from the hall layout.
    expect(answer).toContain(`拨打咨询电话${hall.phone}（大厅咨询电话）`);
    expect(answer).toContain('二楼南区社会民生专区C02号窗口');
    // 不收费 is only the second point, never the answer to how much one receives.
    expect(lines.at(-1)).toBe('办理本身不收费。');
    expect(lines[0]).not.toContain('不收费');
    expect(answer).not.toMatch(/\d+元/);
    expect(citations).toEqual([
      { source: 'catalog', title: '高龄津贴申领', locator: '收费标准' },
      { source: 'hall', title: hall.name, locator: '大厅布局' },
    ]);
  });

  it('gives the amount, its basis and note as the record states them', () => {
    const { answer, citations } = composeItemAnswer({ item: withAmount, aspect: 'fee', hall });
    expect(answer.split('\n')).toEqual([
      '“高龄津贴申领”的发放标准：80至89周岁每人每月100元，90周岁以上每人每月300元。',
      '标准依据：《测试区高龄津贴发放办法》。',
      '按申请人年龄段核定，次月起发放。',
      '办理本身不收费。',
    ]);
    expect(citations).toEqual([{ source: 'catalog', title: '高龄津贴申领', locator: '发放标准' }]);
  });

  it('treats an item with a benefit record as a benefit whatever its type, and quotes a real fee second', () => {
    const subsidy = variant(companyItem, {
      name: '创业补贴申领',
      type: '公共服务',
      fee: '工本费每证5元',
      benefit: { amount: '一次性补贴5000元' },
    });
    expect(isBenefitItem(subsidy)).toBe(true);
    expect(isBenefitItem(companyItem)).toBe(false);
    expect(composeItemAnswer({ item: subsidy, aspect: 'fee', hall }).answer).toBe(
      '“创业补贴申领”的发放标准：一次性补贴5000元。\n办理本身的收费：工本费每证5元。',
    );
  });

  it('answers the amount in a several-aspect answer, and asks "能领多少钱" on the buttons', () => {
    const { answer, quickReplies } = composeItemAnswer({
      item: allowanceItem,
      aspect: 'where',
      aspects: ['where', 'fee'],
      hall,
    });
    const feeLine = answer.split('\n')[2];
    expect(feeLine).toMatch(/^能领多少：事项清单中没有列出具体金额/);
    expect(feeLine).toContain('办理本身不收费。');
    // The window is said once, in the line about where to go.
    expect(answer.split('C02号窗口').length - 1).toBe(1);
    const brief = composeItemAnswer({ item: withAmount, aspect: 'fee', aspects: ['fee', 'time'], hall });
    expect(brief.answer.split('\n')[1]).toBe(
      '发放标准：80至89周岁每人每月100元，90周岁以上每人每月300元。按申请人年龄段核定，次月起发放。办理本身不收费。',
    );
    expect(quickReplies).not.toContain('要不要收费');
    expect(composeItemAnswer({ item: allowanceItem, aspect: 'materials', hall }).quickReplies).toContain(
      '能领多少钱',
    );
  });

  it('says 办理收费 in the overview of a benefit item, with the amount when the record has it', () => {
    const overview = composeItemAnswer({ item: allowanceItem, aspect: 'overview', hall }).answer;
    expect(overview).toContain('办理收费：不收费。');
    expect(overview).not.toMatch(/^收费：/m);
    expect(composeItemAnswer({ item: withAmount, aspect: 'overview', hall }).answer).toContain(
      '发放标准：80至89周岁每人每月100元，90周岁以上每人每月300元。',
    );
  });

  it('keeps benefit optional in the catalog model', () => {
    expect(allowanceItem.benefit).toBeUndefined();
    expect(withAmount.benefit?.amount).toContain('100元');
    expect(() => variant(allowanceItem, { benefit: { amount: 5 } })).toThrow();
  });
});
