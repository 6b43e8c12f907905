import { describe, expect, it } from 'vitest';
import { inspectUpload } from '../../../../../bot/precheck/uploads/inspect-upload.ts';
import { UploadError } from '../../../../../bot/precheck/uploads/upload-error.ts';
import { image, inflatedHeader, pdf, pngBomb, zipBomb } from '../../../../helpers/upload-samples.ts';

const limits = { maxBytes: 10 * 1024 * 1024, maxPixels: 40_000_000, maxSide: 10_000, maxPdfPages: 20 };

async function refusal(bytes: Buffer, custom = limits): Promise<string> {
  try {
    await inspectUpload(bytes, custom);
  } catch (error) {
    if (error instanceof UploadError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('inspectUpload', () => {
  it('reads the size of an image from its header and the pages of a PDF', async () => {
    expect(await inspectUpload(await image('png', 640, 480), limits)).toMatchObject({
      contentType: 'image/png',
      pages: 1,
      width: 640,
      height: 480,
    });
    expect(await inspectUpload(await pdf(20), limits)).toMatchObject({
      contentType: 'application/pdf',
      pages: 20,
    });
  });

  it('refuses a decompression bomb by its header: too many pixels, or a side too long', async () => {
    expect(await refusal(pngBomb(20_000, 20_000))).toBe('UPLOAD_IMAGE_TOO_LARGE');
    expect(await refusal(pngBomb(10_001, 10))).toBe('UPLOAD_IMAGE_TOO_LARGE');
    expect(await refusal(pngBomb(8000, 6000))).toBe('UPLOAD_IMAGE_TOO_LARGE');
    expect(await refusal(pngBomb(8000, 5000))).toBe('accepted');
  });

  it('reads the claimed size of a JPEG or WebP from its header, and refuses a bomb of either', async () => {
    expect(await refusal(await inflatedHeader('jpeg', 20_000, 20_000))).toBe('UPLOAD_IMAGE_TOO_LARGE');
    expect(await refusal(await inflatedHeader('webp', 16_000, 16_000))).toBe('UPLOAD_IMAGE_TOO_LARGE');
    await expect(inspectUpload(await inflatedHeader('jpeg', 4000, 3000), limits)).resolves.toMatchObject({
      width: 4000,
      height: 3000,
    });
  });

  it('follows the limits it is given', async () => {
    const small = { ...limits, maxBytes: 2048, maxPixels: 10_000, maxSide: 200, maxPdfPages: 2 };
    expect(await refusal(await image('jpeg', 150, 150), small)).toBe('UPLOAD_IMAGE_TOO_LARGE');
    expect(await refusal(await image('jpeg', 250, 10), small)).toBe('UPLOAD_IMAGE_TOO_LARGE');
    expect(await refusal(await pdf(3), { ...small, maxBytes: limits.maxBytes })).toBe(
      'UPLOAD_PDF_TOO_MANY_PAGES',
    );
    expect(await refusal(Buffer.alloc(4096), small)).toBe('UPLOAD_TOO_LARGE');
  });

  it('refuses other types, and files that only start like an image or PDF', async () => {
    expect(await refusal(zipBomb())).toBe('UPLOAD_TYPE_REJECTED');
    const png = await image('png');
    expect(await refusal(png.subarray(0, 20))).toBe('UPLOAD_UNREADABLE');
    expect(await refusal(Buffer.from('%PDF-1.4\n%%EOF'))).toBe('UPLOAD_UNREADABLE');
    // A WebP signature on a PNG body: the header must agree with the signature.
    const webp = Buffer.concat([Buffer.from('RIFF\x00\x00\x00\x00WEBP', 'latin1'), png]);
    expect(await refusal(webp)).toBe('UPLOAD_UNREADABLE');
  });
});
