/**
 * An answer as the hall screen's guide says it: markup, links and brackets dropped, numbers and
 * window codes read as a person reads them (C14-C16号窗口 → C十四到C十六号窗口), personal numbers
 * (身份证号, 手机号) never read out but named as withheld, ASCII punctuation turned into the Chinese
 * pauses the speech engine understands. `spokenText` is idempotent: a sentence it produced gives
 * itself back, so the plan's per-sentence addresses name exactly the sentence they return.
 */
import { readNumbers } from './read-numbers.ts';

export const WITHHELD_ID = '身份证号已隐去';
export const WITHHELD_PHONE = '手机号已隐去';
export const WITHHELD_NUMBER = '号码已隐去';

// An optional naming word before the number, so that "手机号138…" becomes "手机号已隐去".
const ID_NUMBER = /(身份证(?:号码?)?\s*[：:为是]?\s*)?(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
const MOBILE =
  /((?:手机号码?|手机|联系电话|电话号码?|电话)\s*[：:为是]?\s*)?(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g;
const MASKED_NUMBER = /[\dXx]{2,}[*＊•]{3,}[\dXx]{2,}/g;
const URL =
  /(?:(?:详见|请访问|访问|登录|网址)\s*[：:]?\s*)?(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

const ASCII_PUNCTUATION: Record<string, string> = {
  ',': '，',
  '!': '！',
  '?': '？',
  ';': '；',
  ':': '：',
};

/** Withholds personal numbers; runs before anything else reads digits. */
function withholdPersonalNumbers(text: string): string {
  return text
    .replace(MASKED_NUMBER, `，${WITHHELD_NUMBER}，`)
    .replace(ID_NUMBER, (_m, named?: string) => (named ? '身份证号已隐去，' : `，${WITHHELD_ID}，`))
    .replace(MOBILE, (_m, named?: string) => (named ? '手机号已隐去，' : `，${WITHHELD_PHONE}，`));
}

function dropMarkup(text: string): string {
  return (
    text
      .replace(/<[^>\n]{1,200}>/g, ' ')
      .replace(/```[^`]*```/g, ' ')
      // Line starts: headings, quotes, list bullets and list numbers.
      .replace(/^[ \t]*(?:#{1,6}|>+|[-*+•·●▪]|\d{1,2}[.)、）](?!\d))[ \t]*/gm, '')
      .replace(/^[ \t]*[（(]\d{1,2}[)）][ \t]*/gm, '')
      .replace(/[*_`#|]+/g, ' ')
      .replace(/[】〕」』](?=[^\n，。！？；：、])/g, '，')
      .replace(/[【】《》「」『』〔〕[\]{}<>〈〉“”"‘’']/g, '')
      .replace(/[（(]/g, '，')
      .replace(/[)）]/g, '，')
  );
}

/** Punctuation the engine pauses on, and nothing it would spell out. */
function tidyPunctuation(text: string): string {
  return (
    text
      .replace(/[,!?;:]/g, (mark) => ASCII_PUNCTUATION[mark])
      // A full stop after a word or at a line end (decimals were read already).
      .replace(/\.(?=\s|$|[\u4e00-\u9fff])/g, '。')
      .replace(/(?<=[\u4e00-\u9fff])\s*\/\s*(?=[\u4e00-\u9fff])/g, '或')
      .replace(/[&＆]/g, '和')
      .replace(/[+＋]/g, '加')
      .replace(/[→⇒➜—–-]+/g, '，')
      .replace(/…+|\.{2,}/g, '。')
      // Anything else that is no letter, digit, Han character, pause or line break is dropped.
      .replace(/[^\p{Script=Han}A-Za-z0-9\n ，。！？；：、]/gu, ' ')
      .replace(/[ \t]+/g, ' ')
      .replace(/(?<=[\p{Script=Han}，。！？；：、]) | (?=[\p{Script=Han}，。！？；：、])/gu, '')
      .replace(/ *\n[\s\n]*/g, '\n')
      .replace(/[，：、]*([。！？；])[，。！？；：、]*/g, '$1')
      .replace(/([，：、])[，：、]+/g, '$1')
      .replace(/^[，。！？；：、\s]+/gm, '')
      .replace(/[，：、]+$/gm, '')
      .trim()
  );
}

/** The text to speak for `text`; empty when nothing speakable is left. */
export function spokenText(text: string): string {
  const normalised = text.normalize('NFKC').replace(/\r\n?/g, '\n');
  const unlinked = normalised.replace(URL, ' ').replace(EMAIL, ' ');
  return tidyPunctuation(readNumbers(dropMarkup(withholdPersonalNumbers(unlinked))));
}
