/**
 * Checks an upload against the limits without decoding it: the type from its bytes, an image's
 * size from its header (sharp's `metadata()` reads the header only, so a decompression bomb — a
 * small file that would decode to billions of pixels — is refused before any pixel is made), and a
 * PDF's page count from its cross-reference table (unpdf, no page rendered).
 */
import sharp from 'sharp';
import { getDocumentProxy } from 'unpdf';
import type { UploadContentType } from '../documents/document-reader.ts';
import { tooLarge, typeRejected, UploadError } from './upload-error.ts';
import type { UploadLimits } from './upload-limits.ts';
import { sniffContentType } from './sniff-content-type.ts';

export interface InspectedUpload {
  contentType: UploadContentType;
  bytes: number;
  /** 1 for an image. */
  pages: number;
  width?: number;
  height?: number;
}

const SHARP_FORMAT: Record<string, UploadContentType> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

const unreadable = (what: string) =>
  new UploadError('UPLOAD_UNREADABLE', `无法读取该${what}，文件可能已损坏，请重新拍摄或导出后再上传。`);

async function inspectImage(
  bytes: Buffer,
  contentType: UploadContentType,
  limits: UploadLimits,
): Promise<InspectedUpload> {
  let metadata: sharp.Metadata;
  try {
    // Header only: nothing is decoded here, so the size is checked below with the real figures.
    metadata = await sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch {
    throw unreadable('照片');
  }
  const { width, height } = metadata;
  if (!width || !height || SHARP_FORMAT[metadata.format ?? ''] !== contentType) throw unreadable('照片');
  if (width * height > limits.maxPixels || Math.max(width, height) > limits.maxSide) {
    throw new UploadError(
      'UPLOAD_IMAGE_TOO_LARGE',
      `照片尺寸过大（${width}×${height}），请上传长边不超过 ${limits.maxSide} 像素、` +
        `总像素不超过 ${Math.floor(limits.maxPixels / 1_000_000)} 百万的照片。`,
    );
  }
  return { contentType, bytes: bytes.length, pages: 1, width, height };
}

async function inspectPdf(bytes: Buffer, limits: UploadLimits): Promise<InspectedUpload> {
  let pages: number;
  try {
    // A copy: the PDF reader may take over (detach) the buffer it is given.
    const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
    pages = document.numPages;
    await document.destroy();
  } catch {
    throw unreadable(' PDF 文件');
  }
  if (pages < 1) throw unreadable(' PDF 文件');
  if (pages > limits.maxPdfPages) {
    throw new UploadError(
      'UPLOAD_PDF_TOO_MANY_PAGES',
      `PDF 文件页数过多（${pages} 页），请只上传所需的页面，不超过 ${limits.maxPdfPages} 页。`,
    );
  }
  return { contentType: 'application/pdf', bytes: bytes.length, pages };
}

export async function inspectUpload(bytes: Buffer, limits: UploadLimits): Promise<InspectedUpload> {
  if (bytes.length > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const contentType = sniffContentType(bytes);
  if (!contentType) throw typeRejected();
  if (contentType === 'application/pdf') return inspectPdf(bytes, limits);
  return inspectImage(bytes, contentType, limits);
}
