import { describe, expect, it } from 'vitest';
import { composeItemAnswer } from '../../../../bot/compose/compose-item.ts';
import { describeExemption, exemptionMark } from '../../../../bot/compose/materials-list.ts';
import { ASPECTS } from '../../../../bot/types.ts';
import { itemSchema } from '../../../../knowledge/catalog/schema.ts';
import { allowanceItem, catalog, companyItem, hall, socialCardItem } from './fixtures.ts';

const items = [companyItem, socialCardItem, allowanceItem];

describe('short item text, with the lists in the card', () => {
  it('never tells the citizen to ask again for a list the card shows, nor uses the item type as jargon', () => {
    const jargon = itemSchema.shape.type.options.map((type) => `（${type}）`);
    for (const item of items) {
      for (const aspect of ASPECTS) {
        const { answer } = composeItemAnswer({ item, aspect, hall, themes: catalog.themes });
        expect(answer, `${item.id} ${aspect}`).not.toMatch(/问我|可查看(完整|全部)/);
        for (const term of jargon) expect(answer, `${item.id} ${aspect}`).not.toContain(term);
      }
    }
  });

  it('gives counts in the overview and leaves the lists to the card', () => {
    const { answer, card } = composeItemAnswer({ item: allowanceItem, aspect: 'overview', hall });
    expect(answer).toContain('申请条件共2项，申请材料共4项，办理流程共4个环节，详见下方卡片。');
    for (const entry of [...allowanceItem.conditions, ...allowanceItem.materials.map((m) => m.name)]) {
      expect(answer).not.toContain(entry);
    }
    expect(card?.conditions).toEqual(allowanceItem.conditions);
    expect(card?.process).toEqual(allowanceItem.process);
    expect(answer.split('\n').length).toBeLessThanOrEqual(8);
  });

  it('marks a partial exemption with what may be skipped, and an on-site photo as 可不自带', () => {
    const { answer } = composeItemAnswer({ item: allowanceItem, aspect: 'materials', hall });
    expect(answer).toContain(
      '都要准备的3项：居民身份证（可免提交复印件）、近期免冠彩色照片（可不自带）、本人银行结算账户。',
    );
    expect(answer).toContain('由家属代为申请的，还需代办人身份证明。');
    expect(answer).toContain('以及可免提交或可不自带的条件，请看下方材料清单');
    expect(answer).not.toContain('容缺');
    expect(describeExemption('居民身份证通过人脸识别实名核验，免提交复印件')).toEqual({
      label: '无需提交复印件',
      reason: '居民身份证通过人脸识别实名核验',
    });
    expect(describeExemption('由税务机关推送清税信息，申请人免提交清税证明').label).toBe('无需提交清税证明');
    expect(describeExemption('窗口免费现场采集，无需自带照片')).toEqual({
      label: '无需自带照片',
      reason: '窗口免费现场采集',
    });
    expect(exemptionMark('通过人脸识别核验身份的，免提交')).toBe('可免提交');
  });

  it('separates material names with ；when a name itself holds 、', () => {
    const item = itemSchema.parse({
      ...companyItem,
      materials: [
        { name: '公司章程', form: '原件', copies: 1, required: '必要' },
        { name: '董事、监事的任职文件', form: '复印件', copies: 1, required: '必要' },
      ],
    });
    expect(composeItemAnswer({ item, aspect: 'materials', hall }).answer).toContain(
      '都要准备的2项：公司章程；董事、监事的任职文件。',
    );
  });

  it('names only the situations when nobody needs every material', () => {
    const item = itemSchema.parse({
      ...socialCardItem,
      materials: [{ name: '结婚证', form: '复印件', copies: 1, required: '情形', when: '随配偶迁入落户的' }],
    });
    expect(composeItemAnswer({ item, aspect: 'materials', hall }).answer.split('\n')).toEqual([
      '“社会保障卡申领”共需1项材料（一次性告知）：',
      '以下材料按您的情形准备：',
      '随配偶迁入落户的，需结婚证。',
      '每项材料要原件还是复印件、要几份，请看下方材料清单，可逐项勾选核对。',
    ]);
  });
});
