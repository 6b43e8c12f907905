/**
 * The message input. Enter sends, Shift+Enter breaks the line, and Enter never sends while an input
 * method is composing (拼音 candidates are confirmed with Enter). Some browsers report the
 * confirming keydown after `compositionend` with keyCode 229, so both signals are checked.
 */
import { h } from '../shared/dom.ts';

export interface Composer {
  element: HTMLFormElement;
  input: HTMLTextAreaElement;
  setEnabled(enabled: boolean): void;
}

export function createComposer(options: { maxLength: number; onSend: (text: string) => void }): Composer {
  let composing = false;
  const input = h('textarea', {
    class: 'composer-input',
    attrs: {
      rows: 1,
      maxlength: options.maxLength,
      placeholder: '请输入您要办理的事项或问题',
      'aria-label': '输入您的问题',
      enterkeyhint: 'send',
    },
  });
  const sendButton = h('button', { class: 'send', text: '发送', attrs: { type: 'submit', part: 'send' } });
  const element = h('form', { class: 'composer', attrs: { part: 'composer' } }, input, sendButton);

  const submit = (): void => {
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    options.onSend(text);
  };

  input.addEventListener('compositionstart', () => (composing = true));
  input.addEventListener('compositionend', () => (composing = false));
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    if (composing || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    submit();
  });
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });

  return {
    element,
    input,
    setEnabled(enabled) {
      sendButton.disabled = !enabled;
    },
  };
}
