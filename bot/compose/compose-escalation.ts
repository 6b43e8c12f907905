/**
 * The reply when a citizen wants a person (办不成事反映, 投诉, 咨询转人工): the offer to hand the
 * conversation to staff, which needs the citizen's consent first (the chat shows the consent form;
 * nothing is opened or shared before it), and the hall's 办不成事反映 window (when it has one) and its
 * hotline, which remain open to them either way.
 */
import { hotlineText } from '../../knowledge/hall/hall-facts.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import type { EscalationCategory } from '../types.ts';
import type { Composed } from './composed.ts';
import { describeSpecialWindow, findSpecialWindow } from './hall-location.ts';

const OPENING: Record<EscalationCategory, string> = {
  办不成事反映:
    '很抱歉给您办事添了麻烦。我可以把您的情况转给大厅“办不成事”反映窗口的工作人员，由他们协调相关部门帮您把事办成，并把处理结果告诉您。',
  投诉: '您的意见我们非常重视。我可以把您的投诉转给大厅负责投诉处理的工作人员，核实情况后答复您。',
  咨询转人工: '好的，我可以为您转接人工服务，工作人员会查看您和我的对话，不用您重复说明。',
};

export function composeEscalation(category: EscalationCategory, hall: Hall): Composed {
  const window = findSpecialWindow(hall, '办不成事反映');
  const hotline = hotlineText(hall);
  const lines = [
    OPENING[category],
    '转交前需要您的同意：请在下方确认后提交，可以留下联系电话（选填），便于工作人员回复您。',
    window
      ? `您也可以到${describeSpecialWindow(window)}当面反映，或拨打${hotline}。`
      : `您也可以拨打${hotline}反映。`,
  ];
  return {
    answer: lines.join('\n'),
    citations: [{ source: 'hall', title: hall.name, locator: window ? '办不成事反映窗口' : '咨询方式' }],
    quickReplies: [],
  };
}
