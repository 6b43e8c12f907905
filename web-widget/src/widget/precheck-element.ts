/**
 * `<daoban-precheck>`: the pre-check flow (shared/precheck-flow.ts) in its own shadow root, placed by
 * the widget into its conversation under the answer it was opened from. It lives in the lazily
 * loaded `widget-precheck.js` (precheck-chunk.ts), so the widget itself stays small; the --db-*
 * custom properties of the widget reach in through the shadow boundary and theme it.
 */
import { h } from '../shared/dom.ts';
import { createPrecheckFlow, type PrecheckFlowOptions } from '../shared/precheck-flow.ts';
import { renderPrecheckQr } from '../shared/precheck-qr.ts';
import { PRECHECK_CSS } from '../shared/precheck-styles.ts';

export const PRECHECK_TAG = 'daoban-precheck';

export type PrecheckElementOptions = Omit<
  PrecheckFlowOptions,
  'headingLevel' | 'uploads' | 'fields' | 'download' | 'qrCode' | 'idPrefix'
> & { idPrefix?: string };

let count = 0;

export class DaobanPrecheck extends HTMLElement {
  private readonly root: ShadowRoot;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  /** Starts the flow for one item; the element shows it until the citizen leaves it. */
  start(options: PrecheckElementOptions): void {
    const origin = new URL(options.server || '/', location.href).origin;
    const flow = createPrecheckFlow({
      ...options,
      idPrefix: options.idPrefix ?? `pc${count++}`,
      headingLevel: 3,
      uploads: true,
      fields: true,
      download: true,
      qrCode: (result) => renderPrecheckQr(origin, result, 'clerk'),
    });
    this.root.replaceChildren(
      h('style', { text: `:host{display:block;align-self:stretch}${PRECHECK_CSS}` }),
      flow.element,
    );
  }
}
