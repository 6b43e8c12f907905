/**
 * What the kiosk shows the way to after an answer: the zone and window of the item's card, with the
 * 帮办代办 and 办不成事反映 windows when the answer speaks of them; after an escalation, the
 * windows where staff take over.
 */
import type { SpecialWindowKind } from '../../../bot/compose/hall-location.ts';
import type { Answer, EscalationCategory } from '../../../bot/types.ts';
import type { WayfindingFocus } from './floor-plan.ts';

function mentionedSpecials(text: string): SpecialWindowKind[] {
  return [
    ...(/办不成/.test(text) ? (['办不成事反映'] as const) : []),
    ...(/帮办|代办/.test(text) ? (['帮办代办'] as const) : []),
  ];
}

export function answerFocus(answer: Answer): WayfindingFocus | undefined {
  const specials = mentionedSpecials(answer.answer);
  if (answer.card) return { zone: answer.card.zone, window: answer.card.window, specials };
  return specials.length > 0 ? { specials } : undefined;
}

export function escalationFocus(category: EscalationCategory): WayfindingFocus {
  return category === '办不成事反映'
    ? { specials: ['办不成事反映', '帮办代办'] }
    : { specials: ['综合咨询', '办不成事反映', '帮办代办'] };
}
