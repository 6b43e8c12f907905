/**
 * 联系电话: a mainland mobile number (11 digits, 1 then 3–9), written with spaces, dashes or a +86 /
 * 0086 prefix as people do, or a landline with its area code (0 + 2–3 digits + 7–8 digits).
 */

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}[2-9]\d{6,7}$/;

/** Why a phone number is not usable, in words for the citizen, or undefined when it is. */
export function phoneReason(value: string): string | undefined {
  let compact = value.normalize('NFKC').replace(/[\s\-()（）.]/g, '');
  compact = compact.replace(/^(?:\+|00)86(?=1)/, '');
  if (/^861\d{10}$/.test(compact)) compact = compact.slice(2);
  const stray = [...compact].find((character) => !/\d/.test(character));
  if (stray !== undefined) return `联系电话只能填写数字，您填写的号码里有“${stray}”，请核对。`;
  if (compact.startsWith('1')) {
    if (compact.length !== 11) return `应填写11位手机号码，您填写的是${compact.length}位，请核对。`;
    if (MOBILE.test(compact)) return undefined;
    return `手机号码第二位应为3至9，“${compact.slice(0, 2)}”开头的不是手机号码，请核对。`;
  }
  if (compact.startsWith('0')) {
    if (LANDLINE.test(compact)) return undefined;
    return '固定电话应为区号加7至8位号码（如0531-12345678），请核对。';
  }
  return '请填写11位手机号码，或带区号的固定电话（如0531-12345678）。';
}
