/**
 * The widget's way into the pre-check: the 预审我的材料 button under an item's answer, which loads
 * `widget-precheck.<hash>.js` on first use (its name is fixed at build time, so the widget and the
 * chunk always come from the same release) and places `<daoban-precheck>` in the conversation.
 * While a result card is shown, the print stylesheets make 打印 print that card alone: the host
 * page's elements around the widget and the chat around the card are hidden.
 */
import { h } from '../shared/dom.ts';
import { HOST_PRINT_CSS, WIDGET_PRINT_CSS } from '../shared/precheck-styles.ts';
import type { FallbackWhere } from '../shared/precheck-result.ts';
import type { DaobanPrecheck } from './precheck-element.ts';

declare const __DAOBAN_PRECHECK_CHUNK__: string | undefined;

const TAG = 'daoban-precheck';
const CHUNK =
  typeof __DAOBAN_PRECHECK_CHUNK__ === 'string' ? __DAOBAN_PRECHECK_CHUNK__ : '/widget-precheck.js';
const PRINT_MARK = 'data-daoban-print';
const LOAD_FAILED = '暂时无法打开材料预审，请稍后再试，或直接到窗口咨询。';

let loading: Promise<void> | undefined;

function loadChunk(server: string): Promise<void> {
  if (customElements.get(TAG)) return Promise.resolve();
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(CHUNK, new URL(server || '/', location.href)).href;
    script.async = true;
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener(
      'error',
      () => {
        script.remove();
        loading = undefined;
        reject(new Error('chunk'));
      },
      { once: true },
    );
    document.head.append(script);
  }).then(() => customElements.whenDefined(TAG).then(() => undefined));
  return loading;
}

const sheets = new WeakMap<Document | ShadowRoot, CSSStyleSheet>();

/** Constructed sheets: the host page's Content-Security-Policy does not govern them. */
function adopt(target: Document | ShadowRoot, css: string, disabled = false): void {
  if (sheets.has(target)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  sheet.disabled = disabled;
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  sheets.set(target, sheet);
}

function setPrintable(host: HTMLElement, on: boolean): void {
  // The host page's sheet hides the page: it is on only while a result card is there to print.
  const hostSheet = sheets.get(document);
  if (hostSheet) hostSheet.disabled = !on;
  host.toggleAttribute('data-precheck-print', on);
  for (let node = host.parentElement; node && node !== document.body; node = node.parentElement) {
    node.toggleAttribute(PRINT_MARK, on);
  }
}

/** A cleared conversation takes its pre-check with it: printing shows the page again. */
export function releasePrint(host: HTMLElement): void {
  if (host.hasAttribute('data-precheck-print')) setPrintable(host, false);
}

export interface PrecheckOpening {
  host: HTMLElement;
  root: ShadowRoot;
  server: string;
  itemId: string;
  itemName: string;
  fallbackWhere?: FallbackWhere;
  /** A pre-check made earlier, opened by the address its QR code holds. */
  reopen?: { number: string; key: string };
  onClose: () => void;
}

/**
 * The log entry holding the pre-check for one item. It says it is loading until the chunk is there;
 * a failure is said in the entry itself, with a way to close it.
 */
export function createPrecheckSlot(opening: PrecheckOpening): HTMLElement {
  adopt(document, HOST_PRINT_CSS, true);
  adopt(opening.root, WIDGET_PRINT_CSS);
  const status = h('p', { class: 'hint', attrs: { role: 'status' }, text: '正在打开材料预审…' });
  const slot = h('div', { class: 'precheck-slot', attrs: { 'data-item': opening.itemId } }, status);
  const close = (): void => {
    setPrintable(opening.host, false);
    slot.remove();
    opening.onClose();
  };
  loadChunk(opening.server).then(
    () => {
      const element = document.createElement(TAG) as DaobanPrecheck;
      slot.replaceChildren(element);
      element.start({
        server: opening.server,
        itemId: opening.itemId,
        itemName: opening.itemName,
        fallbackWhere: opening.fallbackWhere,
        reopen: opening.reopen,
        onResult: (card) => setPrintable(opening.host, card !== undefined),
        onClose: close,
      });
    },
    () => {
      slot.replaceChildren(
        h('p', { class: 'form-error', attrs: { role: 'alert' }, text: LOAD_FAILED }),
        h('button', { class: 'link', text: '关闭', attrs: { type: 'button' }, on: { click: close } }),
      );
    },
  );
  return slot;
}
