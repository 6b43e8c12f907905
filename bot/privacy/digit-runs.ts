/**
 * Splits text into runs of written digits: groups of digits (ASCII, full-width, Chinese numerals)
 * joined by short separators (spaces, dots, dashes, zero-width characters), each digit with its
 * offset in the original text. A group also ends where the script changes (139一二三四…), and each
 * Chinese numeral is a group of its own, so a number glued to a following 一定 or 两天 can still be
 * told apart. Detection works on these runs and
 * maps every match back to the characters the citizen typed.
 */
import {
  isCheckLetter,
  isLatinLetter,
  isSeparator,
  isWrittenDigit,
  readDigit,
  type DigitScript,
} from './digit-characters.ts';

export interface DigitGroup {
  /** Normalised digits ('0'–'9', and a final 'X' for an ID number's check character). */
  digits: string;
  /** Offset in the original text of each digit's first UTF-16 unit. */
  offsets: number[];
  /** Offset just after the group's last character. */
  end: number;
}

export interface DigitRun {
  groups: DigitGroup[];
  /** A Latin letter touches the run's first digit (a code such as QYKB001 or BCS20261127). */
  gluedBefore: boolean;
  /** A Latin letter touches the run's last digit. */
  gluedAfter: boolean;
}

/** At most this many separator characters between two groups of one number. */
const MAX_SEPARATORS = 3;

interface Character {
  value: string;
  offset: number;
}

function charactersOf(text: string): Character[] {
  const characters: Character[] = [];
  let offset = 0;
  for (const value of text) {
    characters.push({ value, offset });
    offset += value.length;
  }
  return characters;
}

export function digitRuns(text: string): DigitRun[] {
  const characters = charactersOf(text);
  const runs: DigitRun[] = [];
  let run: DigitRun | undefined;
  let group: (DigitGroup & { script: DigitScript }) | undefined;
  let separators = 0;

  const closeGroup = () => {
    if (run && group) run.groups.push({ digits: group.digits, offsets: group.offsets, end: group.end });
    group = undefined;
  };
  const closeRun = (gluedAfter: boolean) => {
    closeGroup();
    if (run) runs.push({ ...run, gluedAfter });
    run = undefined;
    separators = 0;
  };

  characters.forEach((character, index) => {
    const end = character.offset + character.value.length;
    const reading = readDigit(character.value);
    if (reading) {
      if (!run) {
        const before = characters[index - 1];
        run = {
          groups: [],
          gluedBefore: before !== undefined && isLatinLetter(before.value),
          gluedAfter: false,
        };
      } else if (
        group &&
        (separators > 0 || group.script !== reading.script || reading.script === 'chinese')
      ) {
        closeGroup();
      }
      group ??= { digits: '', offsets: [], end, script: reading.script };
      group.digits += reading.digit;
      group.offsets.push(character.offset);
      group.end = end;
      separators = 0;
      return;
    }
    const next = characters[index + 1]?.value;
    const endsCheckLetter =
      run !== undefined &&
      isCheckLetter(character.value) &&
      (next === undefined || (!isLatinLetter(next) && !isWrittenDigit(next)));
    if (endsCheckLetter && run) {
      if (separators > 0) closeGroup();
      group ??= { digits: '', offsets: [], end, script: 'arabic' };
      group.digits += 'X';
      group.offsets.push(character.offset);
      group.end = end;
      closeRun(false);
      return;
    }
    if (run && isSeparator(character.value)) {
      separators += 1;
      if (separators > MAX_SEPARATORS) closeRun(false);
      return;
    }
    if (run) closeRun(separators === 0 && isLatinLetter(character.value));
  });
  closeRun(false);
  return runs;
}
