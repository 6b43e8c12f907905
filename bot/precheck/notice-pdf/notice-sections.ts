/**
 * The sections of the one-time notice (一次性告知书) as lines of text, in the order a citizen needs
 * them: what to prepare, what to correct, what need not be brought, what may follow later (容缺),
 * what is complete, then where to go. The PDF sets these lines; nothing here knows about layout.
 */
import { toLocalClock, toLocalDate } from '../../calendar/local-date.ts';
import type { PrecheckNotice } from '../records/precheck-records.ts';

export interface NoticeSection {
  title: string;
  lines: string[];
}

export const FIELD_LABELS: Record<string, string> = {
  idNumber: '身份证号码',
  idExpiry: '身份证有效期',
  creditCode: '统一社会信用代码',
  phone: '联系电话',
};

/** "2026年12月02日 19:05" in the hall's time zone. */
export function noticeTime(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  const [year, month, day] = toLocalDate(instant, timeZone).split('-');
  return `${year}年${month}月${day}日 ${toLocalClock(instant, timeZone)}`;
}

export function noticeSections(notice: PrecheckNotice): NoticeSection[] {
  const sections: NoticeSection[] = [];
  sections.push({
    title: notice.missing.length > 0 ? `还需准备（${notice.missing.length}项）` : '还需准备',
    lines:
      notice.missing.length > 0
        ? notice.missing.map(
            (material, index) =>
              `${index + 1}. ${material.name}${material.note ? `（${material.note}）` : ''}`,
          )
        : ['必要材料已齐全。'],
  });
  if (notice.invalid.length > 0) {
    sections.push({
      title: '需更正',
      lines: notice.invalid.map((field) => `${FIELD_LABELS[field.field] ?? field.field}：${field.reason}`),
    });
  }
  if (notice.exempt.length > 0) {
    sections.push({
      title: '免提交',
      lines: notice.exempt.map((material) => `${material.name}（${material.note}）`),
    });
  }
  if (notice.deferrable.length > 0) {
    sections.push({
      title: '容缺（告知承诺制）',
      lines: [
        ...notice.deferrable.map((material) => material.name),
        '以上材料可先受理，请在承诺期限内补交。',
      ],
    });
  }
  const complete = [...new Set(notice.matched.map((match) => match.material))];
  if (complete.length > 0) sections.push({ title: '已齐全', lines: complete });
  if (notice.unrecognised.length > 0) {
    sections.push({
      title: '未能对应的材料',
      lines: [`“${notice.unrecognised.join('”“')}”没有对应到本事项的材料清单，请以上面的清单为准。`],
    });
  }
  const fields = Object.entries(notice.fields).filter(([, value]) => value);
  if (fields.length > 0) {
    sections.push({
      title: '您填写的信息（已隐去部分号码）',
      lines: fields.map(([field, value]) => `${FIELD_LABELS[field] ?? field}：${value}`),
    });
  }
  const where = notice.where;
  sections.push({
    title: '办理地点和时间',
    lines: [
      `办理地点：${where.zone} ${where.window}`,
      ...(where.ticketCategory ? [`取号类别：${where.ticketCategory}`] : []),
      `办理时间：${where.hours}`,
      ...(where.address ? [`地址：${where.address}`] : []),
    ],
  });
  return sections;
}

/** The footer: what the number is for, how long it is kept, and that the window decides. */
export function noticeFooter(notice: PrecheckNotice, timeZone: string): string {
  return (
    `预审编号 ${notice.precheckNo} 是本次自助预审的记录编号，保留至${noticeTime(notice.expiresAt, timeZone)}。` +
    '到窗口办理时请出示本告知书或报出预审编号，工作人员扫描二维码或输入编号即可查看同一预审结果。' +
    '本告知书根据您提供的信息生成，材料以窗口受理审核为准；为保护个人信息，号码已部分隐去。'
  );
}
