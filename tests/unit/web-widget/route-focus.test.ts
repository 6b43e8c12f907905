/**
 * What the kiosk shows the way to: the card's zone and window, the 帮办代办 / 办不成事反映 windows
 * when the answer speaks of them or staff take over; and the 取号 category of a zone.
 */
import { describe, expect, it } from 'vitest';
import type { Answer, ItemCard } from '../../../bot/types.ts';
import { ticketCategory } from '../../../knowledge/hall/ticket-category.ts';
import { answerFocus, escalationFocus } from '../../../web-widget/src/kiosk/route-focus.ts';
import { smallHall } from '../knowledge/hall/small-hall.ts';

const answer = (text: string, card?: Partial<ItemCard>): Answer =>
  ({
    answer: text,
    intent: 'hall',
    items: [],
    escalate: false,
    citations: [],
    latencyMs: 0,
    quickReplies: [],
    ...(card ? { card: card as ItemCard } : {}),
  }) as Answer;

describe('kiosk route focus', () => {
  it('points to the card’s zone and window, with the special windows the answer names', () => {
    expect(answerFocus(answer('请到企业开办专区。', { zone: '企业开办', window: 'A01-A04' }))).toEqual({
      zone: '企业开办',
      window: 'A01-A04',
      specials: [],
    });
    const helped = answerFocus(
      answer('如需帮助，可以到一楼帮办代办窗口（Z02）。', { zone: '社会民生', window: 'C01' }),
    );
    expect(helped?.specials).toEqual(['帮办代办']);
    expect(answerFocus(answer('在窗口办不成的事，请到一楼反映窗口。'))).toEqual({
      specials: ['办不成事反映'],
    });
    expect(answerFocus(answer('中心配有停车位。'))).toBeUndefined();
  });

  it('shows where staff take over after an escalation', () => {
    expect(escalationFocus('办不成事反映').specials).toEqual(['办不成事反映', '帮办代办']);
    expect(escalationFocus('投诉').specials[0]).toBe('综合咨询');
  });

  it('takes the 取号 category the hall names, else the zone', () => {
    expect(ticketCategory(smallHall, '企业开办')).toBe('企业开办');
    const named = structuredClone(smallHall);
    named.zones[0].ticket = '企业登记';
    expect(ticketCategory(named, '企业开办')).toBe('企业登记');
    expect(ticketCategory(undefined, '出入境')).toBe('出入境');
  });
});
