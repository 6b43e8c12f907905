/**
 * Text from one prepared image, whichever way up it was photographed. The image is read as it is
 * first; when that reading is poor (no document recognised, or characters read without confidence),
 * it is read again turned by quarter turns, starting with the likelier ones (text boxes taller than
 * wide mean the photo lies on its side), and the reading that best matches a document's printed
 * captions, or failing that has the most confidently read characters, is kept.
 */
import { classifyDocument, type DocumentClassification } from './classify-document.ts';
import { type QuarterTurn, turnImage } from './prepare-image.ts';

/** One recognised line: its text, the recogniser's mean confidence (0–1) and its four corners. */
export interface RecognisedLine {
  text: string;
  mean: number;
  box?: number[][];
}

/** The recogniser: a prepared image in, its text lines out (the worker wraps @gutenye/ocr-node). */
export interface TextRecogniser {
  detect(image: Buffer): Promise<RecognisedLine[]>;
}

export interface ImageText {
  lines: string[];
  classification: DocumentClassification;
  turn: QuarterTurn;
}

const boxSize = (box: number[][]) => ({
  width: Math.hypot(box[1][0] - box[0][0], box[1][1] - box[0][1]),
  height: Math.hypot(box[2][0] - box[1][0], box[2][1] - box[1][1]),
});

const centreY = (line: RecognisedLine) =>
  line.box ? line.box.reduce((sum, point) => sum + point[1], 0) / line.box.length : 0;
const leftX = (line: RecognisedLine) => (line.box ? Math.min(...line.box.map((point) => point[0])) : 0);

/** Lines top to bottom, and left to right within a row (rows within half a line height). */
export function inReadingOrder(lines: readonly RecognisedLine[]): RecognisedLine[] {
  const heights = lines.filter((line) => line.box).map((line) => boxSize(line.box!).height);
  const rowTolerance = heights.length ? [...heights].sort((a, b) => a - b)[heights.length >> 1] / 2 : 0;
  return [...lines].sort((left, right) => {
    const dy = centreY(left) - centreY(right);
    return Math.abs(dy) > rowTolerance ? dy : leftX(left) - leftX(right);
  });
}

/** Characters read with confidence, weighted by it: the tie-break when no document is recognised. */
const confidentCharacters = (lines: readonly RecognisedLine[]) =>
  lines.reduce((sum, line) => sum + (line.mean >= 0.6 ? [...line.text].length * line.mean : 0), 0);

/**
 * True when the text boxes do not have the shape of lines read the right way: taller than wide (the
 * photo lies on its side), or far too tall for the characters read from them (the recogniser has
 * joined several sideways lines into one).
 */
function liesOnItsSide(lines: readonly RecognisedLine[]): boolean {
  const shapes = lines
    .filter((line) => line.box && [...line.text].length >= 2)
    .map((line) => ({ ...boxSize(line.box!), characters: [...line.text].length }));
  const misshapen = shapes.filter(
    ({ width, height, characters }) =>
      height > width * 1.5 || (characters >= 4 && width < height * characters * 0.3),
  );
  return shapes.length > 0 && misshapen.length * 3 > shapes.length;
}

interface Attempt extends ImageText {
  recognised: RecognisedLine[];
  quality: number;
  good: boolean;
}

async function attempt(recogniser: TextRecogniser, image: Buffer, turn: QuarterTurn): Promise<Attempt> {
  const recognised = inReadingOrder(
    (await recogniser.detect(await turnImage(image, turn))).filter((line) => line.text.trim() !== ''),
  );
  const lines = recognised.map((line) => line.text.trim());
  const classification = classifyDocument(lines);
  const sideways = liesOnItsSide(recognised);
  return {
    lines,
    classification,
    turn,
    // Captions dominate; confident characters only separate readings that match no document.
    // Sideways text read in a jumbled order counts for half.
    quality: (classification.score * 100 + confidentCharacters(recognised)) * (sideways ? 0.5 : 1),
    // Text lying on its side is often still read, but in the wrong order: turn it upright.
    good: classification.type !== null && !sideways,
    recognised,
  };
}

/**
 * The turns to try after a poor upright reading, likeliest first. Text on its side is still read
 * when the recogniser's own turn of the upright-standing line boxes happens to suit it (the photo was
 * turned a quarter clockwise): then turning it a quarter back (270°) puts it upright; when the
 * sideways text came out as nonsense, the photo was turned the other way (90°).
 */
function nextTurns(upright: Attempt): QuarterTurn[] {
  if (!liesOnItsSide(upright.recognised)) return [180, 90, 270];
  return upright.classification.type !== null ? [270, 90, 180] : [90, 270, 180];
}

const result = ({ lines, classification, turn }: Attempt): ImageText => ({ lines, classification, turn });

export async function recogniseImage(recogniser: TextRecogniser, image: Buffer): Promise<ImageText> {
  const upright = await attempt(recogniser, image, 0);
  if (upright.good) return result(upright);
  // The first good reading is taken; when none is, the best of the four.
  const turns = nextTurns(upright);
  let best = upright;
  for (const turn of turns) {
    const next = await attempt(recogniser, image, turn);
    if (next.good) return result(next);
    if (next.quality > best.quality) best = next;
  }
  return result(best);
}
