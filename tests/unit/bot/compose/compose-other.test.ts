import { describe, expect, it } from 'vitest';
import { composeClarify } from '../../../../bot/compose/compose-clarify.ts';
import { composeEscalation } from '../../../../bot/compose/compose-escalation.ts';
import { composeKnowledgeAnswer } from '../../../../bot/compose/compose-knowledge.ts';
import {
  composeGreeting,
  composeNotFound,
  composeOutOfScope,
  composeThanks,
} from '../../../../bot/compose/compose-small-talk.ts';
import { composeThemeAnswer } from '../../../../bot/compose/compose-theme.ts';
import { catalog, companyItem, hall, socialCardItem } from './fixtures.ts';

describe('other composers', () => {
  it('clarifies with the candidate names as buttons and the aspect in the question', () => {
    const composed = composeClarify([companyItem, socialCardItem], 'materials');
    expect(composed.quickReplies).toEqual(['企业设立登记', '社会保障卡申领']);
    expect(composed.answer).toContain('了解所需材料');
    expect(composed.answer).toContain('1. 企业设立登记\n2. 社会保障卡申领');
  });

  it('lists a theme with its items, their windows and the theme window', () => {
    const composed = composeThemeAnswer({ theme: catalog.themes[0], items: [companyItem], hall });
    expect(composed.answer).toContain('【企业开办一件事】');
    expect(composed.answer).toContain('1. 企业设立登记（一楼企业开办专区 A01-A04号窗口）');
    expect(composed.answer).toContain('一楼A01号窗口');
    expect(composed.quickReplies).toEqual(['企业设立登记', '转人工']);
    expect(composed.citations[0]).toEqual({
      source: 'catalog',
      title: '企业开办一件事',
      locator: '一件事主题',
    });
  });

  it.each(['办不成事反映', '投诉', '咨询转人工'] as const)(
    'escalation (%s) offers a person, asks for consent first, the phone optional, and names Z03 and 12345',
    (category) => {
      const { answer } = composeEscalation(category, hall);
      expect(answer).toContain('需要您的同意');
      expect(answer).not.toMatch(/已为您(登记|转接)/);
      expect(answer).toContain('联系电话');
      expect(answer).toContain('（Z03）');
      expect(answer).toContain('12345');
    },
  );

  it('greets with the hall name and answers thanks, out-of-scope and not-found politely', () => {
    expect(composeGreeting(hall).answer).toContain(`欢迎来到${hall.name}`);
    expect(composeThanks().answer).toContain('不客气');
    expect(composeOutOfScope().answer).toContain('不在本大厅政务服务的范围内');
    const notFound = composeNotFound();
    expect(notFound.answer).toContain('没有找到');
    expect(notFound.quickReplies).toContain('转人工');
  });

  it('answers from a staff knowledge entry, citing it and the item', () => {
    const entry = {
      id: 'K-1',
      question: '营业执照丢了怎么办',
      answer: '请先登报声明作废。',
      itemId: 'QYKB-001',
      createdAt: '2026-01-01',
    };
    const composed = composeKnowledgeAnswer(entry, companyItem);
    expect(composed.answer).toBe('请先登报声明作废。');
    expect(composed.citations).toEqual([
      { source: 'knowledge', title: '营业执照丢了怎么办', locator: 'K-1' },
      { source: 'catalog', title: '企业设立登记', locator: '基本信息' },
    ]);
    expect(composed.card?.id).toBe('QYKB-001');
    expect(composeKnowledgeAnswer(entry).card).toBeUndefined();
  });
});
