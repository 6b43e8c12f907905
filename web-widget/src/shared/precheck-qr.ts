/**
 * The QR code on a pre-check result, drawn the way the kiosk draws a case's (kiosk/case-qr.ts). What
 * it holds depends on who scans it: shown on the citizen's own phone (or printed) it is for the
 * window clerk, so it opens the pre-check in the console (`consoleUrl`); on the hall screen it is for
 * the citizen's phone, so it opens the same result there (`/?precheck=NO&key=KEY`). Without either,
 * the bare pre-check number, which a scanner types into the console's search.
 */
import { renderQrCode } from '../kiosk/case-qr.ts';
import { precheckFollowUrl, type PrecheckResult } from './precheck-model.ts';

export type QrAudience = 'clerk' | 'phone';

export function precheckQrText(
  origin: string,
  result: PrecheckResult & { precheckNo: string },
  audience: QrAudience,
): string {
  const follow = result.noticeKey
    ? precheckFollowUrl(origin, result.precheckNo, result.noticeKey)
    : undefined;
  const target = audience === 'clerk' ? (result.consoleUrl ?? follow) : follow;
  return target ?? result.precheckNo;
}

export function renderPrecheckQr(
  origin: string,
  result: PrecheckResult & { precheckNo: string },
  audience: QrAudience,
): Element {
  const label =
    audience === 'clerk'
      ? `预审编号 ${result.precheckNo} 的二维码，供窗口工作人员扫描`
      : `预审编号 ${result.precheckNo} 的二维码，用手机扫描保存`;
  const code = renderQrCode(precheckQrText(origin, result, audience), label);
  code.setAttribute('class', 'precheck-qr');
  return code;
}
