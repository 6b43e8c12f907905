import { describe, expect, it } from 'vitest';
import { composeItemAnswer } from '../../../../bot/compose/compose-item.ts';
import { ASPECT_QUESTIONS } from '../../../../bot/compose/quick-replies.ts';
import { checkFacts } from '../../../../bot/llm/fact-guard.ts';
import { ASPECTS, type Aspect } from '../../../../bot/types.ts';
import { companyItem, hall, socialCardItem } from './fixtures.ts';

const compose = (aspects: Aspect[], item = companyItem) =>
  composeItemAnswer({ item, aspect: aspects[0], aspects, hall });

describe('an answer to several aspects of one item', () => {
  it('answers where and fee, in the order asked, one line each', () => {
    const { answer } = compose(['where', 'fee']);
    expect(answer.split('\n')).toEqual([
      '【企业设立登记】',
      '办理地点：一楼东区企业开办专区A01-A04号窗口。',
      '收费：不收费。',
    ]);
    const reversed = compose(['fee', 'where']).answer.split('\n');
    expect(reversed.slice(1)).toEqual(['收费：不收费。', '办理地点：一楼东区企业开办专区A01-A04号窗口。']);
  });

  it('cites each record field once, in order, and the hall layout when a place is named', () => {
    expect(compose(['where', 'fee']).citations).toEqual([
      { source: 'catalog', title: '企业设立登记', locator: '办理地点' },
      { source: 'catalog', title: '企业设立登记', locator: '收费标准' },
      { source: 'hall', title: hall.name, locator: '大厅布局' },
    ]);
    expect(compose(['materials', 'time']).citations).toEqual([
      { source: 'catalog', title: '企业设立登记', locator: '申请材料' },
      { source: 'catalog', title: '企业设立登记', locator: '办理时限' },
    ]);
  });

  it('offers buttons only for aspects not answered yet', () => {
    const { quickReplies } = compose(['materials', 'time']);
    expect(quickReplies).toEqual([
      ASPECT_QUESTIONS.where,
      ASPECT_QUESTIONS.online,
      ASPECT_QUESTIONS.fee,
      '转人工',
    ]);
    const threeAnswered = compose(['where', 'fee', 'online']).quickReplies;
    expect(threeAnswered).toEqual([ASPECT_QUESTIONS.materials, ASPECT_QUESTIONS.time, '转人工']);
  });

  it('names every material once in the materials line, with the time limit after it', () => {
    const { answer } = compose(['materials', 'time'], socialCardItem);
    const [, materials, time] = answer.split('\n');
    for (const material of socialCardItem.materials) {
      expect(answer.split(material.name).length - 1, material.name).toBe(1);
    }
    expect(materials).toMatch(/^申请材料共4项。都要准备的3项：/);
    expect(materials).toContain('随配偶迁入落户的，还需结婚证。');
    expect(time).toBe('办理时限：即办件，材料齐全、符合条件的当场办结。');
    expect(answer).not.toContain('问我');
  });

  it('gives a brief of every aspect with its label and facts copied from the record', () => {
    const briefs = Object.fromEntries(
      ASPECTS.filter((aspect) => aspect !== 'overview' && aspect !== 'where').map((aspect) => [
        aspect,
        compose(['where', aspect]).answer.split('\n')[2],
      ]),
    );
    expect(briefs.time).toBe('办理时限：承诺1个工作日内办结（法定时限15个工作日）。');
    expect(briefs.online).toBe(
      `网上办理：可以全程网上办理（${companyItem.onlineUrl}），不用跑现场（零跑动）。`,
    );
    expect(briefs.process).toBe(`办理流程（共5个环节）：${companyItem.process.join('；')}。`);
    expect(briefs.basis).toBe(`设定依据：${companyItem.basis[0]}。`);
    expect(briefs.contact).toBe(`咨询电话：${hall.phone}（大厅咨询电话）。`);
    expect(compose(['fee', 'contact'], socialCardItem).answer).toContain(
      `咨询电话：${socialCardItem.phone}。`,
    );
    expect(compose(['fee', 'where'], socialCardItem).answer).toContain(`收费：${socialCardItem.fee}。`);
  });

  it('answers one aspect in full when only one is asked, also with an overview beside it', () => {
    const single = composeItemAnswer({ item: companyItem, aspect: 'fee', hall }).answer;
    expect(composeItemAnswer({ item: companyItem, aspect: 'fee', aspects: ['fee'], hall }).answer).toBe(
      single,
    );
    expect(compose(['fee', 'fee']).answer).toBe(single);
    const materials = composeItemAnswer({ item: companyItem, aspect: 'materials', hall });
    expect(compose(['overview', 'materials'])).toEqual(materials);
    expect(compose(['overview', 'where', 'fee']).answer).toBe(compose(['where', 'fee']).answer);
  });

  it('lets the fact guard catch a changed fact in any line', () => {
    const { answer } = compose(['where', 'time']);
    expect(checkFacts({ composed: answer, candidate: answer })).toEqual({ ok: true });
    const changed = answer.replace('1个工作日', '3个工作日');
    expect(checkFacts({ composed: answer, candidate: changed }).ok).toBe(false);
  });
});
