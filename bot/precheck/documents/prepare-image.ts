/**
 * Photos as the recogniser needs them: turned upright from their EXIF orientation, flattened onto
 * white (a transparent PNG would otherwise be black), scaled to a working size (detection time grows
 * with the pixel count, and a phone photo has far more pixels than its text needs; a small scan is
 * enlarged so that its characters are not lost) and with the luminance stretched to the full range,
 * which restores a washed-out or dim photo and leaves a good one as it was.
 */
import sharp from 'sharp';

/** The longer side of the working image, in pixels. */
export const WORKING_SIZE = 1024;
/** Images whose longer side is below this are enlarged to it. */
export const MIN_WORKING_SIZE = 800;

export type QuarterTurn = 0 | 90 | 180 | 270;

/** The upright, scaled, normalised PNG of an image file or buffer; rejects what sharp cannot open. */
export async function prepareImage(input: string | Buffer): Promise<Buffer> {
  const image = sharp(input, { failOn: 'error', limitInputPixels: 100_000_000 });
  const { width = 0, height = 0 } = await image.metadata();
  const longer = Math.max(width, height);
  const target = Math.min(WORKING_SIZE, Math.max(MIN_WORKING_SIZE, longer));
  // A square box with fit "inside" gives the same size whichever way EXIF turns the photo.
  return image
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize({ width: target, height: target, fit: 'inside' })
    .normalise({ lower: 1, upper: 99 })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** The prepared image turned clockwise by a quarter turn or more. */
export async function turnImage(image: Buffer, turn: QuarterTurn): Promise<Buffer> {
  if (turn === 0) return image;
  return sharp(image).rotate(turn).png({ compressionLevel: 1 }).toBuffer();
}
