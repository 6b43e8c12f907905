/**
 * The two public calls of the hand-over to staff (docs/http-api.md): what the consent form shows,
 * and opening the case (or declining, which opens nothing and returns where the 办不成事 window is).
 */
import type { EscalationCategory } from '../../../bot/types.ts';

export interface HandOverInfo {
  expectedReply?: string;
  replyBy?: string;
  shared?: string;
}

export interface OpenedCase {
  number: string;
  status: string;
  deadline: string;
  category: string;
  lookup: 'phone' | 'code';
  phoneMasked?: string;
  lookupCode?: string;
  expectedReply?: string;
}

export type HandOverResult = { declined: true; message: string } | ({ declined?: false } & OpenedCase);

export const DEFAULT_SHARED = '您与智能导办的全部对话、您填写的说明和联系电话（如填写）';

export async function fetchHandOverInfo(): Promise<HandOverInfo> {
  try {
    const response = await fetch('/api/v1/handover');
    return response.ok ? ((await response.json()) as HandOverInfo) : {};
  } catch {
    return {};
  }
}

export async function submitHandOver(body: {
  sessionId: string;
  category: EscalationCategory;
  consent: boolean;
  phone?: string;
}): Promise<HandOverResult> {
  const response = await fetch('/api/v1/cases', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as HandOverResult & { error?: { message?: string } };
  if (!response.ok) throw new Error(data.error?.message ?? '提交失败，请到综合咨询窗口咨询工作人员。');
  return data;
}
