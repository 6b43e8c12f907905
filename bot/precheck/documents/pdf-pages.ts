/**
 * A PDF's content page by page, through unpdf (PDF.js): the text layer of each page, and for a page
 * without one (a scan) the images drawn on it, so that they can be recognised like photos. Only the
 * first `maxPages` pages are opened; the upload limits have already refused longer files.
 */
import sharp from 'sharp';
import { extractImages, getDocumentProxy } from 'unpdf';

export interface PdfPage {
  /** The lines of the page's text layer, none for a scanned page. */
  lines: string[];
  /** PNG images of a page without text (the largest first), for recognition. */
  images: Buffer[];
}

export interface PdfContent {
  totalPages: number;
  pages: PdfPage[];
}

/** Images smaller than this (logos, stamps, rules) are not worth recognising on a scanned page. */
const MIN_IMAGE_PIXELS = 200 * 200;

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** A page's text items joined into lines where PDF.js marks a line end. */
async function pageLines(document: PdfDocument, pageNumber: number): Promise<string[]> {
  const page = await document.getPage(pageNumber);
  const content = await page.getTextContent();
  const lines: string[] = [];
  let current = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    current += item.str;
    if (item.hasEOL) {
      lines.push(current);
      current = '';
    }
  }
  lines.push(current);
  page.cleanup();
  return lines.map((line) => line.trim()).filter((line) => line !== '');
}

export async function readPdfPages(data: Uint8Array, maxPages: number): Promise<PdfContent> {
  const document = await getDocumentProxy(data);
  try {
    const count = Math.min(document.numPages, maxPages);
    const pages: PdfPage[] = [];
    for (let index = 0; index < count; index += 1) {
      const lines = await pageLines(document, index + 1);
      let images: Buffer[] = [];
      if (lines.length === 0) {
        const extracted = (await extractImages(document, index + 1))
          .filter((image) => image.width * image.height >= MIN_IMAGE_PIXELS)
          .sort((left, right) => right.width * right.height - left.width * left.height);
        images = await Promise.all(
          extracted.slice(0, 2).map((image) =>
            sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
              raw: { width: image.width, height: image.height, channels: image.channels },
            })
              .png()
              .toBuffer(),
          ),
        );
      }
      pages.push({ lines, images });
    }
    return { totalPages: document.numPages, pages };
  } finally {
    await document.destroy();
  }
}
