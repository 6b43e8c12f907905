/** A case's topic: the item answered confidently just before, else 未确定 with candidates. */
import { describe, expect, it } from 'vitest';
import { caseTopic } from '../../../../bot/handover/case-topic.ts';
import type { Answer } from '../../../../bot/types.ts';

const answer = (intent: Answer['intent'], items: [string, string][] = []): Answer => ({
  answer: '',
  intent,
  items: items.map(([id, name]) => ({ id, name, score: 1 })),
  escalate: intent === 'escalate',
  citations: [],
  latencyMs: 0,
  quickReplies: [],
});

describe('case topic', () => {
  it('takes the item of the last confident answer before the hand-over', () => {
    const topic = caseTopic([answer('escalate'), answer('materials', [['A-1', '户口迁移']])]);
    expect(topic).toMatchObject({ itemId: 'A-1', itemName: '户口迁移', candidates: [] });
  });

  it('offers candidates when the bot was clarifying', () => {
    const topic = caseTopic([
      answer('escalate'),
      answer('clarify', [
        ['A-1', '甲'],
        ['B-2', '乙'],
      ]),
    ]);
    expect(topic.itemId).toBeUndefined();
    expect(topic.candidates.map((item) => item.id)).toEqual(['A-1', 'B-2']);
  });

  it('does not carry a subject across an unanswered question', () => {
    const topic = caseTopic([answer('escalate'), answer('unknown'), answer('overview', [['A-1', '甲']])]);
    expect(topic).toEqual({ candidates: [] });
  });

  it('keeps the item named by the hand-over itself only as a candidate unless confirmed', () => {
    const named = answer('escalate', [['B-2', '乙']]);
    expect(caseTopic([named]).candidates).toEqual([{ id: 'B-2', name: '乙' }]);
    expect(caseTopic([named, answer('overview', [['B-2', '乙']])]).itemId).toBe('B-2');
    expect(caseTopic([named, answer('overview', [['C-3', '丙']])]).itemId).toBeUndefined();
  });
});
