/**
 * One utterance may name several documents ("身份证户口本都带了", "身份证和结婚证", "房本、户口本还有
 * 两口子的身份证"): split it at conjunctions and list punctuation, then at word boundaries (jieba) where
 * one document word ends and another begins, so that each document is matched — or reported
 * unrecognised — on its own.
 *
 * Provenance: Chinese coordinating conjunctions and list punctuation (general:coordination); the
 * chatter around a list ("都带了", "我有") is the ordinary verbs of having and bringing.
 */
import { contentWords, isDictionaryWord } from '../../../knowledge/text/segment.ts';
import { HEAD_END } from './head-noun.ts';

const SEPARATORS = /[，,、；;/+＋\s]+|以及|还有|另外|外加|加上|或者|也有|还带了|都有|都带了/u;
/** One-character conjunctions: a separator only where they are not part of a word (赠与, 及时, 和解). */
const CONJUNCTION = /[和跟与及]/gu;
const LEADING =
  /^((我|我们|咱)(这边|这里)?(已经|都|也)?有|(我|我们|咱)?(这边|这里)?(已经|都|也)?(带了|带着|带来了|拿了|准备了|准备好了|提供了|提供))/u;
const TRAILING =
  /(我)?(都|也|已经)?(带齐了|带齐|带了|带来了|带着|有了|有|在|准备好了|准备了|拿来了|拿了|齐了)?(的|了|呢|啊)*$/u;
/** Words that say in which form a document is, never a document of their own. */
const FORM_WORD = /^(原件|复印件|复印|副本|正本|扫描件|电子版|影印件|一份|两份|各一份)$/u;

/** Splits at the one-character conjunctions that jieba's dictionary does not read as part of a word. */
function splitAtConjunctions(piece: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const match of piece.matchAll(CONJUNCTION)) {
    const at = match.index;
    const inWord =
      (at > 0 && isDictionaryWord(piece.slice(at - 1, at + 1))) ||
      (at + 1 < piece.length && isDictionaryWord(piece.slice(at, at + 2)));
    if (inWord) continue;
    parts.push(piece.slice(from, at));
    from = at + 1;
  }
  parts.push(piece.slice(from));
  return parts.map((part) => part.trim()).filter(Boolean);
}

export function trimChatter(text: string): string {
  return text.replace(LEADING, '').replace(TRAILING, '').trim();
}

/** A form about something ("社保卡申请表", "户口簿登记表") is one document with the thing as modifier. */
const FORM_ABOUT =
  /^(申请|登记|审批|申报|信息|情况|确认|变更|补领|补办|挂失|核对|注销|设立|备案)*(表|申请书|登记表|说明|授权书|委托书|承诺书|声明书|声明)$/u;

/** Splits a run with no separator at the word boundaries between two document words. */
function splitRun(run: string): string[] {
  const words = contentWords(run);
  if (words.join('') !== run.replace(/[^\p{Script=Han}a-z0-9]/gu, '')) return [run];
  const endsDocument = (word: string) => HEAD_END.test(word) && !FORM_WORD.test(word);
  const parts: string[] = [];
  let current = '';
  words.forEach((word, index) => {
    current += word;
    const rest = words.slice(index + 1);
    if (
      endsDocument(word) &&
      current.length >= 2 &&
      endsDocument(rest[rest.length - 1] ?? '') &&
      !FORM_WORD.test(rest[0] ?? '') &&
      !FORM_ABOUT.test(rest.join(''))
    ) {
      parts.push(current);
      current = '';
    }
  });
  if (current) {
    if (parts.length > 0 && (FORM_WORD.test(current) || !HEAD_END.test(current))) {
      parts[parts.length - 1] += current;
    } else {
      parts.push(current);
    }
  }
  return parts;
}

/**
 * The document phrases of an utterance. `isWhole` says whether a stretch is already one material's
 * name (a catalog name with 及/和/、 inside it, "营业执照正、副本"): such a stretch is not split.
 */
export function splitDocuments(text: string, isWhole: (phrase: string) => boolean): string[] {
  // A bracket only explains the name before it ("发票票种核定（数电发票开票额度确定）信息").
  const trimmed = trimChatter(text.replace(/[（(][^）)]*[）)]/gu, ''));
  if (!trimmed) return [];
  if (isWhole(trimmed)) return [trimmed];
  const pieces = trimmed
    .split(SEPARATORS)
    .flatMap((piece) => (isWhole(piece) ? [piece] : splitAtConjunctions(piece)))
    .map(trimChatter)
    .filter((piece) => piece.length > 0);
  const phrases: string[] = [];
  for (const piece of pieces) {
    // "户口本原件及复印件": a piece that only says the form belongs to the document before it.
    if (FORM_WORD.test(piece) && phrases.length > 0) phrases[phrases.length - 1] += piece;
    else phrases.push(...(isWhole(piece) ? [piece] : splitRun(piece)));
  }
  return phrases;
}
