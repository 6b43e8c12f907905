/**
 * Reads the QR code back out of a notice PDF: the page's drawing operators (inflated when the PDF is
 * compressed), the first rectangles (the QR code is drawn first) turned back into runs of modules,
 * to compare with the runs `qrcode` gives for the address the test expects.
 */
import { constants, inflateSync } from 'node:zlib';
import { qrRuns, type QrRun } from '../../bot/precheck/notice-pdf/qr-runs.ts';

/** The content streams of the PDF as text: raw, plus every Flate stream inflated. */
export function pdfOperators(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts = [raw];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      const inflated = inflateSync(pdf.subarray(start, end), { finishFlush: constants.Z_SYNC_FLUSH });
      const text = inflated.toString('latin1');
      if (/\bTf\b/.test(text)) parts.push(text);
    } catch {
      // Not a Flate stream.
    }
  }
  return parts.join('\n');
}

/** The runs of the QR code drawn in `operators`, read as `expectedUrl`'s code would be laid out. */
export function drawnQrRuns(operators: string, expectedUrl: string): { drawn: QrRun[]; expected: QrRun[] } {
  const expected = qrRuns(expectedUrl).runs;
  const rectangles = [...operators.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((match) =>
    match.slice(1, 5).map(Number),
  );
  const qr = rectangles.slice(0, expected.length);
  if (qr.length === 0) return { drawn: [], expected };
  const moduleSide = qr[0][3];
  const left = Math.min(...qr.map((rect) => rect[0]));
  const top = Math.min(...qr.map((rect) => rect[1]));
  const drawn = qr.map(([x, y, width]) => ({
    row: Math.round((y - top) / moduleSide),
    column: Math.round((x - left) / moduleSide),
    length: Math.round(width / moduleSide),
  }));
  return { drawn, expected };
}
