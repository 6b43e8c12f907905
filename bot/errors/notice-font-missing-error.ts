/**
 * Raised when the notice PDF cannot be rendered because no font with Chinese glyphs was found (set
 * NOTICE_FONT_PATH, or install one, e.g. fonts-noto-cjk). The printable page does not need it.
 */
export class NoticeFontMissingError extends Error {
  readonly code = 'NOTICE_FONT_MISSING';

  constructor(message: string) {
    super(message);
    this.name = 'NoticeFontMissingError';
  }
}
