/**
 * The reply when a conversation is handed to staff (办不成事反映, 投诉, 咨询转人工): a case is opened,
 * staff see the whole conversation, the citizen may leave a phone number, and the hall's 办不成事反映
 * window (when it has one) and its hotline remain open to them.
 */
import { hotlineText } from '../../knowledge/hall/hall-facts.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import type { EscalationCategory } from '../types.ts';
import type { Composed } from './composed.ts';
import { describeSpecialWindow, findSpecialWindow } from './hall-location.ts';

const OPENING: Record<EscalationCategory, string[]> = {
  办不成事反映: [
    '很抱歉给您办事添了麻烦。我已为您登记“办不成事”反映，转交工作人员专门处理。',
    '工作人员会查看您和我的全部对话，了解卡在哪一步，协调相关部门帮您把事办成，并把处理结果告诉您。',
  ],
  投诉: [
    '您的意见我们非常重视。我已为您登记投诉，转交大厅负责投诉处理的工作人员。',
    '工作人员会查看全部对话、核实情况后与您联系，并把处理结果告诉您。',
  ],
  咨询转人工: [
    '好的，我已为您转接人工服务，并把您的问题登记给工作人员。',
    '工作人员会查看您和我的全部对话，不用您重复说明，稍后会给您答复。',
  ],
};

export function composeEscalation(category: EscalationCategory, hall: Hall): Composed {
  const window = findSpecialWindow(hall, '办不成事反映');
  const hotline = hotlineText(hall);
  const lines = [
    ...OPENING[category],
    '如果方便，请留下您的联系电话（可不填），便于工作人员回复您。',
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
