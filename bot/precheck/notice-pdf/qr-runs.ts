/**
 * The QR code of a notice as runs of dark modules, row by row, so that the PDF draws it as a few
 * vector rectangles (sharp at any print size, no image to embed). A test regenerates the runs for
 * the URL it expects and compares.
 */
import QRCode from 'qrcode';

export interface QrRun {
  row: number;
  column: number;
  length: number;
}

export interface QrRuns {
  /** Modules per side (without the quiet zone). */
  size: number;
  runs: QrRun[];
}

export function qrRuns(text: string): QrRuns {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: QrRun[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let start = -1;
    for (let column = 0; column <= modules.size; column += 1) {
      const dark = column < modules.size && modules.get(row, column) === 1;
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push({ row, column: start, length: column - start });
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}
