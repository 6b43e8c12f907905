/**
 * Entry of `widget.js`. Loaded by one script tag on the host page:
 *   <script src="https://hall.example/widget.js" data-server="https://hall.example" data-title="…"></script>
 * It defines `<daoban-widget>` and mounts one, copying the script's data attributes (on a shared
 * computer add `data-public`, see daoban-widget.ts). A page can also
 * place `<daoban-widget data-server="…">` itself and load the script anywhere.
 */
import { DaobanWidget } from './daoban-widget.ts';

const TAG = 'daoban-widget';
const script = document.currentScript;

if (!customElements.get(TAG)) customElements.define(TAG, DaobanWidget);

function mount(): void {
  if (document.querySelector(TAG)) return;
  const widget = document.createElement(TAG);
  if (script instanceof HTMLScriptElement) {
    for (const name of [
      'data-server',
      'data-title',
      'data-public',
      'data-idle-seconds',
      'data-remember-days',
    ]) {
      const value = script.getAttribute(name);
      if (value !== null) widget.setAttribute(name, value);
    }
    if (script.hasAttribute('data-open')) widget.setAttribute('open', '');
  }
  document.body.append(widget);
}

if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount, { once: true });
