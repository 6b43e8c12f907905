/**
 * Fixed notices for two situations the catalog does not answer: a question about the progress of
 * one's own application (the assistant cannot see applications), and a message that holds nothing
 * but personal data (which is never repeated and belongs in the hand-over form).
 */
import type { ServiceItem } from '../../knowledge/catalog/schema.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import { HAND_OVER_REPLY, type Composed } from './composed.ts';

export function composeProgressAnswer(hall: Hall, item?: ServiceItem): Composed {
  const about = item ? `“${item.name}”的` : '';
  return {
    answer: [
      `抱歉，我看不到您个人${about}办件信息，无法查询办理进度。您可以这样查询：`,
      `1. 登录山东省政务服务网或爱山东APP，在“我的办件”中查看；`,
      `2. 凭受理回执上的件号，到${item ? `${item.window}号窗口` : '原受理窗口'}或一楼综合咨询窗口（Z01）询问；`,
      `3. 拨打${hall.phone}政务服务便民热线。`,
      '如果已超过承诺时限仍没有结果，可以点“转人工”或到一楼“办不成事”反映窗口（Z03）反映。',
    ].join('\n'),
    citations: [{ source: 'hall', title: hall.name, locator: '咨询方式' }],
    quickReplies: [HAND_OVER_REPLY],
  };
}

export function composePersonalDataNotice(): Composed {
  return {
    answer: [
      '为保护您的个人信息，我不会记录或显示您发送的证件号码、手机号码。',
      '如需工作人员联系您，请点“转人工”，在登记表中填写联系电话并勾选同意。',
      '如果想咨询办事，请直接告诉我要办的事。',
    ].join('\n'),
    citations: [],
    quickReplies: [HAND_OVER_REPLY],
  };
}
