/**
 * The notice PDF's font and QR code: the system's CJK font is found (or the setting's), a machine
 * without one gets a clear error instead of a PDF of empty boxes, and the QR code drawn in the PDF is
 * exactly the matrix of the console address it is given.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNoticeFontLoader } from '../../../../../bot/precheck/notice-pdf/notice-font.ts';
import { noticeFontCandidates } from '../../../../../bot/precheck/notice-pdf/find-cjk-font.ts';
import { renderNoticePdf } from '../../../../../bot/precheck/notice-pdf/render-notice-pdf.ts';
import { drawnQrRuns } from '../../../../helpers/pdf-qr.ts';
import type { PrecheckNotice } from '../../../../../bot/precheck/records/precheck-records.ts';

const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

const notice: PrecheckNotice = {
  precheckNo: 'YS261202-K7M3Q',
  hallName: '政务服务中心',
  item: { id: 'SHMS-001', name: '社会保障卡申领' },
  missing: [{ name: '居民身份证', note: '如现场人脸识别核验通过可不提交' }],
  invalid: [],
  deferrable: [{ name: '户口簿' }],
  exempt: [{ name: '近期免冠彩色证件照片', note: '窗口免费现场拍摄' }],
  matched: [],
  unrecognised: [],
  notice: '',
  fields: {},
  where: { zone: '二楼社会民生专区', window: 'C01号窗口', ticketCategory: '社会民生', hours: '9:00-17:00' },
  createdAt: '2026-12-02T02:00:00.000Z',
  expiresAt: '2027-01-01T02:00:00.000Z',
};

describe('the notice font', () => {
  it('takes the Simplified Chinese face of the system Noto Sans CJK first', () => {
    const [first] = noticeFontCandidates(undefined);
    expect(first).toEqual({ path: NOTO, family: 'NotoSansCJKsc-Regular' });
    expect(createNoticeFontLoader(undefined)().family).toBe('NotoSansCJKsc-Regular');
  });

  it('takes the setting first, with the face of a collection after #', () => {
    expect(noticeFontCandidates(`${NOTO}#NotoSansCJKtc-Regular`, [])).toEqual([
      { path: NOTO, family: 'NotoSansCJKtc-Regular' },
    ]);
    expect(createNoticeFontLoader(`${NOTO}#NotoSansCJKtc-Regular`, [])().family).toBe(
      'NotoSansCJKtc-Regular',
    );
  });

  it('says how to fix a machine without a Chinese font', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'no-fonts-'));
    writeFileSync(path.join(empty, 'NotoSansCJK-Regular.ttc'), 'not a font');
    expect(() => createNoticeFontLoader(undefined, [empty])()).toThrow(/NOTICE_FONT_PATH/);
    expect(() => createNoticeFontLoader(path.join(empty, 'missing.ttf'), [empty])()).toThrow(
      expect.objectContaining({ code: 'NOTICE_FONT_MISSING' }),
    );
  });
});

describe('the QR code of the notice', () => {
  it('is drawn as the module matrix of the console address', async () => {
    const consoleUrl = 'http://hall.example:3000/console/#/prechecks/YS261202-K7M3Q';
    const pdf = await renderNoticePdf(notice, {
      font: createNoticeFontLoader(undefined)(),
      consoleUrl,
      timeZone: 'Asia/Shanghai',
      compress: false,
    });
    const { drawn, expected } = drawnQrRuns(pdf.toString('latin1'), consoleUrl);
    expect(drawn.length).toBeGreaterThan(50);
    expect(drawn).toEqual(expected);
    const other = drawnQrRuns(pdf.toString('latin1'), consoleUrl.replace('K7M3Q', 'K7M3R'));
    expect(other.drawn).not.toEqual(other.expected);
  });
});
