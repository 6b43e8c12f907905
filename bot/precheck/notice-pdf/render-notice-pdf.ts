/**
 * Renders the one-time notice (一次性告知书) of a stored pre-check as an A4 PDF with pdfkit, set in
 * the system's CJK font: the hall, the title, the pre-check number with a QR code of the console
 * address where a window clerk opens the same result, the sections, where to go and the footer.
 * The QR code is drawn as vector rectangles from its module matrix.
 */
import PDFDocument from 'pdfkit';
import type { PrecheckNotice } from '../records/precheck-records.ts';
import type { LoadedNoticeFont } from './notice-font.ts';
import { noticeFooter, noticeSections, noticeTime } from './notice-sections.ts';
import { qrRuns } from './qr-runs.ts';

export interface RenderNoticeOptions {
  font: LoadedNoticeFont;
  /** What the QR code opens: the console's page of this pre-check. */
  consoleUrl: string;
  timeZone: string;
  /** Uncompressed content streams (tests read the drawing operators). */
  compress?: boolean;
}

const MARGIN = 56;
const QR_SIDE = 104;

function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number): void {
  const { size, runs } = qrRuns(url);
  // Four modules of quiet zone on each side, as the standard asks.
  const module = QR_SIDE / (size + 8);
  const origin = { x: x + 4 * module, y: y + 4 * module };
  for (const run of runs) {
    doc.rect(origin.x + run.column * module, origin.y + run.row * module, run.length * module, module);
  }
  doc.fillColor('#000000').fill();
}

export function renderNoticePdf(notice: PrecheckNotice, options: RenderNoticeOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: `一次性告知书 ${notice.precheckNo}`, Author: notice.hallName, Subject: notice.item.name },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  if (options.font.family) doc.registerFont('notice', options.font.data, options.font.family);
  else doc.registerFont('notice', options.font.data);
  doc.font('notice');

  const pageWidth = doc.page.width;
  const contentWidth = pageWidth - 2 * MARGIN;
  const qrX = pageWidth - MARGIN - QR_SIDE;
  const headerWidth = contentWidth - QR_SIDE - 16;

  drawQr(doc, options.consoleUrl, qrX, MARGIN - 8);
  doc
    .fillColor('#444444')
    .fontSize(8)
    .text('窗口工作人员扫码查看', qrX, MARGIN - 8 + QR_SIDE + 2, { width: QR_SIDE, align: 'center' });

  doc.fillColor('#444444').fontSize(11).text(notice.hallName, MARGIN, MARGIN, { width: headerWidth });
  doc.moveDown(0.3);
  doc.fillColor('#000000').fontSize(24).text('一次性告知书', { width: headerWidth });
  doc.moveDown(0.4);
  doc.fontSize(12).text(`预审编号：${notice.precheckNo}`, { width: headerWidth });
  doc
    .fontSize(11)
    .text(`预审时间：${noticeTime(notice.createdAt, options.timeZone)}`, { width: headerWidth });
  doc.text(`办理事项：${notice.item.name}（事项编码 ${notice.item.id}）`, { width: headerWidth });

  doc.y = Math.max(doc.y, MARGIN + QR_SIDE + 12) + 10;
  for (const section of noticeSections(notice)) {
    doc.moveDown(0.6);
    doc.fillColor('#000000').fontSize(13).text(section.title, MARGIN, doc.y, { width: contentWidth });
    const ruleY = doc.y + 2;
    doc
      .moveTo(MARGIN, ruleY)
      .lineTo(MARGIN + contentWidth, ruleY)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.y = ruleY + 5;
    doc.fontSize(11);
    for (const line of section.lines) {
      doc.text(line, MARGIN + 12, doc.y, { width: contentWidth - 12, lineGap: 2 });
    }
  }

  doc.moveDown(1.2);
  doc
    .fillColor('#444444')
    .fontSize(9)
    .text(noticeFooter(notice, options.timeZone), MARGIN, doc.y, { width: contentWidth, lineGap: 2 });
  doc.end();
  return done;
}
