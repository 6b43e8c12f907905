import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeItemAnswer } from '../../../../bot/compose/compose-item.ts';
import { ASPECTS } from '../../../../bot/types.ts';
import { itemSchema } from '../../../../knowledge/catalog/schema.ts';
import { hallSchema } from '../../../../knowledge/hall/schema.ts';
import { catalog, companyItem, hall, socialCardItem } from './fixtures.ts';

describe('composeItemAnswer', () => {
  it('names every material once, grouped by situation, with 容缺 and 免提交 marked (一次性告知)', () => {
    const { answer, citations, card } = composeItemAnswer({ item: companyItem, aspect: 'materials', hall });
    for (const material of companyItem.materials) {
      expect(answer.split(material.name).length - 1).toBe(1);
    }
    expect(answer).toContain('办理“企业设立登记”共需6项材料（一次性告知）：');
    expect(answer).toContain(
      '都要准备的4项：公司登记（备案）申请书、公司章程、股东的主体资格证明（可免提交）、住所（经营场所）使用证明（可容缺后补）。',
    );
    expect(answer).toContain('委托他人代为办理的，还需委托代理人身份证明及授权委托书。');
    expect(answer).toContain('经营范围涉及须报经批准的项目，还需前置审批许可文件。');
    // Form, copies and notes are in the card's checklist, not said a second time in the text.
    expect(answer).not.toMatch(/原件1份|复印件1份|可在线填写生成/);
    expect(answer).toContain('以及可免提交的条件和容缺后补的说明，请看下方材料清单');
    expect(card?.materials).toEqual(companyItem.materials);
    expect(citations).toEqual([{ source: 'catalog', title: '企业设立登记', locator: '申请材料' }]);
  });

  it('states promised and legal working days, and 即办件 as 当场办结 with the 告知承诺制 note', () => {
    const promised = composeItemAnswer({ item: companyItem, aspect: 'time', hall }).answer;
    expect(promised).toContain('承诺时限：1个工作日');
    expect(promised).toContain('法定时限：15个工作日');
    const immediate = composeItemAnswer({ item: socialCardItem, aspect: 'time', hall }).answer;
    expect(immediate).toContain('即办件');
    expect(immediate).toContain('当场办结');
    expect(immediate).toContain('告知承诺制');
    expect(promised).not.toContain('告知承诺制');
  });

  it('says where to go with floor and area from the hall, the hours and the 帮办代办 offer', () => {
    const { answer, card, citations } = composeItemAnswer({ item: companyItem, aspect: 'where', hall });
    expect(answer).toContain('一楼东区企业开办专区A01-A04号窗口');
    expect(answer).toContain(hall.hours);
    expect(answer).toContain('帮办代办窗口（Z02）');
    expect(card).toMatchObject({
      id: 'QYKB-001',
      floor: 1,
      area: '东区',
      window: 'A01-A04',
      address: hall.address,
    });
    expect(citations.map((citation) => citation.source)).toEqual(['catalog', 'hall']);
    // An area that already names the floor is not repeated ("二楼二楼南区").
    expect(composeItemAnswer({ item: socialCardItem, aspect: 'where', hall }).answer).toContain(
      '到二楼南区社会民生专区C01号窗口',
    );
  });

  it('answers online depth, channel and visits, and quotes a non-trivial fee as written', () => {
    const online = composeItemAnswer({ item: companyItem, aspect: 'online', hall }).answer;
    expect(online).toContain('全程网上办理');
    expect(online).toContain('企业开办一网通办');
    expect(online).toContain('不用跑现场（零跑动）');
    expect(online).not.toContain('跑0次');
    const preReview = composeItemAnswer({ item: socialCardItem, aspect: 'online', hall }).answer;
    expect(preReview).toContain('网上提交材料预审');
    expect(preReview).toContain('最多跑1次');
    expect(composeItemAnswer({ item: companyItem, aspect: 'fee', hall }).answer).toContain('不收费');
    expect(composeItemAnswer({ item: socialCardItem, aspect: 'fee', hall }).answer).toBe(
      `“社会保障卡申领”的收费标准：${socialCardItem.fee}。`,
    );
  });

  it('gives a compact overview, mentions the 一件事 theme and offers the other aspects', () => {
    const { answer, quickReplies } = composeItemAnswer({
      item: companyItem,
      aspect: 'overview',
      hall,
      themes: catalog.themes,
    });
    expect(answer).toContain('【企业设立登记】');
    expect(answer).toContain(companyItem.department);
    expect(answer).toContain('承诺1个工作日');
    expect(answer).toContain('申请条件共2项，申请材料共6项，办理流程共5个环节，详见下方卡片。');
    expect(answer).toContain('“企业开办一件事”');
    expect(quickReplies).toEqual(['需要带什么材料', '在几号窗口', '多久能办好', '能不能网上办', '转人工']);
    const afterMaterials = composeItemAnswer({ item: companyItem, aspect: 'materials', hall }).quickReplies;
    expect(afterMaterials).not.toContain('需要带什么材料');
    expect(afterMaterials.at(-1)).toBe('转人工');
  });

  it('uses the item phone when it has one and the hall phone otherwise', () => {
    expect(composeItemAnswer({ item: socialCardItem, aspect: 'contact', hall }).answer).toContain(
      '0531-87654321',
    );
    expect(composeItemAnswer({ item: companyItem, aspect: 'contact', hall }).answer).toContain(
      `${hall.phone}（大厅咨询电话）`,
    );
  });

  it('answers every aspect with a card and a citation of the record', () => {
    for (const aspect of ASPECTS) {
      const composed = composeItemAnswer({ item: companyItem, aspect, hall });
      expect(composed.answer.length).toBeGreaterThan(5);
      expect(composed.card?.materials).toHaveLength(companyItem.materials.length);
      expect(composed.citations[0]).toMatchObject({ source: 'catalog', title: companyItem.name });
    }
    expect(composeItemAnswer({ item: companyItem, aspect: 'conditions', hall }).answer).toContain(
      '2. 有符合规定的住所',
    );
    expect(composeItemAnswer({ item: companyItem, aspect: 'process', hall }).answer).toContain(
      '5. 发放营业执照',
    );
    expect(composeItemAnswer({ item: companyItem, aspect: 'basis', hall }).answer).toContain(
      '市场主体登记管理条例',
    );
  });

  const catalogFile = 'knowledge/data/catalog.json';
  const hallFile = 'knowledge/data/hall.json';
  it.skipIf(!existsSync(catalogFile) || !existsSync(hallFile))(
    'lists the complete materials of every shipped item',
    () => {
      const shippedHall = hallSchema.parse(JSON.parse(readFileSync(hallFile, 'utf8')));
      const items = (JSON.parse(readFileSync(catalogFile, 'utf8')) as { items: unknown[] }).items.map((raw) =>
        itemSchema.parse(raw),
      );
      for (const item of items) {
        const { answer, card } = composeItemAnswer({ item, aspect: 'materials', hall: shippedHall });
        for (const material of item.materials) {
          expect(answer, `${item.id} ${material.name}`).toContain(material.name);
        }
        expect(answer).toContain(`共需${item.materials.length}项材料`);
        expect(card?.floor, item.id).toBeTypeOf('number');
      }
    },
  );
});
