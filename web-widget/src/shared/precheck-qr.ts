/**
 * The QR code on a pre-check result, drawn the way the kiosk draws a case's (kiosk/case-qr.ts): it
 * holds the address that opens the same result again (`/?precheck=NO&key=KEY`) when the result has
 * its key, else the bare pre-check number, which a window's scanner types into the console.
 */
import { renderQrCode } from '../kiosk/case-qr.ts';
import { precheckFollowUrl, type PrecheckResult } from './precheck-model.ts';

export function precheckQrText(origin: string, result: PrecheckResult & { precheckNo: string }): string {
  return result.noticeKey
    ? precheckFollowUrl(origin, result.precheckNo, result.noticeKey)
    : result.precheckNo;
}

export function renderPrecheckQr(origin: string, result: PrecheckResult & { precheckNo: string }): Element {
  const code = renderQrCode(precheckQrText(origin, result), `预审编号 ${result.precheckNo} 的二维码`);
  code.setAttribute('class', 'precheck-qr');
  return code;
}
