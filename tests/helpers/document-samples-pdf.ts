/**
 * PDF samples for the reader: a licence with a text layer (pdfkit, Noto Sans CJK), a scan (the same
 * kind of document as a page image, no text), and a page with neither.
 */
import PDFDocument from 'pdfkit';

const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

function render(draw: (document: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const document = new PDFDocument({ size: 'A4', margin: 56 });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });
  draw(document);
  document.end();
  return done;
}

/** One page per entry, each a list of text lines. */
export function textPdf(pages: readonly (readonly string[])[]): Promise<Buffer> {
  return render((document) => {
    document.registerFont('cjk', CJK_FONT, 'NotoSansCJKsc-Regular');
    document.font('cjk').fontSize(14);
    pages.forEach((lines, index) => {
      if (index > 0) document.addPage();
      for (const line of lines) document.text(line).moveDown(0.5);
    });
  });
}

/** A scanned page: the image only. */
export function scannedPdf(image: Buffer): Promise<Buffer> {
  return render((document) => {
    document.image(image, 56, 56, { width: 480 });
  });
}

/** A page with nothing on it but a drawn frame. */
export function emptyPdf(): Promise<Buffer> {
  return render((document) => {
    document.rect(56, 56, 480, 300).stroke();
  });
}
