/**
 * Keeps the full-screen panel of a phone inside the visual viewport: when the on-screen keyboard
 * opens (or the page is zoomed), the layout viewport stays tall and a `position: fixed` panel would
 * keep its input under the keyboard. The panel takes the visual viewport's height and offset
 * instead. On wider screens (the floating panel) nothing is changed. Returns the stop function.
 */
const PHONE = '(max-width: 600px)';

export function followVisualViewport(panel: HTMLElement): () => void {
  const viewport = window.visualViewport;
  if (!viewport) return () => undefined;
  const fit = (): void => {
    if (!matchMedia(PHONE).matches) {
      panel.style.removeProperty('top');
      panel.style.removeProperty('height');
      panel.style.removeProperty('bottom');
      return;
    }
    panel.style.top = `${viewport.offsetTop}px`;
    panel.style.height = `${viewport.height}px`;
    panel.style.bottom = 'auto';
  };
  fit();
  viewport.addEventListener('resize', fit);
  viewport.addEventListener('scroll', fit);
  return () => {
    viewport.removeEventListener('resize', fit);
    viewport.removeEventListener('scroll', fit);
  };
}
