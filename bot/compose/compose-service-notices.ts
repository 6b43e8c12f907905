/**
 * Fixed notices for two situations the catalog does not answer: a question about the progress of
 * one's own application (the assistant cannot see applications), and a message that holds nothing
 * but personal data (which is never repeated and belongs in the hand-over form).
 */
import type { ServiceItem } from '../../knowledge/catalog/schema.ts';
import { hotlineText, joinAlternatives, progressPortals } from '../../knowledge/hall/hall-facts.ts';
import type { Hall } from '../../knowledge/hall/schema.ts';
import { HAND_OVER_REPLY, type Composed } from './composed.ts';
import { describeSpecialWindow, findSpecialWindow } from './hall-location.ts';

/**
 * Where to look up an application, from the hall's own facts: its portals (none named when the hall
 * lists none), other ways it offers, the window that took the application or the 综合咨询 window,
 * the hotline, and the 办不成事反映 window when the promised time has passed.
 */
export function composeProgressAnswer(hall: Hall, item?: ServiceItem): Composed {
  const about = item ? `“${item.name}”的` : '';
  const ways: string[] = [];
  const portals = progressPortals(hall);
  if (portals.length > 0) {
    const section = hall.progressLookup?.section;
    const names = joinAlternatives(portals.map((portal) => portal.name));
    ways.push(`登录${names}，${section ? `在“${section}”中查看` : '查看办件进度'}`);
  }
  ways.push(...(hall.progressLookup?.other ?? []).map((way) => way.replace(/[。；;，,.\s]+$/u, '')));
  const consulting = findSpecialWindow(hall, '综合咨询');
  const receivedAt = item ? windowPhrase(item.window) : '原受理窗口';
  ways.push(
    `凭受理回执上的件号，到${receivedAt}${consulting ? `或${describeSpecialWindow(consulting)}` : ''}询问`,
  );
  ways.push(`拨打${hotlineText(hall)}`);
  const report = findSpecialWindow(hall, '办不成事反映');
  return {
    answer: [
      `抱歉，我看不到您个人${about}办件信息，无法查询办理进度。您可以这样查询：`,
      ...ways.map((way, index) => `${index + 1}. ${way}${index === ways.length - 1 ? '。' : '；'}`),
      `如果已超过承诺时限仍没有结果，可以点“转人工”${report ? `或到${describeSpecialWindow(report)}` : ''}反映。`,
    ].join('\n'),
    citations: [{ source: 'hall', title: hall.name, locator: '咨询方式' }],
    quickReplies: [HAND_OVER_REPLY],
  };
}

/** "A01-A04号窗口"; a catalog field that already says 窗口 is kept as written. */
const windowPhrase = (window: string): string => (/窗口/.test(window) ? window : `${window}号窗口`);

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
