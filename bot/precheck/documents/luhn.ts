/** The Luhn (ISO/IEC 7812-1) check on a string of digits: every second digit from the right doubled. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The digit that completes `body` so that it passes the Luhn check. */
export function luhnCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit += 1) if (isLuhnValid(`${body}${digit}`)) return String(digit);
  throw new Error('unreachable: one of ten digits always completes a Luhn sum');
}
