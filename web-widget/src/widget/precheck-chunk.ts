/**
 * Entry of `widget-precheck.<hash>.js`, loaded by the widget only when a citizen opens the pre-check
 * (precheck-loader.ts): it defines `<daoban-precheck>`.
 */
import { DaobanPrecheck, PRECHECK_TAG } from './precheck-element.ts';

if (!customElements.get(PRECHECK_TAG)) customElements.define(PRECHECK_TAG, DaobanPrecheck);
