/**
 * Loads the notice font once (the first PDF asks for it): the first candidate that pdfkit can open
 * with the face named. When none opens, the PDF is unavailable and says how to fix it.
 */
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { NoticeFontMissingError } from '../../errors/notice-font-missing-error.ts';
import { noticeFontCandidates, type NoticeFont } from './find-cjk-font.ts';

export interface LoadedNoticeFont extends NoticeFont {
  data: Buffer;
}

/** Whether pdfkit opens the font and it has glyphs for the notice's title. */
function opens(font: NoticeFont, data: Buffer): boolean {
  try {
    const probe = new PDFDocument({ autoFirstPage: false });
    if (font.family) probe.font(data, font.family);
    else probe.font(data);
    const width = probe.widthOfString('一次性告知书');
    return Number.isFinite(width) && width > 0;
  } catch {
    return false;
  }
}

export function createNoticeFontLoader(settingPath: string | undefined, folders?: string[]) {
  let loaded: LoadedNoticeFont | undefined;
  return (): LoadedNoticeFont => {
    if (loaded) return loaded;
    const candidates = noticeFontCandidates(settingPath, folders);
    for (const candidate of candidates) {
      let data: Buffer;
      try {
        data = readFileSync(candidate.path);
      } catch {
        continue;
      }
      if (opens(candidate, data)) {
        loaded = { ...candidate, data };
        return loaded;
      }
    }
    throw new NoticeFontMissingError(
      settingPath
        ? `NOTICE_FONT_PATH (${settingPath}) cannot be opened as a font with Chinese glyphs`
        : 'no font with Chinese glyphs found: set NOTICE_FONT_PATH or install one (e.g. fonts-noto-cjk)',
    );
  };
}

export type NoticeFontLoader = ReturnType<typeof createNoticeFontLoader>;
