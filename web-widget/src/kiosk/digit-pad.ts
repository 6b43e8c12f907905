/**
 * An on-screen digit pad for the optional phone number: a hall screen often has no keyboard, and
 * large keys are easier than the system one for older visitors. It types into a normal tel input,
 * which stays editable with a real keyboard too.
 */
import { h } from '../shared/dom.ts';

export function renderDigitPad(input: HTMLInputElement, maxLength: number): HTMLElement {
  const type = (change: (value: string) => string): void => {
    input.value = change(input.value).slice(0, maxLength);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const key = (text: string, label: string, change: (value: string) => string) =>
    h('button', { text, attrs: { type: 'button', 'aria-label': label }, on: { click: () => type(change) } });
  const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) =>
    key(digit, digit, (value) => value + digit),
  );
  return h(
    'div',
    { class: 'digit-pad', attrs: { role: 'group', 'aria-label': '数字键盘' } },
    ...digits,
    key('清空', '清空号码', () => ''),
    key('0', '0', (value) => `${value}0`),
    key('删除', '删除一位', (value) => value.slice(0, -1)),
  );
}
