/**
 * Numbers as a Mandarin speaker reads them aloud in a service hall: amounts and counts as cardinals
 * (20 → 二十, 105 → 一百零五), years and telephone numbers digit by digit (2026年 → 二零二六年,
 * 12345 → 幺二三四五), clock times (9:00 → 九点, 13:30 → 十三点三十分), percentages and decimals,
 * and 两 for a count of two before a measure word (2个 → 两个). The speech engine reads Arabic
 * digits unevenly, so the spoken text carries none.
 */

const DIGITS = '零一二三四五六七八九';
const PHONE_DIGITS = '零幺二三四五六七八九';
const SMALL_UNITS = ['', '十', '百', '千'];
const GROUP_UNITS = ['', '万', '亿', '万亿'];
/** Measure words after which a count of two is 两 rather than 二. */
const TWO_BEFORE_MEASURE = /(?<![\d第.])2(?=[个份张次本项件天年人名位页周种条户套])/g;

/** 0–9999 in full ("一千零五"), without the 一 of 一十 dropped. */
function fourDigits(value: number): string {
  const digits = String(value).padStart(4, '0').split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, index) => {
    const unit = SMALL_UNITS[3 - index];
    if (digit === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[digit] + unit;
  });
  return out;
}

/** A whole number as a cardinal: 0 → 零, 14 → 十四, 10086 → 一万零八十六. */
export function readCardinal(digits: string): string {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  if (trimmed.length > 16) return readDigitByDigit(trimmed, DIGITS);
  let value = BigInt(trimmed);
  if (value === 0n) return '零';
  const groups: number[] = [];
  while (value > 0n) {
    groups.push(Number(value % 10000n));
    value /= 10000n;
  }
  let out = '';
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    const group = groups[index];
    if (group === 0) continue;
    const needsZero = out !== '' && (group < 1000 || groups[index + 1] === 0);
    out += (needsZero ? '零' : '') + fourDigits(group) + GROUP_UNITS[index];
  }
  // 十四, not 一十四, when the number starts with ten.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** Each digit on its own; `alphabet` picks 幺 or 一 for one. */
export function readDigitByDigit(digits: string, alphabet: string = PHONE_DIGITS): string {
  return digits.replace(/\d/g, (digit) => alphabet[Number(digit)]);
}

const clock = (hours: string, minutes: string) => {
  const minute = Number(minutes);
  const spokenMinutes =
    minute === 0 ? '' : minute < 10 ? `零${readCardinal(minutes)}分` : `${readCardinal(minutes)}分`;
  return `${readCardinal(hours)}点${spokenMinutes}`;
};

/**
 * Replaces every Arabic number of `text` with its reading. Dashes and tildes between two numbers
 * (also with a window letter: C14-C16) become 到; a telephone number's dash is a pause.
 */
export function readNumbers(text: string): string {
  return (
    text
      // ISO dates: 2026-12-02 → 2026年12月2日, read below.
      .replace(/(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g, (_m, y: string, mo: string, d: string) => {
        return `${y}年${Number(mo)}月${Number(d)}日`;
      })
      // Landline and hotline numbers with an area code: digit by digit, the dash a short pause.
      .replace(/(?<![\d-])(0\d{2,3})-(\d{7,8})(?![\d-])/g, (_m, area: string, local: string) => {
        return `${readDigitByDigit(area)}，${readDigitByDigit(local)}`;
      })
      // Window codes with a dash: A-05 → A05.
      .replace(/(?<![A-Za-z])([A-Za-z])\s*-\s*(?=\d)/g, '$1')
      // Ranges: 3-5个工作日, C14-C16号, 9:00-12:00.
      .replace(
        /([A-Za-z]?\d+(?:[.:：]\d+)?)\s*(?:-|–|—|~|～|至)\s*(?=[A-Za-z]?\d)/g,
        (_m, from: string) => `${from}到`,
      )
      .replace(/(?<!\d)(\d{1,2})[:：](\d{2})(?!\d)/g, (_m, h: string, m: string) => clock(h, m))
      .replace(/(\d+(?:\.\d+)?)\s*[%％]/g, (_m, value: string) => `百分之${readDecimal(value)}`)
      .replace(/[¥￥]\s*(\d+(?:\.\d+)?)/g, (_m, value: string) => `${value}元`)
      .replace(/(?<!\d)(\d{4})(?=\s*年)/g, (_m, year: string) => readDigitByDigit(year, DIGITS))
      .replace(/(?<!\d)(\d+)\.(\d+)(?!\d)/g, (_m, whole: string, fraction: string) => {
        return `${readCardinal(whole)}点${readDigitByDigit(fraction, DIGITS)}`;
      })
      // Codes and telephone numbers: five or more digits, or a leading zero.
      .replace(/(?<!\d)(?:\d{5,}|0\d+)(?!\d)/g, (digits) => readDigitByDigit(digits))
      .replace(TWO_BEFORE_MEASURE, '两')
      .replace(/\d+/g, (digits) => readCardinal(digits))
  );
}

function readDecimal(value: string): string {
  const [whole, fraction] = value.split('.');
  return fraction ? `${readCardinal(whole)}点${readDigitByDigit(fraction, DIGITS)}` : readCardinal(whole);
}
