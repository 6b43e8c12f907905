/**
 * The rules a staff password must pass, each with the Chinese message that names it: at least
 * MIN_PASSWORD_LENGTH characters, not one character (or a two-character pair) repeated, not a
 * keyboard or digit run (1234567890, qwertyuiop, 1qaz2wsx …), not containing the username, and not
 * on the built-in list of common passwords (`data/common-passwords.txt`, sources in its header).
 */
import { readFileSync } from 'node:fs';
import { UserInputError } from './errors/user-input-error.ts';

export const MIN_PASSWORD_LENGTH = 10;

export type PasswordRule = 'length' | 'repeated' | 'sequence' | 'username' | 'common';

export const PASSWORD_RULE_MESSAGES: Record<PasswordRule, string> = {
  length: `密码至少 ${MIN_PASSWORD_LENGTH} 位。`,
  repeated: '密码不能由同一个字符（或两个字符）反复组成，如 aaaaaaaaaa。',
  sequence: '密码不能是键盘或数字的连续顺序，如 1234567890、qwertyuiop。',
  username: '密码不能包含用户名。',
  common: '这个密码过于常见，很容易被猜中，请换一个。',
};

/** Rows of the keyboard, columns (1qaz…), digits and letters: a run along any of them is trivial. */
const RUNS = [
  '1234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  'abcdefghijklmnopqrstuvwxyz',
];

/** Each character's successors along the runs, in both directions. */
const NEXT = new Map<string, Set<string>>();
for (const run of RUNS) {
  for (const line of [run, [...run].reverse().join('')]) {
    for (let index = 0; index + 1 < line.length; index += 1) {
      const set = NEXT.get(line[index]) ?? new Set<string>();
      set.add(line[index + 1]);
      NEXT.set(line[index], set);
    }
  }
}
// 0 follows 9 and 1 follows 0 in digit runs (…7890, 0123…).
NEXT.get('0')?.add('1');
NEXT.get('1')?.add('0');

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line && !line.startsWith('#')),
  );
  return common;
}

/** Most steps of the password go to a neighbour along a run (qwerty1234, 9876543210, 1qaz2wsx3edc). */
function isSequence(password: string): boolean {
  const characters = [...password];
  let steps = 0;
  for (let index = 0; index + 1 < characters.length; index += 1) {
    if (NEXT.get(characters[index])?.has(characters[index + 1])) steps += 1;
  }
  return steps >= 0.8 * (characters.length - 1);
}

/** The first rule the password breaks, or undefined when it passes them all. */
export function brokenPasswordRule(password: string, username?: string): PasswordRule | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'length';
  const lower = password.normalize('NFKC').toLowerCase();
  if (new Set(lower).size <= 2) return 'repeated';
  if (isSequence(lower)) return 'sequence';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return 'username';
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  const list = commonPasswords();
  if (list.has(lower) || (core.length >= 4 && list.has(core))) return 'common';
  return undefined;
}

/** Throws USER_INVALID with the message of the rule the password breaks. */
export function assertPasswordAllowed(password: string, username?: string): void {
  const rule = brokenPasswordRule(password, username);
  if (rule) throw new UserInputError(`Password refused: ${rule}.`, PASSWORD_RULE_MESSAGES[rule]);
}
