/**
 * The pre-check on the hall screen, opened with 预审我的材料 from an item's answer: the same three
 * steps as in the widget (shared/precheck-flow.ts), in large touch type, with the checklist only —
 * no photos (a hall screen has no camera) and no numbers typed where others can read them. The result
 * shows the pre-check number and its QR code, so the visitor takes the result away on a phone. Going
 * home after idle time clears it like every other screen.
 */
import type { ItemCard } from '../../../bot/types.ts';
import { whereToGo } from '../shared/answer-card.ts';
import { h } from '../shared/dom.ts';
import { createPrecheckFlow } from '../shared/precheck-flow.ts';
import { renderPrecheckQr } from '../shared/precheck-qr.ts';
import { KIOSK_PRECHECK_CSS, KIOSK_PRINT_CSS, PRECHECK_CSS } from '../shared/precheck-styles.ts';

let styled = false;

function addStyles(): void {
  if (styled) return;
  styled = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${PRECHECK_CSS}${KIOSK_PRECHECK_CSS}${KIOSK_PRINT_CSS}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

export interface PrecheckScreenOptions {
  card: ItemCard;
  /** Back to the answer the pre-check was opened from. */
  onClose: () => void;
  backButton: () => HTMLElement;
  say: (text: string) => void;
}

let count = 0;

export function renderPrecheckScreen(options: PrecheckScreenOptions): HTMLElement {
  addStyles();
  document.body.dataset.screen = 'precheck';
  const { card } = options;
  const flow = createPrecheckFlow({
    server: '',
    itemId: card.id,
    itemName: card.name,
    idPrefix: `kp${count++}`,
    headingLevel: 2,
    uploads: false,
    fields: false,
    download: false,
    fallbackWhere: { place: whereToGo(card), hours: card.hours, address: card.address },
    qrCode: (result) => renderPrecheckQr(location.origin, result, 'phone'),
    closeLabel: '返回事项说明',
    numberNote: '请用手机扫描二维码保存本次预审结果；到窗口报出预审编号，工作人员即可查看。',
    onResult: (shown) => {
      if (shown) options.say('预审结果已生成，请用手机扫描二维码保存预审编号。');
    },
    onClose: options.onClose,
  });
  options.say(`${card.name}，材料预审。请按提示点选。`);
  return h('div', { class: 'precheck-screen answer' }, options.backButton(), flow.element);
}
