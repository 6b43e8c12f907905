/**
 * Finds and masks personal data in free text (identity numbers, mobile and landline numbers, bank
 * cards) before a message is stored in a log, shown to staff or counted in analytics. Detection
 * reads numbers the way people write them — grouped (440103 1995 0620 2222, 1391 2340 003), with
 * dots or dashes, in full-width digits or Chinese numerals (一三九…), with zero-width characters in
 * between — and maps every match back to the original characters, so the masked text keeps the
 * rest of the message as it was written.
 */
import { digitRuns, type DigitRun } from './digit-runs.ts';
import {
  classifyDigits,
  LONGEST_SHAPE,
  maskDigits,
  type NumberShape,
  type PersonalDataKind,
} from './number-shapes.ts';

export type { PersonalDataKind } from './number-shapes.ts';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** UTF-16 offsets into the original text, `end` exclusive. */
  start: number;
  end: number;
  /** False for look-alikes masked out of caution (e.g. an ID number with a wrong check digit). */
  valid: boolean;
  /** The number as normalised digits (a mobile without its 86 / 0086 prefix). */
  digits: string;
}

interface Plan {
  covered: number;
  matches: PersonalDataMatch[];
}

function matchOf(run: DigitRun, first: number, last: number, shape: NumberShape, digits: string) {
  const offsets = run.groups.slice(first, last + 1).flatMap((group) => group.offsets);
  return {
    kind: shape.kind,
    start: offsets[shape.prefixLength],
    end: run.groups[last].end,
    valid: shape.valid,
    digits: digits.slice(shape.prefixLength),
  };
}

/**
 * The best reading of one run: the spans of whole groups that are personal numbers, chosen to
 * cover as many digits as possible (two phone numbers side by side are two numbers, not one).
 */
function readRun(run: DigitRun): PersonalDataMatch[] {
  const count = run.groups.length;
  const best: Plan[] = [{ covered: 0, matches: [] }];
  for (let last = 0; last < count; last += 1) {
    let plan = best[last];
    let digits = '';
    for (let first = last; first >= 0; first -= 1) {
      digits = run.groups[first].digits + digits;
      if (digits.length > LONGEST_SHAPE) break;
      if ((first === 0 && run.gluedBefore) || (last === count - 1 && run.gluedAfter)) continue;
      if (digits.slice(0, -1).includes('X')) continue;
      const shape = classifyDigits(digits);
      if (!shape) continue;
      const covered = best[first].covered + digits.length;
      if (covered > plan.covered) {
        plan = { covered, matches: [...best[first].matches, matchOf(run, first, last, shape, digits)] };
      }
    }
    best.push(plan);
  }
  return best[count].matches;
}

/** All personal data in `text`, in order of appearance, never overlapping. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  return digitRuns(text).flatMap(readRun);
}

/** `text` with every personal number masked: 110101********1234, 138****5678, 6222**********1234. */
export function maskPersonalData(text: string): string {
  let result = '';
  let cursor = 0;
  for (const match of findPersonalData(text)) {
    result += text.slice(cursor, match.start) + maskDigits(match.kind, match.digits);
    cursor = match.end;
  }
  return result + text.slice(cursor);
}
