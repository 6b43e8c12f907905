/**
 * The QR code on the kiosk's confirmation, so the visitor can follow the case on a phone. Drawn as
 * one SVG path from the code's modules (built through the DOM helpers, no markup strings), with a
 * quiet zone of four modules as scanners expect.
 */
import { create } from 'qrcode';
import { svg } from '../shared/dom.ts';

const QUIET_ZONE = 4;
/** Medium error correction: a smudged screen still scans, the code stays coarse enough to read. */
export const QR_OPTIONS = { errorCorrectionLevel: 'M' } as const;

/** The address the phone opens: the hall's site with the case (and the lookup code when there is one). */
export function caseFollowUrl(origin: string, number: string, code?: string): string {
  const query = new URLSearchParams({ case: number });
  if (code) query.set('code', code);
  return `${origin}/?${query.toString()}`;
}

export function renderQrCode(text: string, label: string): SVGElement {
  const { modules } = create(text, QR_OPTIONS);
  const size = modules.size + QUIET_ZONE * 2;
  let path = '';
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) path += `M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
    }
  }
  return svg(
    'svg',
    {
      class: 'case-qr',
      viewBox: `0 0 ${size} ${size}`,
      role: 'img',
      'aria-label': label,
      'shape-rendering': 'crispEdges',
      'data-text': text,
    },
    svg('rect', { width: size, height: size, fill: '#fff' }),
    svg('path', { d: path, fill: '#000' }),
  );
}
