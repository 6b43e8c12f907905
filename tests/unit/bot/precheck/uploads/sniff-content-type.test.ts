import { describe, expect, it } from 'vitest';
import { sniffContentType } from '../../../../../bot/precheck/uploads/sniff-content-type.ts';
import { image, pdf, rejectedFiles, zipBomb } from '../../../../helpers/upload-samples.ts';

describe('sniffContentType', () => {
  it('knows JPEG, PNG, WebP and PDF by their first bytes', async () => {
    expect(sniffContentType(await image('jpeg'))).toBe('image/jpeg');
    expect(sniffContentType(await image('png'))).toBe('image/png');
    expect(sniffContentType(await image('webp'))).toBe('image/webp');
    expect(sniffContentType(await pdf(1))).toBe('application/pdf');
  });

  it.each(rejectedFiles)('knows nothing of $what', ({ bytes }) => {
    expect(sniffContentType(bytes)).toBeUndefined();
  });

  it('knows nothing of a zip bomb, an empty file, a RIFF that is not WebP, or a short prefix', () => {
    expect(sniffContentType(zipBomb())).toBeUndefined();
    expect(sniffContentType(Buffer.alloc(0))).toBeUndefined();
    expect(sniffContentType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeUndefined();
    expect(sniffContentType(Buffer.from('RIFF', 'latin1'))).toBeUndefined();
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
    expect(sniffContentType(Buffer.from('%PD'))).toBeUndefined();
  });
});
