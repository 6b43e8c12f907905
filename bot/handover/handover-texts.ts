/**
 * What the citizen reads around a hand-over to a person: what staff will see, the 办不成事 window
 * when they decline, the confirmation with the case number and how to look it up, the notice when
 * nobody has replied yet, and the return to the bot. Places and hours come from the hall record.
 */
import type { Hall } from '../../knowledge/hall/schema.ts';
import { hotlineText } from '../../knowledge/hall/hall-facts.ts';
import { describeSpecialWindow, findSpecialWindow } from '../compose/hall-location.ts';

/** What is shared with staff when the citizen consents. */
export const SHARED_WITH_STAFF =
  '您与智能导办的全部对话、您填写的情况说明，以及您留下的联系电话（如填写）。这些信息只用于处理您反映的问题。';

/** The hall's own place for problems in person, with hours, if it has one. */
export function inPersonText(hall: Hall | undefined): string | undefined {
  if (!hall) return undefined;
  const window = findSpecialWindow(hall, '办不成事反映');
  const hours = window?.hours ?? hall.hours;
  const place = window ? `${describeSpecialWindow(window)}当面反映（办公时间：${hours}）` : undefined;
  const hotline = hotlineText(hall);
  return place ? `您可以到${place}，或拨打${hotline}。` : `您可以拨打${hotline}反映（办公时间：${hours}）。`;
}

export function declinedText(hall: Hall | undefined): string {
  return [
    '好的，未经您同意，我们不会把对话转给工作人员，也没有登记。',
    inPersonText(hall) ?? '您可以到大厅的办不成事反映窗口当面反映。',
  ].join('');
}

export function openedText(
  record: { number: string; category: string },
  lookup: 'phone' | 'code',
  expected: string,
): string {
  const how =
    lookup === 'phone'
      ? '可凭件号和手机号后四位查询办理进度。'
      : '您没有留联系电话，请记下页面上显示的查询码，凭件号和查询码查询办理进度。';
  return `已为您登记${record.category}，件号 ${record.number}。${how}${expected}`;
}

export function waitNoticeText(caseNumber: string, hall: Hall | undefined): string {
  return [
    `很抱歉让您久等，工作人员暂时还没有回复。您的件（件号 ${caseNumber}）已登记，不会丢失，您可以关闭页面，稍后凭件号查询。`,
    '如希望工作人员回电，请点“转人工”补充联系电话，工作人员会在工作时间内与您联系。',
    inPersonText(hall) ?? '',
  ].join('');
}

export const HANDED_BACK_TEXT =
  '工作人员已结束本次人工服务，您可以继续向智能导办提问。如还有问题，可以随时再转人工。';
export const RESOLVED_TEXT =
  '您的件已办结，感谢您的耐心。您可以继续向智能导办提问，也可以对本次服务进行评价。';

export function forwardedText(caseNumber: string, mode: 'waiting' | 'staff'): string {
  return mode === 'staff'
    ? `您的消息已转给正在为您服务的工作人员（件号 ${caseNumber}）。`
    : `您的消息已转给工作人员（件号 ${caseNumber}），请稍候。`;
}
